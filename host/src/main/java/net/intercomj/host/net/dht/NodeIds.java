package net.intercomj.host.net.dht;

import java.net.InetSocketAddress;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.AddressCodec;
import net.intercomj.host.net.wire.WireWriter;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * A node's id is the BLAKE2b-256 of its address, as in dht-rpc: no node can pick its place in
 * the keyspace (to sit next to a topic and capture its records), and a claimed id is checked
 * against the datagram's source address before the node enters a routing table.
 */
final class NodeIds {

    private NodeIds() {}

    static Bytes32 of(InetSocketAddress address) {
        WireWriter out = new WireWriter(32);
        AddressCodec.write(address, out);
        byte[] bytes = out.toByteArray();
        Blake2bDigest digest = new Blake2bDigest(256);
        digest.update(bytes, 0, bytes.length);
        byte[] id = new byte[32];
        digest.doFinal(id, 0);
        return Bytes32.of(id);
    }
}
