package net.intercomj.host.subnet.replication;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.wallet.Ed25519Keys;

/**
 * Signs and checks the {@link ReplicationMessage.Consensus} a Raft message travels in. The
 * signature binds the subnet, sender, recipient and message, so a message can neither be forged
 * nor be replayed to another indexer or subnet; replaying it to the same one is harmless, since
 * Raft ignores repeated messages.
 */
public final class ConsensusSignature {

    private static final byte[] DOMAIN = "intercom/subnet-raft/v1".getBytes(StandardCharsets.US_ASCII);

    private ConsensusSignature() {}

    /** {@code message} from {@code from} to {@code to}, signed by {@code sign} (from's writer key). */
    public static ReplicationMessage.Consensus seal(Bytes32 subnet, Bytes32 from, Bytes32 to, byte[] message,
            UnaryOperator<byte[]> sign) {
        return new ReplicationMessage.Consensus(from, to, message, sign.apply(signedBytes(subnet, from, to, message)));
    }

    /** Whether {@code consensus} is signed by the key it names as sender. */
    public static boolean verify(Bytes32 subnet, ReplicationMessage.Consensus consensus) {
        return Ed25519Keys.verify(consensus.signature(),
                signedBytes(subnet, consensus.from(), consensus.to(), consensus.message()),
                consensus.from().toByteArray());
    }

    private static byte[] signedBytes(Bytes32 subnet, Bytes32 from, Bytes32 to, byte[] message) {
        return new WireWriter().fixed(DOMAIN).u8(0).bytes32(subnet).bytes32(from).bytes32(to).bytes(message).toByteArray();
    }
}
