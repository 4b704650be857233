package net.intercomj.host.feature;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.json.Json;
import net.intercomj.api.subnet.Subnet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample timer feature of the original ({@code --timer}): the subnet's admin appends the
 * time as feature data, {@code timer_currentTime} = epoch milliseconds, every interval (60 s as
 * upstream), for contracts to read as {@code timer_feature}. The original decided once at start
 * whether this peer is the admin; here each tick checks, so a peer named admin later starts
 * ticking, and one that is admin no more stops.
 */
public final class TimerFeature implements AutoCloseable {

    /** The original's {@code update_interval}. */
    public static final Duration INTERVAL = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(TimerFeature.class);

    private final Subnet subnet;
    private final Clock clock;
    private final ScheduledExecutorService ticks =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("timer-feature").factory());

    private TimerFeature(Subnet subnet, Clock clock) {
        this.subnet = Objects.requireNonNull(subnet, "subnet");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts ticking every {@code interval}, the first tick right away. */
    public static TimerFeature start(Subnet subnet, Clock clock, Duration interval) {
        TimerFeature timer = new TimerFeature(subnet, clock);
        timer.ticks.scheduleAtFixedRate(timer::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return timer;
    }

    private void tick() {
        try {
            if (subnet.isAdmin() && subnet.isWritable()) {
                subnet.appendFeature("timer", "currentTime", Json.of(clock.millis()));
            }
        } catch (RuntimeException e) {
            // The subnet not open yet, or an append refused: the next tick tries again.
            LOG.debug("Timer feature tick skipped: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
