package net.intercomj.host.bridge;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one client's slow requests one after another on a virtual thread, so a {@code join} that
 * waits for the network holds up neither the I/O threads nor other clients, and two
 * {@code send}s from one client leave in the order they came.
 */
final class SerialRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SerialRunner.class);

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    void submit(Runnable task) {
        tasks.add(task);
        drainIfIdle();
    }

    private void drainIfIdle() {
        if (draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("bridge-request").start(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("A bridge request failed: {}", e.toString(), e);
                }
            }
        } finally {
            draining.set(false);
        }
        // A task added after the last poll but before the flag was cleared would wait forever.
        if (!tasks.isEmpty()) {
            drainIfIdle();
        }
    }
}
