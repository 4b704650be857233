package net.intercomj.sidechannel.limit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Per-peer inbound byte budget (spec §2.10a): a token bucket, strikes counted in a fixed 5 s window,
 * and a 30 s block after {@code maxStrikes} rejections.
 *
 * <p>State is keyed by the peer's public key, not by connection, so reconnecting does not lift a
 * block (fix §6.25). Memory is bounded: idle entries equivalent to a fresh one are pruned, and at most
 * {@link #MAX_TRACKED_PEERS} keys are tracked. Thread-safe.
 */
public final class RateLimiter {

    /** Length of the fixed strike window. */
    public static final long STRIKE_WINDOW_MILLIS = 5_000;
    /** How long a peer stays blocked. */
    public static final long BLOCK_MILLIS = 30_000;
    /** Idle time after which a full, unblocked bucket is forgotten. */
    public static final long IDLE_MILLIS = 60_000;
    /** Most peer keys tracked at once. */
    public static final int MAX_TRACKED_PEERS = 10_000;

    private static final int PRUNE_EVERY_CHECKS = 1_024;

    /** The outcome of one {@link #check}. */
    public enum Decision {
        /** Within budget; the bytes were charged. */
        ACCEPT,
        /** Over budget; a strike was counted, nothing charged. */
        REJECT,
        /** Over budget, and this strike blocked the peer. */
        BLOCKED_NOW,
        /** The peer is blocked; nothing was counted. */
        BLOCKED
    }

    private static final class Bucket {
        double tokens;
        long lastRefill;
        int strikes;
        long strikeResetAt;
        long blockedUntil;
        long lastSeen;
    }

    private final int bytesPerSecond;
    private final int burst;
    private final int maxStrikes;
    private final LongSupplier clock;
    private final int maxTracked;
    private final int pruneEvery;
    // Access order, so iteration starts at the least recently used peer.
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);
    private int checksSincePrune;
    private long nextFullPruneAt = Long.MIN_VALUE;

    /**
     * @param bytesPerSecond refill rate; {@code ≤ 0} disables limiting (every check accepts)
     * @param burst          bucket size: the most bytes accepted at once
     * @param maxStrikes     rejections within one window that block the peer
     * @param clockMillis    epoch millis
     */
    public RateLimiter(int bytesPerSecond, int burst, int maxStrikes, LongSupplier clockMillis) {
        this(bytesPerSecond, burst, maxStrikes, clockMillis, MAX_TRACKED_PEERS, PRUNE_EVERY_CHECKS);
    }

    RateLimiter(int bytesPerSecond, int burst, int maxStrikes, LongSupplier clockMillis, int maxTracked,
            int pruneEvery) {
        if (maxTracked < 1 || pruneEvery < 1) {
            throw new IllegalArgumentException("maxTracked and pruneEvery must be positive");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.burst = burst;
        this.maxStrikes = maxStrikes;
        this.clock = Objects.requireNonNull(clockMillis, "clockMillis");
        this.maxTracked = maxTracked;
        this.pruneEvery = pruneEvery;
    }

    /** Charges {@code bytes} to {@code peerKey}'s budget. */
    public synchronized Decision check(String peerKey, int bytes) {
        Objects.requireNonNull(peerKey, "peerKey");
        if (bytesPerSecond <= 0) {
            return Decision.ACCEPT;
        }
        long now = clock.getAsLong();
        if (++checksSincePrune >= pruneEvery) {
            prune(now);
        }
        Bucket bucket = buckets.get(peerKey);
        if (bucket == null) {
            bucket = track(peerKey, now);
        }
        bucket.lastSeen = now;
        if (now < bucket.blockedUntil) {
            return Decision.BLOCKED;
        }
        if (now > bucket.strikeResetAt) {
            // A fixed window, as in the original: strikes reset when it ends, not as they age.
            bucket.strikes = 0;
            bucket.strikeResetAt = now + STRIKE_WINDOW_MILLIS;
        }
        refill(bucket, now);
        if (bytes > bucket.tokens) {
            bucket.strikes++;
            if (bucket.strikes >= maxStrikes) {
                bucket.blockedUntil = now + BLOCK_MILLIS;
                return Decision.BLOCKED_NOW;
            }
            return Decision.REJECT;
        }
        bucket.tokens -= bytes;
        return Decision.ACCEPT;
    }

    /** Whether {@code peerKey} is blocked now. */
    public synchronized boolean isBlocked(String peerKey) {
        if (bytesPerSecond <= 0) {
            return false;
        }
        Bucket bucket = buckets.get(peerKey);
        return bucket != null && clock.getAsLong() < bucket.blockedUntil;
    }

    /** How many peer keys are tracked (for tests and stats). */
    synchronized int trackedPeers() {
        return buckets.size();
    }

    /** Whether {@code peerKey} has state (for tests); does not count as a use. */
    synchronized boolean tracks(String peerKey) {
        return buckets.containsKey(peerKey);
    }

    private Bucket track(String peerKey, long now) {
        if (buckets.size() >= maxTracked) {
            // A full scan at most once a second, so a flood of new keys stays O(1) per key.
            if (now >= nextFullPruneAt) {
                prune(now);
            }
            if (buckets.size() >= maxTracked) {
                evictLeastRecentlyUsed(now);
            }
        }
        Bucket bucket = new Bucket();
        bucket.tokens = burst;
        bucket.lastRefill = now;
        bucket.strikeResetAt = now + STRIKE_WINDOW_MILLIS;
        buckets.put(peerKey, bucket);
        return bucket;
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = now - bucket.lastRefill;
        if (elapsed > 0) {
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed / 1000.0 * bytesPerSecond);
            bucket.lastRefill = now;
        }
    }

    /** Drops entries that a fresh bucket would replace exactly: idle, unblocked, refilled to full. */
    private void prune(long now) {
        checksSincePrune = 0;
        nextFullPruneAt = now + 1_000;
        Iterator<Bucket> it = buckets.values().iterator();
        while (it.hasNext()) {
            Bucket bucket = it.next();
            if (now - bucket.lastSeen > IDLE_MILLIS && now >= bucket.blockedUntil
                    && refilledTokens(bucket, now) >= burst) {
                it.remove();
            }
        }
    }

    private double refilledTokens(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.lastRefill);
        return bucket.tokens + elapsed / 1000.0 * bytesPerSecond;
    }

    /**
     * Makes room when every tracked peer is active: the least recently used unblocked peer goes,
     * or, if all are blocked, the least recently used one (memory stays bounded either way).
     */
    private void evictLeastRecentlyUsed(long now) {
        Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            if (now >= it.next().getValue().blockedUntil) {
                it.remove();
                return;
            }
        }
        it = buckets.entrySet().iterator();
        if (it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
