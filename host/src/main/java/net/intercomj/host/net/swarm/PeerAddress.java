package net.intercomj.host.net.swarm;

import java.net.InetSocketAddress;
import java.util.List;
import net.intercomj.host.net.Bytes32;

/**
 * Where a peer can be reached: its public key (the identity its connection will prove) and
 * the TCP addresses it listens on.
 */
public record PeerAddress(Bytes32 publicKey, List<InetSocketAddress> addresses) {

    /** At most this many addresses are kept per peer, so a record cannot make us dial a crowd. */
    public static final int MAX_ADDRESSES = 4;

    public PeerAddress {
        addresses = List.copyOf(addresses.subList(0, Math.min(addresses.size(), MAX_ADDRESSES)));
    }
}
