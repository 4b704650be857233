package net.intercomj.api.plugin;

import java.time.Duration;
import net.intercomj.api.network.Registration;

/**
 * Runs a plugin's tasks later or periodically, each run on a virtual thread of its own: a
 * feature polling a price, a plugin expiring old state. The scheduler is the plugin's: when the
 * plugin stops or is unloaded, its tasks are cancelled. A task that throws is logged and keeps
 * its schedule.
 *
 * <p>Contract code never uses it: contracts run only when ops are applied.
 */
public interface Scheduler {

    /**
     * Runs {@code task} every {@code period}, the first time right away. Runs do not overlap: the
     * next is due {@code period} after the previous one started, or when it ends if it took longer.
     *
     * @return closing it cancels the task
     * @throws IllegalArgumentException if {@code period} is not positive
     */
    Registration every(Duration period, Runnable task);

    /**
     * Runs {@code task} once, after {@code delay}.
     *
     * @return closing it cancels the task if it has not run yet
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    Registration after(Duration delay, Runnable task);
}
