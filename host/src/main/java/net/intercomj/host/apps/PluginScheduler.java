package net.intercomj.host.apps;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plugin's {@link Scheduler}: its tasks are timed by the host's timer thread and each run
 * happens on a virtual thread, so a slow or blocking task delays nobody else's. Cancelled all at
 * once when the plugin stops ({@link #cancelAll}).
 */
final class PluginScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(PluginScheduler.class);

    private final String pluginId;
    private final ScheduledExecutorService timer;
    private final Set<Task> tasks = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /** @param timer the host's timer; it only starts runs, which take no time on it */
    PluginScheduler(String pluginId, ScheduledExecutorService timer) {
        this.pluginId = pluginId;
        this.timer = timer;
    }

    @Override
    public Registration every(Duration period, Runnable task) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A task's period must be positive, not " + period);
        }
        Task scheduled = new Task(task, period);
        scheduled.schedule(Duration.ZERO);
        return scheduled;
    }

    @Override
    public Registration after(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A delay is not negative: " + delay);
        }
        Task scheduled = new Task(task, null);
        scheduled.schedule(delay);
        return scheduled;
    }

    /** Cancels every task of the plugin; later schedules do nothing. */
    void cancelAll() {
        cancelled = true;
        tasks.forEach(Task::close);
    }

    /** One task: a run at a time, the next scheduled when it starts (periodic) or never (once). */
    private final class Task implements Registration {
        private final Runnable body;
        private final Duration period;
        private volatile ScheduledFuture<?> next;
        private volatile boolean closed;

        Task(Runnable body, Duration period) {
            this.body = body;
            this.period = period;
        }

        void schedule(Duration delay) {
            if (closed || cancelled) {
                return;
            }
            tasks.add(this);
            next = timer.schedule(() -> Thread.ofVirtual().name("plugin-task " + pluginId).start(this::run),
                    delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void run() {
            if (closed || cancelled) {
                return;
            }
            long started = System.nanoTime();
            try {
                body.run();
            } catch (RuntimeException e) {
                LOG.warn("A task of plugin {} failed; it keeps its schedule", pluginId, e);
            }
            if (period == null) {
                tasks.remove(this);
                return;
            }
            long elapsed = System.nanoTime() - started;
            schedule(Duration.ofNanos(Math.max(0, period.toNanos() - elapsed)));
        }

        @Override
        public void close() {
            closed = true;
            ScheduledFuture<?> pending = next;
            if (pending != null) {
                pending.cancel(false);
            }
            tasks.remove(this);
        }
    }
}
