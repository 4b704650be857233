package net.intercomj.host.net.dht;

import java.net.InetSocketAddress;
import net.intercomj.host.net.Bytes32;

/** A DHT node as others know it: its id and its UDP address. */
record DhtPeer(Bytes32 id, InetSocketAddress address) {

    static DhtPeer at(InetSocketAddress address) {
        return new DhtPeer(NodeIds.of(address), address);
    }
}
