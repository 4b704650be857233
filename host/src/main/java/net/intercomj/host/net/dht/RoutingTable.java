package net.intercomj.host.net.dht;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;

/**
 * Kademlia's k-buckets: one per length of the prefix shared with our id, each holding at most
 * k nodes, least recently seen first. A full bucket keeps its old nodes while they answer
 * (long-lived nodes are the reliable ones); the caller pings the oldest and evicts it only if
 * it is gone. Thread-safe.
 */
final class RoutingTable {

    private final Bytes32 self;
    private final int k;
    private final List<LinkedHashMap<Bytes32, DhtPeer>> buckets = new ArrayList<>();

    RoutingTable(Bytes32 self, int k) {
        this.self = self;
        this.k = k;
        for (int i = 0; i <= 256; i++) {
            buckets.add(new LinkedHashMap<>());
        }
    }

    /**
     * Records that {@code peer} was seen. Returns the bucket's oldest node when the bucket is
     * full: ping it, and call {@link #replace} if it does not answer.
     */
    synchronized Optional<DhtPeer> seen(DhtPeer peer) {
        if (peer.id().equals(self)) {
            return Optional.empty();
        }
        LinkedHashMap<Bytes32, DhtPeer> bucket = bucketOf(peer.id());
        if (bucket.remove(peer.id()) != null || bucket.size() < k) {
            bucket.put(peer.id(), peer);
            return Optional.empty();
        }
        return Optional.of(bucket.values().iterator().next());
    }

    /** Swaps an unresponsive {@code stale} node for {@code fresh}, if there is room once it is gone. */
    synchronized void replace(DhtPeer stale, DhtPeer fresh) {
        LinkedHashMap<Bytes32, DhtPeer> bucket = bucketOf(stale.id());
        bucket.remove(stale.id());
        if (bucket.size() < k && !fresh.id().equals(self)) {
            bucketOf(fresh.id()).put(fresh.id(), fresh);
        }
    }

    synchronized boolean contains(DhtPeer peer) {
        return peer.equals(bucketOf(peer.id()).get(peer.id()));
    }

    synchronized void remove(DhtPeer peer) {
        bucketOf(peer.id()).remove(peer.id());
    }

    /** The {@code count} known nodes closest to {@code target}. */
    synchronized List<DhtPeer> closest(Bytes32 target, int count) {
        List<DhtPeer> all = new ArrayList<>();
        buckets.forEach(bucket -> all.addAll(bucket.values()));
        all.sort(Comparator.comparing(peer -> peer.id().xor(target)));
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    synchronized int size() {
        return buckets.stream().mapToInt(LinkedHashMap::size).sum();
    }

    private LinkedHashMap<Bytes32, DhtPeer> bucketOf(Bytes32 id) {
        return buckets.get(self.xor(id).leadingZeroBits());
    }
}
