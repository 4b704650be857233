package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * One connected WebSocket client and what it has done so far. Everything sent to it is counted
 * until the socket took it: a client that does not read lets that backlog grow, and once it
 * passes the limit the client is disconnected, so it cannot hold memory or slow the others.
 */
final class BridgeSession implements BridgeClient {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeSession.class);

    /** WebSocket close code for a policy violation (RFC 6455 §7.4.1). */
    static final int POLICY_VIOLATION = 1008;

    private final WebSocketChannel channel;
    private final long maxQueuedBytes;
    private final boolean debug;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger failedAuths = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final SerialRunner slowRequests = new SerialRunner();
    private volatile boolean authenticated;
    private volatile BridgeFilter filter;
    private final AtomicReference<Set<String>> subscriptions = new AtomicReference<>(Set.of());

    BridgeSession(WebSocketChannel channel, BridgeFilter defaultFilter, long maxQueuedBytes, boolean debug) {
        this.channel = channel;
        this.filter = defaultFilter;
        this.maxQueuedBytes = maxQueuedBytes;
        this.debug = debug;
    }

    @Override
    public BridgeFilter filter() {
        return filter;
    }

    @Override
    public void filter(BridgeFilter newFilter) {
        filter = newFilter;
    }

    @Override
    public Set<String> subscriptions() {
        return subscriptions.get();
    }

    @Override
    public void updateSubscriptions(UnaryOperator<Set<String>> change) {
        subscriptions.updateAndGet(current ->
                Collections.unmodifiableSet(new LinkedHashSet<>(change.apply(new LinkedHashSet<>(current)))));
    }

    /** Whether events on {@code name} reach this client (spec §3.8). */
    boolean receives(String name) {
        Set<String> current = subscriptions.get();
        return current.isEmpty() || current.contains(name);
    }

    @Override
    public boolean authenticated() {
        return authenticated;
    }

    void authenticate() {
        authenticated = true;
    }

    /** Counts a wrong token; returns how many this connection has presented. */
    int failedAuth() {
        return failedAuths.incrementAndGet();
    }

    /** Runs a request that may block after this client's earlier slow requests. */
    void runSlow(Runnable request) {
        slowRequests.submit(request);
    }

    @Override
    public void send(ObjectNode message) {
        sendEncoded(ByteBuffer.wrap(message.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sends one text frame. {@code utf8} may be shared with other clients: only a view of it is
     * handed to the socket.
     */
    void sendEncoded(ByteBuffer utf8) {
        if (closing.get() || !channel.isOpen()) {
            return;
        }
        int size = utf8.remaining();
        long backlog = queuedBytes.addAndGet(size);
        if (backlog > maxQueuedBytes) {
            queuedBytes.addAndGet(-size);
            drop("send queue full (" + backlog + " bytes waiting, limit " + maxQueuedBytes + "): client too slow");
            return;
        }
        if (debug) {
            LOG.info("SC-Bridge → {}: {}", peerAddress(), StandardCharsets.UTF_8.decode(utf8.duplicate()));
        }
        ByteBuffer frame = utf8.duplicate();
        if (Thread.currentThread() == channel.getIoThread()) {
            sendNow(frame, size);
            return;
        }
        // Sent from another thread, Undertow sometimes runs the completion callback only when a
        // later frame is sent: the backlog then looks larger than it is and a client that reads
        // everything was dropped. On the connection's I/O thread (in order) every frame completes.
        try {
            channel.getIoThread().execute(() -> sendNow(frame, size));
        } catch (RejectedExecutionException e) {
            // The server is stopping; the frame is not sent.
            queuedBytes.addAndGet(-size);
        }
    }

    private void sendNow(ByteBuffer frame, int size) {
        // Undertow warns its send listener may be called twice; a frame leaves the backlog once.
        AtomicBoolean settled = new AtomicBoolean();
        Runnable leaveBacklog = () -> {
            if (settled.compareAndSet(false, true)) {
                queuedBytes.addAndGet(-size);
            }
        };
        WebSockets.sendText(frame, channel, new WebSocketCallback<>() {
            @Override
            public void complete(WebSocketChannel socket, Void context) {
                leaveBacklog.run();
            }

            @Override
            public void onError(WebSocketChannel socket, Void context, Throwable error) {
                leaveBacklog.run();
            }
        });
    }

    /** Closes the connection with a close frame carrying {@code reason}. */
    void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            LOG.warn("SC-Bridge: closing client {}: {}", peerAddress(), reason);
            WebSockets.sendClose(code, reason, channel, new WebSocketCallback<>() {
                @Override
                public void complete(WebSocketChannel socket, Void context) {
                    IoUtils.safeClose(socket);
                }

                @Override
                public void onError(WebSocketChannel socket, Void context, Throwable error) {
                    IoUtils.safeClose(socket);
                }
            });
        }
    }

    /**
     * Disconnects a client at once: a close frame would wait behind the backlog the client does
     * not read, so the reason goes to the log only.
     */
    private void drop(String reason) {
        if (closing.compareAndSet(false, true)) {
            LOG.warn("SC-Bridge: dropped client {}: {}", peerAddress(), reason);
            channel.setCloseCode(POLICY_VIOLATION);
            channel.setCloseReason(reason);
            IoUtils.safeClose(channel);
        }
    }

    String peerAddress() {
        return String.valueOf(channel.getSourceAddress());
    }

    boolean isOpen() {
        return !closing.get() && channel.isOpen();
    }
}
