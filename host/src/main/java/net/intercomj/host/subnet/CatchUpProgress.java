package net.intercomj.host.subnet;

import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Progress lines while a peer applies a long backlog of confirmed batches: where it is, how
 * fast it goes and what is left, at most every {@link #INTERVAL_NANOS}, and one line when it has
 * caught up. A short backlog (under {@link #MIN_BACKLOG} batches) stays silent.
 */
final class CatchUpProgress {

    static final long MIN_BACKLOG = 50;
    static final long INTERVAL_NANOS = 2_000_000_000L;

    private final LongSupplier nanoClock;
    private boolean catchingUp;
    private long startedNanos;
    private long lastReportNanos;
    private long entriesApplied;

    CatchUpProgress(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * After a batch was applied.
     *
     * @param applied   batches applied now
     * @param available the most batches any peer said it holds
     * @param entries   entries in the batch just applied
     * @return a line to show, if it is time for one
     */
    Optional<String> applied(long applied, long available, int entries) {
        long now = nanoClock.getAsLong();
        long left = Math.max(0, available - applied);
        if (!catchingUp) {
            if (left < MIN_BACKLOG) {
                return Optional.empty();
            }
            catchingUp = true;
            startedNanos = now;
            lastReportNanos = now;
            entriesApplied = 0;
            return Optional.of("Subnet catching up: " + left + " batches to apply");
        }
        entriesApplied += entries;
        if (left == 0) {
            catchingUp = false;
            return Optional.of(String.format(Locale.ROOT, "Subnet caught up: %d batches, %d entries in %.1f s",
                    applied, entriesApplied, (now - startedNanos) / 1e9));
        }
        if (now - lastReportNanos < INTERVAL_NANOS) {
            return Optional.empty();
        }
        lastReportNanos = now;
        double seconds = Math.max(1e-9, (now - startedNanos) / 1e9);
        return Optional.of(String.format(Locale.ROOT, "Subnet catching up: batch %d of %d, %.0f entries/s, %d batches left",
                applied, available, entriesApplied / seconds, left));
    }
}
