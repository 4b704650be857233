package net.intercomj.host.net.swarm;

import java.nio.charset.StandardCharsets;
import net.intercomj.host.net.Bytes32;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Topic derivations. */
public final class Topics {

    private static final byte[] BLIND = "intercom/swarm/topic/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PEER = "intercom/swarm/peer/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NAMED = "intercom/topic/v1".getBytes(StandardCharsets.UTF_8);

    private Topics() {}

    /** The topic of a name, e.g. a sidechannel or a subnet channel. */
    public static Bytes32 named(String name) {
        return hash(NAMED, name.getBytes(StandardCharsets.UTF_8));
    }

    /** The topic every peer announces itself under, so it can be found by its key alone. */
    static Bytes32 ofPeer(Bytes32 publicKey) {
        return hash(PEER, publicKey.toByteArray());
    }

    /** A topic as shown to one connection: useless on any other, and hiding topics not shared. */
    static Bytes32 blind(Bytes32 topic, byte[] handshakeHash) {
        return hash(BLIND, handshakeHash, topic.toByteArray());
    }

    private static Bytes32 hash(byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return Bytes32.of(out);
    }
}
