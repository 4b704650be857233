package net.intercomj.host.net.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Counts discovery rounds and dials in progress, so {@code flush()} can resolve when the
 * swarm has nothing left to find or dial. Work started by other work (a dial found by a
 * lookup) is counted before the starting work ends, so zero really means idle.
 */
final class WorkTracker {

    private int inProgress;
    private final List<CompletableFuture<Void>> waiters = new ArrayList<>();

    synchronized void begin() {
        inProgress++;
    }

    void end() {
        List<CompletableFuture<Void>> done;
        synchronized (this) {
            if (--inProgress > 0) {
                return;
            }
            done = List.copyOf(waiters);
            waiters.clear();
        }
        done.forEach(waiter -> waiter.complete(null));
    }

    synchronized CompletableFuture<Void> idle() {
        if (inProgress == 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        waiters.add(waiter);
        return waiter;
    }
}
