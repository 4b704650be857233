package net.intercomj.host.net.lan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.swarm.PeerAddress;

/**
 * Announcements heard on the LAN, by topic and key, each usable until it expires. Bounded per
 * topic and in total, evicting the least recently heard, so a flood of datagrams costs a
 * fixed amount of memory. Thread-safe.
 */
final class AnnouncementCache {

    private record Key(Bytes32 topic, Bytes32 publicKey) {}

    private record Entry(PeerAddress peer, long expiresAt) {}

    private final long expiryNanos;
    private final int maxPerTopic;
    private final int maxTotal;
    private final LongSupplier nanoClock;
    // Both in the order heard, least recent first: re-heard entries are removed and put back.
    // Since every entry lives equally long, that is also the order in which they expire.
    private final LinkedHashMap<Key, Entry> all = new LinkedHashMap<>();
    private final Map<Bytes32, LinkedHashMap<Bytes32, Entry>> byTopic = new HashMap<>();

    AnnouncementCache(Duration expiry, int maxPerTopic, int maxTotal, LongSupplier nanoClock) {
        this.expiryNanos = expiry.toNanos();
        this.maxPerTopic = maxPerTopic;
        this.maxTotal = maxTotal;
        this.nanoClock = nanoClock;
    }

    /**
     * Remembers {@code peer} under {@code topic} (again). Returns whether that is news: the
     * peer was not known (or had expired) or its addresses changed, which is when lookups in
     * progress must hear of it.
     */
    synchronized boolean put(Bytes32 topic, PeerAddress peer) {
        long now = nanoClock.getAsLong();
        purgeExpired(now);
        Key key = new Key(topic, peer.publicKey());
        Entry previous = remove(key);
        Entry entry = new Entry(peer, now + expiryNanos);
        all.put(key, entry);
        LinkedHashMap<Bytes32, Entry> topicEntries = byTopic.computeIfAbsent(topic, t -> new LinkedHashMap<>());
        topicEntries.put(peer.publicKey(), entry);
        if (topicEntries.size() > maxPerTopic) {
            remove(new Key(topic, topicEntries.keySet().iterator().next()));
        }
        if (all.size() > maxTotal) {
            remove(all.keySet().iterator().next());
        }
        return previous == null || !previous.peer().equals(peer);
    }

    /** Forgets {@code publicKey} under {@code topic}; returns whether it was known. */
    synchronized boolean remove(Bytes32 topic, Bytes32 publicKey) {
        return remove(new Key(topic, publicKey)) != null;
    }

    /** The unexpired announcements of {@code topic}, least recently heard first. */
    synchronized List<PeerAddress> fresh(Bytes32 topic) {
        purgeExpired(nanoClock.getAsLong());
        LinkedHashMap<Bytes32, Entry> topicEntries = byTopic.get(topic);
        List<PeerAddress> peers = new ArrayList<>();
        if (topicEntries != null) {
            topicEntries.values().forEach(entry -> peers.add(entry.peer()));
        }
        return peers;
    }

    /** Unexpired announcements held. */
    synchronized int size() {
        purgeExpired(nanoClock.getAsLong());
        return all.size();
    }

    /** Topics with at least one unexpired announcement. */
    synchronized int topicCount() {
        purgeExpired(nanoClock.getAsLong());
        return byTopic.size();
    }

    private void purgeExpired(long now) {
        Iterator<Map.Entry<Key, Entry>> oldestFirst = all.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<Key, Entry> oldest = oldestFirst.next();
            if (oldest.getValue().expiresAt() - now > 0) {
                return;
            }
            oldestFirst.remove();
            removeFromTopic(oldest.getKey());
        }
    }

    private Entry remove(Key key) {
        Entry removed = all.remove(key);
        if (removed != null) {
            removeFromTopic(key);
        }
        return removed;
    }

    private void removeFromTopic(Key key) {
        LinkedHashMap<Bytes32, Entry> topicEntries = byTopic.get(key.topic());
        if (topicEntries != null) {
            topicEntries.remove(key.publicKey());
            if (topicEntries.isEmpty()) {
                byTopic.remove(key.topic());
            }
        }
    }
}
