package net.intercomj.host.net.ping;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import net.intercomj.host.net.mux.Channel;
import net.intercomj.host.net.mux.ChannelHandler;
import net.intercomj.host.net.mux.ChannelSpec;
import net.intercomj.host.net.mux.CloseReason;
import net.intercomj.host.net.mux.Mux;

/**
 * Round trips over a connection's mux: answers the other side's pings, and measures its own.
 * Install it on each connection before the mux starts ({@link #install}); the channel opens
 * on the first {@link #ping}.
 */
public final class Pinger {

    private final Mux mux;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    private final CompletableFuture<Channel<PingMessage>> ready = new CompletableFuture<>();
    private boolean opened;

    private Pinger(Mux mux) {
        this.mux = mux;
    }

    /** Answers pings on {@code mux} and returns the pinger for its own pings. */
    public static Pinger install(Mux mux) {
        Pinger pinger = new Pinger(mux);
        mux.register(PingMessage.PROTOCOL, open -> Optional.of(pinger.spec()));
        return pinger;
    }

    /**
     * Sends a ping with {@code payloadSize} bytes and waits for its pong.
     *
     * @return the round-trip time
     * @throws TimeoutException if no pong came within {@code timeout}
     */
    public Duration ping(int payloadSize, Duration timeout) throws InterruptedException, TimeoutException {
        Channel<PingMessage> open = channel(timeout);
        long id = nextId.getAndIncrement();
        CompletableFuture<Long> pong = new CompletableFuture<>();
        waiting.put(id, pong);
        try {
            long start = System.nanoTime();
            if (!open.send(new PingMessage.Ping(id, new byte[payloadSize]))) {
                throw new TimeoutException("the connection closed");
            }
            long end = pong.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return Duration.ofNanos(end - start);
        } catch (ExecutionException e) {
            throw new TimeoutException("the connection closed: " + e.getCause().getMessage());
        } finally {
            waiting.remove(id);
        }
    }

    /** The ping channel once both sides have opened it; opens it on first use. */
    private Channel<PingMessage> channel(Duration timeout) throws InterruptedException, TimeoutException {
        synchronized (this) {
            if (!opened && !ready.isDone()) {
                opened = true;
                try {
                    mux.open(spec());
                } catch (IllegalStateException alreadyOpenedByPeer) {
                    // The other side opened first and our acceptor answered: onOpen brings that channel.
                }
            }
        }
        try {
            return ready.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new TimeoutException("the ping channel did not open: " + e.getCause().getMessage());
        }
    }

    private ChannelSpec<PingMessage> spec() {
        return ChannelSpec.of(PingMessage.PROTOCOL, PingMessage.CODEC, new ChannelHandler<>() {
            @Override
            public void onOpen(Channel<PingMessage> channel) {
                ready.complete(channel);
            }

            @Override
            public void onMessage(Channel<PingMessage> from, PingMessage message) {
                switch (message) {
                    case PingMessage.Ping ping -> from.trySend(new PingMessage.Pong(ping.id(), ping.payload()));
                    case PingMessage.Pong pong -> {
                        CompletableFuture<Long> waiter = waiting.get(pong.id());
                        if (waiter != null) {
                            waiter.complete(System.nanoTime());
                        }
                    }
                }
            }

            @Override
            public void onClose(Channel<PingMessage> closed, CloseReason reason) {
                ready.completeExceptionally(new IllegalStateException("closed: " + reason));
                waiting.values().forEach(waiter -> waiter.completeExceptionally(
                        new IllegalStateException("ping channel closed: " + reason)));
            }
        });
    }
}
