package net.intercomj.host.net.swarm;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Delays before redialling a peer: short at first (a peer restarting is back within a
 * second), then longer, each with ±25% jitter so peers that lost each other at the same
 * moment do not redial in lockstep.
 */
record Backoff(List<Duration> steps) {

    static final Backoff DEFAULT = new Backoff(List.of(Duration.ofMillis(250), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)));

    Backoff {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("Backoff needs at least one step");
        }
    }

    /** The delay before attempt {@code failures + 1}; the last step repeats. */
    Duration delay(int failures, RandomGenerator random) {
        Duration base = steps.get(Math.min(failures, steps.size() - 1));
        double factor = 0.75 + random.nextDouble() * 0.5;
        return Duration.ofNanos((long) (base.toNanos() * factor));
    }

    /** How many failures in a row before a discovered (not explicit) peer is forgotten. */
    int giveUpAfter() {
        return steps.size();
    }
}
