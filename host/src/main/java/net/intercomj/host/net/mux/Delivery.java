package net.intercomj.host.net.mux;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one channel's events to its handler on a thread of its own, in order, holding at most
 * {@code capacityBytes} of undelivered messages: the connection's reading thread waits for
 * room, which pauses reading until the handler catches up.
 */
final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** One thing for the handler to do; its weight counts against the buffer. */
    record Event(int weight, Runnable action) {}

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private final int capacityBytes;
    private final Consumer<Throwable> onHandlerFailure;

    Delivery(String name, int capacityBytes, Consumer<Throwable> onHandlerFailure) {
        this.capacityBytes = capacityBytes;
        this.room = new Semaphore(capacityBytes);
        this.onHandlerFailure = onHandlerFailure;
        Thread.ofVirtual().name(name).start(this::run);
    }

    /** Queues a message event, waiting while the buffer is full. */
    void message(int bytes, Runnable action) throws InterruptedException {
        // A message larger than the whole buffer waits for an empty buffer rather than forever.
        int weight = Math.max(1, Math.min(bytes, capacityBytes));
        room.acquire(weight);
        events.add(new Event(weight, action));
    }

    /** Queues an event that does not count against the buffer (open, close). */
    void control(Runnable action) {
        events.add(new Event(0, action));
    }

    /** Queues the last event: the thread ends after running it. */
    void finish(Runnable action) {
        events.add(new Event(-1, action));
    }

    private void run() {
        boolean failed = false;
        while (true) {
            Event event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event.weight() < 0) {
                event.action().run();
                room.release(capacityBytes);
                return;
            }
            try {
                if (!failed) {
                    event.action().run();
                }
            } catch (RuntimeException | Error e) {
                failed = true;
                LOG.debug("Channel handler failed", e);
                onHandlerFailure.accept(e);
            } finally {
                if (event.weight() > 0) {
                    room.release(event.weight());
                }
            }
        }
    }
}
