package net.intercomj.host.net.dht;

import java.net.InetSocketAddress;
import java.util.List;
import net.intercomj.host.net.Bytes32;

/**
 * What a peer announces under a topic: its public key, the TCP addresses it listens on, and
 * a sequence number (a newer announcement replaces an older one).
 */
public record PeerRecord(Bytes32 publicKey, List<InetSocketAddress> addresses, long seq) {

    public static final int MAX_ADDRESSES = 4;

    public PeerRecord {
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("At most " + MAX_ADDRESSES + " addresses per record");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("Negative sequence number");
        }
        addresses = List.copyOf(addresses);
    }
}
