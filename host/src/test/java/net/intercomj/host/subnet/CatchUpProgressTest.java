package net.intercomj.host.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CatchUpProgressTest {

    private final AtomicLong now = new AtomicLong();
    private final CatchUpProgress progress = new CatchUpProgress(now::get);

    @Test
    void aShortBacklogStaysSilent() {
        for (long applied = 1; applied <= 10; applied++) {
            assertThat(progress.applied(applied, 10, 5)).isEmpty();
        }
    }

    @Test
    void aLongBacklogReportsRateAndRemainderEveryIntervalThenCaughtUp() {
        assertThat(progress.applied(1, 1001, 10)).contains("Subnet catching up: 1000 batches to apply");
        now.set(CatchUpProgress.INTERVAL_NANOS / 2);
        assertThat(progress.applied(2, 1001, 10)).isEmpty();
        now.set(CatchUpProgress.INTERVAL_NANOS);
        // 2 batches of 10 entries in 2 s.
        assertThat(progress.applied(3, 1001, 10))
                .contains("Subnet catching up: batch 3 of 1001, 10 entries/s, 998 batches left");
        now.set(4 * CatchUpProgress.INTERVAL_NANOS);
        Optional<String> done = progress.applied(1001, 1001, 10);
        assertThat(done).contains("Subnet caught up: 1001 batches, 30 entries in 8.0 s");
        assertThat(progress.applied(1002, 1001, 1)).isEmpty();
    }
}
