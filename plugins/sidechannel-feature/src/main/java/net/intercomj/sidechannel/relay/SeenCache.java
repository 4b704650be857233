package net.intercomj.sidechannel.relay;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Dedupe and replay guard for relayed messages (spec §2.9a, fix §6.22).
 *
 * <p>A message is STALE when its timestamp is more than the window away from now, or not newer than
 * the eviction watermark; DUPLICATE when its key was seen; FRESH otherwise. An entry is kept until
 * {@code max(firstSeen, messageTs) + window}, past which the message is stale anyway. When the cache
 * overflows, the oldest entry goes and the watermark rises to its timestamp, so flooding the cache
 * can never make a forgotten message FRESH again. Thread-safe.
 */
public final class SeenCache {

    /** Whether a message should be processed. */
    public enum Outcome {
        /** Not seen and within the window: remembered now. */
        FRESH,
        /** Seen before. */
        DUPLICATE,
        /** Outside the replay window or not newer than an evicted message. */
        STALE
    }

    private record Entry(String key, long messageTs, long expiresAt, long sequence) {
    }

    private static final Comparator<Entry> BY_EXPIRY =
            Comparator.comparingLong(Entry::expiresAt).thenComparingLong(Entry::sequence);

    private final int capacity;
    private final long windowMillis;
    private final LongSupplier clock;
    // Insertion order gives the oldest entry for eviction; the tree gives the next one to expire.
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private final TreeSet<Entry> byExpiry = new TreeSet<>(BY_EXPIRY);
    private long watermark = Long.MIN_VALUE;
    private long sequence;

    /**
     * @param capacity     most entries kept
     * @param windowMillis largest accepted distance between a message's ts and now
     * @param clockMillis  epoch millis
     */
    public SeenCache(int capacity, long windowMillis, LongSupplier clockMillis) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (windowMillis < 0) {
            throw new IllegalArgumentException("windowMillis must not be negative: " + windowMillis);
        }
        this.capacity = capacity;
        this.windowMillis = windowMillis;
        this.clock = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /** Classifies a received message and remembers it when FRESH. */
    public synchronized Outcome offer(String key, long messageTs) {
        Objects.requireNonNull(key, "key");
        long now = clock.getAsLong();
        expire(now);
        // Math.abs could overflow on extreme timestamps; compare both sides explicitly.
        boolean outsideWindow = messageTs < now && now - messageTs > windowMillis
                || messageTs > now && messageTs - now > windowMillis;
        if (outsideWindow || messageTs <= watermark) {
            return Outcome.STALE;
        }
        if (entries.containsKey(key)) {
            return Outcome.DUPLICATE;
        }
        insert(key, messageTs, now);
        return Outcome.FRESH;
    }

    /** Remembers an own message so its echoes are duplicates; no staleness check. */
    public synchronized void remember(String key, long ts) {
        Objects.requireNonNull(key, "key");
        long now = clock.getAsLong();
        expire(now);
        if (!entries.containsKey(key)) {
            insert(key, ts, now);
        }
    }

    /** Entries currently kept. */
    public synchronized int size() {
        expire(clock.getAsLong());
        return entries.size();
    }

    private void insert(String key, long messageTs, long now) {
        long expiresAt = saturatedAdd(Math.max(now, messageTs), windowMillis);
        Entry entry = new Entry(key, messageTs, expiresAt, sequence++);
        entries.put(key, entry);
        byExpiry.add(entry);
        if (entries.size() > capacity) {
            Iterator<Entry> oldest = entries.values().iterator();
            Entry evicted = oldest.next();
            oldest.remove();
            byExpiry.remove(evicted);
            watermark = Math.max(watermark, evicted.messageTs());
        }
    }

    /** Forgets entries whose messages would now be stale by the window alone. */
    private void expire(long now) {
        while (!byExpiry.isEmpty() && byExpiry.first().expiresAt() < now) {
            Entry expired = byExpiry.pollFirst();
            entries.remove(expired.key());
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
