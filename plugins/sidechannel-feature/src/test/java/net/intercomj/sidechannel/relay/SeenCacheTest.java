package net.intercomj.sidechannel.relay;

import static net.intercomj.sidechannel.relay.SeenCache.Outcome.DUPLICATE;
import static net.intercomj.sidechannel.relay.SeenCache.Outcome.FRESH;
import static net.intercomj.sidechannel.relay.SeenCache.Outcome.STALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SeenCacheTest {

    private static final long WINDOW = 120_000;
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final SeenCache cache = new SeenCache(100, WINDOW, now::get);

    private long now() {
        return now.get();
    }

    @Test
    void freshThenDuplicate() {
        assertThat(cache.offer("a", now())).isEqualTo(FRESH);
        assertThat(cache.offer("a", now())).isEqualTo(DUPLICATE);
        assertThat(cache.offer("a", now() - 5)).isEqualTo(DUPLICATE);
        assertThat(cache.offer("b", now())).isEqualTo(FRESH);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void staleOutsideTheWindowInBothDirections() {
        assertThat(cache.offer("old-edge", now() - WINDOW)).isEqualTo(FRESH);
        assertThat(cache.offer("old", now() - WINDOW - 1)).isEqualTo(STALE);
        assertThat(cache.offer("future-edge", now() + WINDOW)).isEqualTo(FRESH);
        assertThat(cache.offer("future", now() + WINDOW + 1)).isEqualTo(STALE);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void extremeTimestampsAreStaleNotOverflowing() {
        assertThat(cache.offer("min", Long.MIN_VALUE)).isEqualTo(STALE);
        assertThat(cache.offer("max", Long.MAX_VALUE)).isEqualTo(STALE);
    }

    @Test
    void staleMessagesAreNotRemembered() {
        assertThat(cache.offer("a", now() - WINDOW - 1)).isEqualTo(STALE);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aReplayAfterTheWindowIsStaleNotFresh() {
        long ts = now();
        assertThat(cache.offer("a", ts)).isEqualTo(FRESH);
        now.addAndGet(WINDOW);
        assertThat(cache.offer("a", ts)).isEqualTo(DUPLICATE);
        now.addAndGet(1);
        assertThat(cache.offer("a", ts)).isEqualTo(STALE);
        assertThat(cache.size()).isZero();
    }

    @Test
    void entriesLiveUntilTheLaterOfFirstSeenAndTimestampPlusWindow() {
        long future = now() + 60_000;
        assertThat(cache.offer("future", future)).isEqualTo(FRESH);
        long past = now() - 60_000;
        assertThat(cache.offer("past", past)).isEqualTo(FRESH);
        // "past" expires at firstSeen + window, "future" at its ts + window.
        now.addAndGet(WINDOW);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.offer("past", past)).isEqualTo(STALE);
        now.addAndGet(1);
        assertThat(cache.size()).isEqualTo(1);
        now.addAndGet(59_999);
        assertThat(cache.offer("future", future)).isEqualTo(DUPLICATE);
        now.addAndGet(1);
        assertThat(cache.offer("future", future)).isEqualTo(STALE);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aMessageFromTheFutureCannotBeReplayedWhileInsideTheWindow() {
        long ts = now() + WINDOW;
        assertThat(cache.offer("f", ts)).isEqualTo(FRESH);
        // Until ts + window the message is acceptable, so it must still be remembered.
        for (int step = 0; step < 8; step++) {
            now.addAndGet(WINDOW / 4);
            assertThat(cache.offer("f", ts)).isEqualTo(now() <= ts + WINDOW ? DUPLICATE : STALE);
        }
    }

    @Test
    void overflowEvictsTheOldestAndRaisesTheWatermark() {
        SeenCache small = new SeenCache(3, WINDOW, now::get);
        long t = now();
        assertThat(small.offer("a", t - 10)).isEqualTo(FRESH);
        assertThat(small.offer("b", t - 20)).isEqualTo(FRESH);
        assertThat(small.offer("c", t - 5)).isEqualTo(FRESH);
        assertThat(small.offer("d", t)).isEqualTo(FRESH); // evicts "a", watermark t-10
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.offer("a", t - 10)).isEqualTo(STALE);
        assertThat(small.offer("b", t - 20)).isEqualTo(STALE); // below the watermark wins over duplicate
        assertThat(small.offer("c", t - 5)).isEqualTo(DUPLICATE);
        assertThat(small.offer("new-but-old", t - 10)).isEqualTo(STALE);
        assertThat(small.offer("new", t - 9)).isEqualTo(FRESH); // evicts "b", watermark stays t-10
        assertThat(small.offer("newer", t - 9 + 0)).isEqualTo(FRESH); // evicts "c", watermark t-5
        assertThat(small.offer("x", t - 6)).isEqualTo(STALE);
    }

    @Test
    void watermarkNeverGoesDown() {
        SeenCache small = new SeenCache(1, WINDOW, now::get);
        long t = now();
        small.offer("a", t);
        small.offer("b", t - 50); // evicts "a": watermark t
        small.offer("c", t + 1);  // evicts "b" (ts t-50): watermark stays t
        assertThat(small.offer("d", t)).isEqualTo(STALE);
        assertThat(small.offer("e", t + 2)).isEqualTo(FRESH);
    }

    @Test
    void floodOfCapacityPlusOneIdsCannotMakeAnEvictedIdFreshAgain() {
        int capacity = 1000;
        SeenCache bounded = new SeenCache(capacity, WINDOW, now::get);
        long victimTs = now();
        assertThat(bounded.offer("victim", victimTs)).isEqualTo(FRESH);
        now.addAndGet(1);
        for (int i = 0; i < capacity + 1; i++) {
            assertThat(bounded.offer("flood" + i, now() + i % 7)).isEqualTo(FRESH);
        }
        assertThat(bounded.size()).isEqualTo(capacity);
        // The victim was evicted: replaying it, even within the window, is refused.
        assertThat(bounded.offer("victim", victimTs)).isEqualTo(STALE);
        now.addAndGet(WINDOW / 2);
        assertThat(bounded.offer("victim", victimTs)).isEqualTo(STALE);
    }

    @Test
    void floodWithOldTimestampsCannotEvictIntoFreshnessEither() {
        SeenCache bounded = new SeenCache(10, WINDOW, now::get);
        long victimTs = now() - 1000;
        bounded.offer("victim", victimTs);
        for (int i = 0; i < 50; i++) {
            // Attacker timestamps below the victim's cannot lower the watermark.
            bounded.offer("flood" + i, now() - WINDOW + i);
        }
        assertThat(bounded.offer("victim", victimTs)).isEqualTo(STALE);
    }

    @Test
    void rememberMarksOwnMessagesWithoutStalenessCheck() {
        cache.remember("own", now() - 10 * WINDOW);
        cache.remember("own2", now());
        cache.remember("own2", now());
        assertThat(cache.offer("own2", now())).isEqualTo(DUPLICATE);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.offer("own", now() - 10 * WINDOW)).isEqualTo(STALE);
    }

    @Test
    void rememberAlsoEvicts() {
        SeenCache small = new SeenCache(2, WINDOW, now::get);
        long t = now();
        small.remember("a", t - 3);
        small.remember("b", t - 2);
        small.remember("c", t - 1);
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.offer("a", t - 3)).isEqualTo(STALE);
        assertThat(small.offer("b", t - 2)).isEqualTo(DUPLICATE);
    }

    @Test
    void expiredEntriesLeaveAndMemoryStaysBounded() {
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 50; i++) {
                cache.offer("r" + round + "-" + i, now());
            }
            now.addAndGet(WINDOW + 1);
            assertThat(cache.size()).isZero();
        }
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> new SeenCache(0, WINDOW, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeenCache(1, -1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroWindowAcceptsOnlyTheCurrentMillisecond() {
        SeenCache strict = new SeenCache(10, 0, now::get);
        assertThat(strict.offer("a", now())).isEqualTo(FRESH);
        assertThat(strict.offer("b", now() - 1)).isEqualTo(STALE);
        assertThat(strict.offer("a", now())).isEqualTo(DUPLICATE);
    }
}
