package net.intercomj.sidechannel.limit;

import static net.intercomj.sidechannel.limit.RateLimiter.Decision.ACCEPT;
import static net.intercomj.sidechannel.limit.RateLimiter.Decision.BLOCKED;
import static net.intercomj.sidechannel.limit.RateLimiter.Decision.BLOCKED_NOW;
import static net.intercomj.sidechannel.limit.RateLimiter.Decision.REJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final String PEER = "ab".repeat(32);
    private final AtomicLong now = new AtomicLong(1_000_000);
    // 1000 B/s, burst 4000, 3 strikes: small numbers keep the arithmetic obvious.
    private final RateLimiter limiter = new RateLimiter(1000, 4000, 3, now::get);

    private void advance(long millis) {
        now.addAndGet(millis);
    }

    @Test
    void acceptsUpToTheBurst() {
        assertThat(limiter.check(PEER, 3000)).isEqualTo(ACCEPT);
        assertThat(limiter.check(PEER, 1000)).isEqualTo(ACCEPT);
        assertThat(limiter.check(PEER, 1)).isEqualTo(REJECT);
    }

    @Test
    void rejectedMessagesConsumeNothing() {
        assertThat(limiter.check(PEER, 3500)).isEqualTo(ACCEPT);
        assertThat(limiter.check(PEER, 501)).isEqualTo(REJECT);
        assertThat(limiter.check(PEER, 500)).isEqualTo(ACCEPT);
    }

    @Test
    void refillsAtTheConfiguredRate() {
        assertThat(limiter.check(PEER, 4000)).isEqualTo(ACCEPT);
        advance(500);
        assertThat(limiter.check(PEER, 501)).isEqualTo(REJECT);
        assertThat(limiter.check(PEER, 500)).isEqualTo(ACCEPT);
        advance(250);
        assertThat(limiter.check(PEER, 250)).isEqualTo(ACCEPT);
    }

    @Test
    void refillNeverExceedsTheBurst() {
        assertThat(limiter.check(PEER, 1)).isEqualTo(ACCEPT);
        advance(3_600_000);
        assertThat(limiter.check(PEER, 4000)).isEqualTo(ACCEPT);
        assertThat(limiter.check(PEER, 1)).isEqualTo(REJECT);
    }

    @Test
    void strikesWithinTheWindowBlock() {
        assertThat(limiter.check(PEER, 4000)).isEqualTo(ACCEPT);
        assertThat(limiter.check(PEER, 4000)).isEqualTo(REJECT);
        assertThat(limiter.check(PEER, 4000)).isEqualTo(REJECT);
        assertThat(limiter.isBlocked(PEER)).isFalse();
        assertThat(limiter.check(PEER, 4000)).isEqualTo(BLOCKED_NOW);
        assertThat(limiter.isBlocked(PEER)).isTrue();
        assertThat(limiter.check(PEER, 1)).isEqualTo(BLOCKED);
    }

    @Test
    void theStrikeWindowIsFixedNotRolling() {
        // The window opens with the first check, at t0, and ends at t0 + 5000.
        assertThat(limiter.check(PEER, 4000)).isEqualTo(ACCEPT);
        advance(4000);
        assertThat(limiter.check(PEER, 4001)).isEqualTo(REJECT); // t0+4000
        advance(1000);
        assertThat(limiter.check(PEER, 4001)).isEqualTo(REJECT); // t0+5000: still the first window
        advance(1);
        // t0+5001: a new window; a rolling window would still count the strike from t0+4000.
        assertThat(limiter.check(PEER, 4001)).isEqualTo(REJECT);
        assertThat(limiter.check(PEER, 4001)).isEqualTo(REJECT);
        assertThat(limiter.check(PEER, 4001)).isEqualTo(BLOCKED_NOW);
    }

    @Test
    void blockLastsThirtySecondsThenRecovers() {
        for (int i = 0; i < 3; i++) {
            limiter.check(PEER, 5000);
        }
        assertThat(limiter.isBlocked(PEER)).isTrue();
        advance(29_999);
        assertThat(limiter.check(PEER, 1)).isEqualTo(BLOCKED);
        assertThat(limiter.isBlocked(PEER)).isTrue();
        advance(1);
        assertThat(limiter.isBlocked(PEER)).isFalse();
        assertThat(limiter.check(PEER, 4000)).isEqualTo(ACCEPT);
        // Strikes started over with the new window.
        assertThat(limiter.check(PEER, 4000)).isEqualTo(REJECT);
    }

    @Test
    void aMessageBiggerThanTheBurstNeverPasses() {
        for (int i = 0; i < 10; i++) {
            advance(3_600_000);
            assertThat(limiter.check(PEER, 4001)).isNotEqualTo(ACCEPT);
        }
    }

    @Test
    void blockIsKeyedByPeerSoReconnectingDoesNotLiftIt() {
        for (int i = 0; i < 3; i++) {
            limiter.check(PEER, 5000);
        }
        // A new connection from the same peer presents the same key.
        String sameKeyAgain = new String("ab".repeat(32));
        assertThat(limiter.check(sameKeyAgain, 1)).isEqualTo(BLOCKED);
        assertThat(limiter.isBlocked(sameKeyAgain)).isTrue();
        assertThat(limiter.check("cd".repeat(32), 1)).isEqualTo(ACCEPT);
    }

    @Test
    void peersHaveSeparateBudgets() {
        assertThat(limiter.check("a", 4000)).isEqualTo(ACCEPT);
        assertThat(limiter.check("b", 4000)).isEqualTo(ACCEPT);
        assertThat(limiter.check("a", 1)).isEqualTo(REJECT);
    }

    @Test
    void disabledWhenRateIsNotPositive() {
        RateLimiter off = new RateLimiter(0, 10, 1, now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(off.check(PEER, Integer.MAX_VALUE)).isEqualTo(ACCEPT);
        }
        assertThat(off.isBlocked(PEER)).isFalse();
        assertThat(off.trackedPeers()).isZero();
        assertThat(new RateLimiter(-1, 10, 1, now::get).check(PEER, 100)).isEqualTo(ACCEPT);
    }

    @Test
    void unknownPeersAreNotBlocked() {
        assertThat(limiter.isBlocked("never-seen")).isFalse();
    }

    @Test
    void idleFullUnblockedEntriesArePruned() {
        RateLimiter small = new RateLimiter(1000, 4000, 3, now::get, 100, 10);
        small.check("idle", 4000);
        for (int i = 0; i < 3; i++) {
            small.check("blocked", 5000);
        }
        small.check("active", 1);
        assertThat(small.trackedPeers()).isEqualTo(3);
        advance(60_001);
        for (int i = 0; i < 9; i++) {
            small.check("active", 1); // the 10th check overall triggers a prune
        }
        // "idle" refilled and was idle > 60 s; "blocked" has recovered too; "active" was just used.
        assertThat(small.trackedPeers()).isEqualTo(1);
        assertThat(small.tracks("active")).isTrue();
    }

    @Test
    void pruneKeepsBlockedAndRecentEntries() {
        RateLimiter small = new RateLimiter(1000, 4000, 3, now::get, 100, 5);
        for (int i = 0; i < 3; i++) {
            small.check("formerlyBlocked", 5000); // checks 1-3, blocked until t+30 s
        }
        advance(20_000);
        small.check("recent", 1);
        small.check("recent", 1); // check 5: a prune that removes nothing (all seen < 60 s ago)
        advance(45_000);
        for (int i = 0; i < 3; i++) {
            small.check("blocked", 5000); // checks 1-3 of the next round
        }
        advance(1);
        small.check("x", 1);
        small.check("x", 1); // check 5: prune at t+65001
        assertThat(small.isBlocked("blocked")).isTrue();
        assertThat(small.isBlocked("formerlyBlocked")).isFalse();
        // "formerlyBlocked" (idle 65 s, block over, bucket full) went; "recent" was idle only 45 s.
        assertThat(small.trackedPeers()).isEqualTo(3);
        assertThat(small.tracks("formerlyBlocked")).isFalse();
        assertThat(small.tracks("recent")).isTrue();
    }

    @Test
    void partlyEmptyBucketIsNotPrunedUntilRefilled() {
        // Slow refill: 10 B/s, burst 4000; after 61 s only 610 bytes came back.
        RateLimiter slow = new RateLimiter(10, 4000, 3, now::get, 100, 2);
        slow.check("drained", 4000);
        advance(61_000);
        slow.check("other", 1);
        slow.check("other", 1);
        assertThat(slow.trackedPeers()).isEqualTo(2);
        assertThat(slow.check("drained", 611)).isEqualTo(REJECT);
    }

    @Test
    void trackedKeysAreCappedByEvictingTheLeastRecentlyUsedUnblockedPeer() {
        RateLimiter capped = new RateLimiter(1000, 4000, 3, now::get, 3, 1_000_000);
        for (int i = 0; i < 3; i++) {
            capped.check("blocked", 5000);
        }
        capped.check("old", 4000);
        capped.check("newer", 1);
        capped.check("fresh", 1);
        assertThat(capped.trackedPeers()).isEqualTo(3);
        assertThat(capped.isBlocked("blocked")).isTrue();
        assertThat(capped.tracks("old")).isFalse();
        assertThat(capped.tracks("newer")).isTrue();
        // "old" was evicted, so it starts with a full bucket again.
        assertThat(capped.check("old", 4000)).isEqualTo(ACCEPT);
        assertThat(capped.trackedPeers()).isEqualTo(3);
    }

    @Test
    void capHoldsWithTheDefaultLimit() {
        for (int i = 0; i < RateLimiter.MAX_TRACKED_PEERS + 500; i++) {
            limiter.check("peer" + i, 1);
        }
        assertThat(limiter.trackedPeers()).isEqualTo(RateLimiter.MAX_TRACKED_PEERS);
    }

    @Test
    void whenEveryTrackedPeerIsBlockedTheOldestGoes() {
        RateLimiter capped = new RateLimiter(1000, 4000, 1, now::get, 2, 1_000_000);
        assertThat(capped.check("a", 5000)).isEqualTo(BLOCKED_NOW);
        assertThat(capped.check("b", 5000)).isEqualTo(BLOCKED_NOW);
        assertThat(capped.check("c", 1)).isEqualTo(ACCEPT);
        assertThat(capped.trackedPeers()).isEqualTo(2);
        assertThat(capped.isBlocked("a")).isFalse();
        assertThat(capped.isBlocked("b")).isTrue();
    }
}
