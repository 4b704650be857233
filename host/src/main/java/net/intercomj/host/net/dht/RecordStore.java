package net.intercomj.host.net.dht;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.intercomj.host.net.Bytes32;

/**
 * The records this node stores for others, bounded twice: at most {@code maxPerTopic} per
 * topic and {@code maxTotal} in all, the least recently announced going first, so a flood of
 * announcements costs the flooder its own older records, not our memory. Records expire
 * unless re-announced. Thread-safe.
 */
final class RecordStore {

    private record Key(Bytes32 topic, Bytes32 publicKey) {}

    private record Entry(RecordCodec.Signed signed, long expiresAt) {}

    private final Clock clock;
    private final long ttlMillis;
    private final int maxPerTopic;
    private final int maxTotal;
    /** Insertion order is announce order: re-announcing moves a record to the end. */
    private final LinkedHashMap<Key, Entry> all = new LinkedHashMap<>();
    private final Map<Bytes32, LinkedHashMap<Bytes32, Entry>> byTopic = new HashMap<>();

    RecordStore(Clock clock, Duration ttl, int maxPerTopic, int maxTotal) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxPerTopic = maxPerTopic;
        this.maxTotal = maxTotal;
    }

    /** Stores or refreshes; an older sequence number than the one held is ignored. */
    synchronized void put(Bytes32 topic, RecordCodec.Signed signed) {
        Key key = new Key(topic, signed.record().publicKey());
        Entry held = all.get(key);
        if (held != null && held.signed().record().seq() > signed.record().seq() && !expired(held)) {
            return;
        }
        remove(key);
        Entry entry = new Entry(signed, clock.millis() + ttlMillis);
        LinkedHashMap<Bytes32, Entry> topicRecords = byTopic.computeIfAbsent(topic, t -> new LinkedHashMap<>());
        if (topicRecords.size() >= maxPerTopic) {
            remove(new Key(topic, topicRecords.keySet().iterator().next()));
        }
        if (all.size() >= maxTotal) {
            remove(all.keySet().iterator().next());
        }
        all.put(key, entry);
        byTopic.computeIfAbsent(topic, t -> new LinkedHashMap<>()).put(key.publicKey(), entry);
    }

    /** Removes the record of {@code publicKey} under {@code topic}. */
    synchronized void remove(Bytes32 topic, Bytes32 publicKey) {
        remove(new Key(topic, publicKey));
    }

    /** Up to {@code limit} live records of {@code topic}, newest first. */
    synchronized List<RecordCodec.Signed> get(Bytes32 topic, int limit) {
        LinkedHashMap<Bytes32, Entry> topicRecords = byTopic.get(topic);
        if (topicRecords == null) {
            return List.of();
        }
        List<RecordCodec.Signed> out = new ArrayList<>();
        List<Bytes32> expired = new ArrayList<>();
        topicRecords.forEach((publicKey, entry) -> {
            if (expired(entry)) {
                expired.add(publicKey);
            } else {
                out.add(entry.signed());
            }
        });
        expired.forEach(publicKey -> remove(new Key(topic, publicKey)));
        List<RecordCodec.Signed> newestFirst = out.reversed();
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }

    /** Drops expired records. */
    synchronized void purge() {
        for (Iterator<Map.Entry<Key, Entry>> it = all.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Entry> entry = it.next();
            if (expired(entry.getValue())) {
                it.remove();
                LinkedHashMap<Bytes32, Entry> topicRecords = byTopic.get(entry.getKey().topic());
                topicRecords.remove(entry.getKey().publicKey());
                if (topicRecords.isEmpty()) {
                    byTopic.remove(entry.getKey().topic());
                }
            }
        }
    }

    synchronized int size() {
        return all.size();
    }

    synchronized int topics() {
        return byTopic.size();
    }

    private boolean expired(Entry entry) {
        return clock.millis() >= entry.expiresAt();
    }

    private void remove(Key key) {
        if (all.remove(key) == null) {
            return;
        }
        LinkedHashMap<Bytes32, Entry> topicRecords = byTopic.get(key.topic());
        topicRecords.remove(key.publicKey());
        if (topicRecords.isEmpty()) {
            byTopic.remove(key.topic());
        }
    }
}
