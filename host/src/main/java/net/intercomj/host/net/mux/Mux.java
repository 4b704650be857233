package net.intercomj.host.net.mux;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many channels over one connection, each paired with the other side's by
 * {@code (protocol, id)}. A protocol is either opened by this side ({@link #open}) or
 * answered when the other side opens it ({@link #register}); an open nobody answers is
 * rejected.
 *
 * <p>Memory stays bounded whatever the other side does: channels per connection, bytes
 * buffered per channel for a slow handler (reading pauses while a handler is behind) and
 * bytes queued for a slow reader (senders wait; a write stuck for the stall timeout closes
 * the connection) are all limited by {@link MuxConfig}. A peer that breaks the protocol is
 * disconnected with one log line.
 *
 * <p>Threads: one reads, one writes (flushing whenever its queue runs empty, so bursts of
 * small messages leave in few encrypted records), one delivers per channel, and one watches
 * for a stalled write; all virtual.
 */
public final class Mux implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Mux.class);

    private final MuxTransport transport;
    private final MuxConfig config;
    private final Outbound outbound;
    private final Map<String, ChannelAcceptor> acceptors = new ConcurrentHashMap<>();
    private final CompletableFuture<String> terminated = new CompletableFuture<>();

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final Map<Integer, Channel<?>> byLocalId = new HashMap<>();
    private final Map<Integer, Channel<?>> byRemoteId = new HashMap<>();
    private final Map<String, Channel<?>> byKey = new HashMap<>();
    /** Remote ids whose open was rejected: their in-flight messages are dropped. */
    private final Set<Integer> rejectedRemoteIds = new HashSet<>();
    private boolean closing;
    private boolean started;
    /** Why this side ended the connection, if it did: reported instead of the read error it causes. */
    private volatile String localCause;
    /** When {@link #close()} was called, or 0. */
    private volatile long closeRequestedNanos;

    // Written by the reading thread only.
    private volatile long bytesIn;
    private volatile long framesIn;

    public Mux(MuxTransport transport, MuxConfig config) {
        this.transport = transport;
        this.config = config;
        this.outbound = new Outbound(config.outboundBytes());
    }

    /** Answers the other side's opens of {@code protocol}; replaces an earlier acceptor. */
    public void register(String protocol, ChannelAcceptor acceptor) {
        acceptors.put(protocol, acceptor);
    }

    /** Stops answering opens of {@code protocol} if {@code acceptor} is still the one registered. */
    public void unregister(String protocol, ChannelAcceptor acceptor) {
        acceptors.remove(protocol, acceptor);
    }

    /** Starts reading and writing. Register acceptors first, or early opens are rejected. */
    public void start() {
        lock.lock();
        try {
            if (started) {
                throw new IllegalStateException("Mux already started");
            }
            started = true;
        } finally {
            lock.unlock();
        }
        String who = transport.describe();
        Thread.ofVirtual().name("mux-read " + who).start(this::readLoop);
        Thread.ofVirtual().name("mux-write " + who).start(this::writeLoop);
        Thread.ofVirtual().name("mux-watch " + who).start(this::watchLoop);
    }

    /**
     * Opens a channel. It becomes open when the other side opens the same
     * {@code (protocol, id)}; if it rejects, the handler's {@code onClose} says so.
     *
     * @throws IllegalStateException if this {@code (protocol, id)} is in use (a channel is
     *                               closed for reuse once its {@code onClose} ran and the
     *                               other side confirmed), the limit of channels is reached,
     *                               or the connection is closed
     */
    public <M> Channel<M> open(ChannelSpec<M> spec) {
        lock.lock();
        try {
            Channel<M> channel = create(spec);
            send(new Frame.Open(channel.localId(), spec.protocol(), spec.id(), spec.handshake()));
            return channel;
        } finally {
            lock.unlock();
        }
    }

    /** Resolves with a reason once the connection has ended and every channel reported its close. */
    public CompletableFuture<String> terminated() {
        return terminated.copy();
    }

    /** Closes every channel, sends what is queued, and ends the connection. */
    @Override
    public void close() {
        List<Channel<?>> open;
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            open = new ArrayList<>(byLocalId.values());
        } finally {
            lock.unlock();
        }
        for (Channel<?> channel : open) {
            closeChannel(channel, new CloseReason.LocalClose());
        }
        // The writer drains the queue and ends our output; the reader goes on until the other
        // side, having read everything, ends its output too (or the watchdog loses patience).
        closeRequestedNanos = System.nanoTime() | 1;
        outbound.close();
    }

    public MuxStats stats() {
        lock.lock();
        try {
            return new MuxStats(bytesIn, outbound.bytesOut(), framesIn, outbound.framesOut(), byLocalId.size());
        } finally {
            lock.unlock();
        }
    }

    /** Who is at the other end. */
    public String describe() {
        return transport.describe();
    }

    // ---- channels (called by Channel)

    <M> boolean send(Channel<M> channel, M message, boolean wait) throws InterruptedException {
        MessageCodec<M> codec = channel.spec().codec();
        int type = codec.type(message);
        if (type < 0 || type > FrameCodec.MAX_MESSAGE_TYPE) {
            throw new IllegalArgumentException("Message type " + type + " is outside 0.." + FrameCodec.MAX_MESSAGE_TYPE);
        }
        WireWriter body = new WireWriter();
        body.uvarint(channel.localId()).uvarint(type);
        codec.write(message, body);
        if (body.size() > config.maxFrameBytes()) {
            throw new IllegalArgumentException("Message of " + body.size() + " bytes is above the frame limit of "
                    + config.maxFrameBytes());
        }
        return outbound.put(body.toByteArray(), () -> !channel.localClosed, wait);
    }

    boolean isOpen(Channel<?> channel) {
        lock.lock();
        try {
            return channel.remoteId >= 0 && !channel.localClosed && !channel.remoteClosed;
        } finally {
            lock.unlock();
        }
    }

    void closeChannel(Channel<?> channel, CloseReason reason) {
        lock.lock();
        try {
            if (channel.localClosed) {
                return;
            }
            outbound.putControl(encode(new Frame.Close(channel.localId())), () -> channel.localClosed = true);
            reportClose(channel, reason);
            if (channel.remoteClosed) {
                forget(channel);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- reading

    private void readLoop() {
        String detail = "closed";
        FrameReader reader = new FrameReader(transport.input(), config.maxFrameBytes());
        try {
            while (true) {
                byte[] body = reader.next();
                if (body == null) {
                    detail = "the other side closed the connection";
                    break;
                }
                bytesIn += WireWriter.uvarintSize(body.length) + body.length;
                framesIn++;
                handle(FrameCodec.decode(body, config.maxHandshakeBytes()));
            }
        } catch (WireException e) {
            detail = "protocol violation: " + e.getMessage();
            LOG.info("Disconnecting {}: {}", transport.describe(), detail);
        } catch (IOException e) {
            detail = localCause != null ? localCause
                    : "connection lost: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.debug("Connection to {} ended: {}", transport.describe(), detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail = "interrupted";
        } finally {
            terminate(detail);
        }
    }

    private void handle(Frame frame) throws WireException, InterruptedException {
        switch (frame) {
            case Frame.Open open -> onOpen(open);
            case Frame.Reject reject -> onReject(reject);
            case Frame.Close close -> onClose(close);
            case Frame.Message message -> onMessage(message);
        }
    }

    private void onOpen(Frame.Open open) throws WireException {
        String key = ChannelSpec.pairingKey(open.protocol(), open.id());
        Optional<ChannelSpec<?>> answer = Optional.empty();
        lock.lock();
        try {
            if (byRemoteId.containsKey(open.localId())) {
                throw new WireException("open: channel " + open.localId() + " is already open");
            }
            rejectedRemoteIds.remove(open.localId());
            Channel<?> pending = byKey.get(key);
            if (pending != null) {
                if (pending.remoteId >= 0) {
                    throw new WireException("open: " + open.protocol() + " with this id is already open");
                }
                pair(pending, open);
                return;
            }
        } finally {
            lock.unlock();
        }
        // Outside the lock: the acceptor is application code. At the channel limit it is not asked.
        ChannelAcceptor acceptor = acceptors.get(open.protocol());
        if (acceptor != null && stats().channels() < config.maxChannels()) {
            answer = acceptor.accept(new RemoteOpen(open.protocol(), open.id(), open.handshake()));
        }
        lock.lock();
        try {
            Channel<?> openedMeanwhile = byKey.get(key);
            if (openedMeanwhile != null && openedMeanwhile.remoteId < 0 && !closing) {
                // A local open of the same channel crossed the acceptor: the two opens pair, as
                // they do when both are on the wire, and the acceptor's answer is dropped.
                pair(openedMeanwhile, open);
                return;
            }
            if (answer.isPresent() && !closing && openedMeanwhile == null) {
                ChannelSpec<?> spec = answer.get();
                if (!spec.pairingKey().equals(key)) {
                    throw new IllegalStateException("Acceptor for " + open.protocol()
                            + " answered with a different protocol or id: " + spec);
                }
                if (byLocalId.size() < config.maxChannels()) {
                    Channel<?> channel = create(spec);
                    send(new Frame.Open(channel.localId(), spec.protocol(), spec.id(), spec.handshake()));
                    pair(channel, open);
                    return;
                }
            }
            if (rejectedRemoteIds.size() >= config.maxChannels()) {
                throw new WireException("open: more than " + config.maxChannels() + " rejected channels");
            }
            rejectedRemoteIds.add(open.localId());
            send(new Frame.Reject(open.localId()));
        } finally {
            lock.unlock();
        }
    }

    private void onReject(Frame.Reject reject) {
        lock.lock();
        try {
            Channel<?> channel = byLocalId.get(reject.remoteId());
            // A reject that crossed our own close, or names nothing, needs no answer.
            if (channel != null && channel.remoteId < 0) {
                channel.remoteClosed = true;
                outbound.atomically(() -> channel.localClosed = true);
                reportClose(channel, new CloseReason.Rejected());
                forget(channel);
            }
        } finally {
            lock.unlock();
        }
    }

    private void onClose(Frame.Close close) {
        lock.lock();
        try {
            Channel<?> channel = byRemoteId.get(close.localId());
            if (channel == null) {
                // The close of a channel we rejected, crossing our reject.
                rejectedRemoteIds.remove(close.localId());
                return;
            }
            channel.remoteClosed = true;
            byRemoteId.remove(close.localId());
            if (!channel.localClosed) {
                outbound.putControl(encode(new Frame.Close(channel.localId())), () -> channel.localClosed = true);
                reportClose(channel, new CloseReason.RemoteClose());
            }
            forget(channel);
        } finally {
            lock.unlock();
        }
    }

    private void onMessage(Frame.Message message) throws WireException, InterruptedException {
        Channel<?> channel;
        lock.lock();
        try {
            channel = byRemoteId.get(message.localId());
            if (channel == null) {
                if (rejectedRemoteIds.contains(message.localId())) {
                    return;
                }
                throw new WireException("message on channel " + message.localId() + ", which is not open");
            }
            if (channel.localClosed) {
                return;
            }
        } finally {
            lock.unlock();
        }
        deliver(channel, message);
    }

    private <M> void deliver(Channel<M> channel, Frame.Message message) throws WireException, InterruptedException {
        ByteBuffer payload = message.payload();
        int size = payload.remaining();
        WireReader in = new WireReader(payload.array(), payload.arrayOffset() + payload.position(), size);
        M decoded = channel.spec().codec().read(message.type(), in);
        in.expectEnd(channel.protocol() + " message " + message.type());
        ChannelHandler<M> handler = channel.spec().handler();
        channel.delivery().message(size, () -> handler.onMessage(channel, decoded));
    }

    // ---- writing

    private void writeLoop() {
        try {
            outbound.drainTo(transport.output());
            transport.shutdownOutput();
        } catch (IOException e) {
            if (localCause == null) {
                localCause = "write failed: " + e.getMessage();
            }
            LOG.debug("Writing to {} failed: {}", transport.describe(), e.getMessage());
            closeTransport();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeTransport();
        }
    }

    private void watchLoop() {
        long timeout = config.stallTimeout().toNanos();
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(timeout / 4, TimeUnit.SECONDS.toNanos(1)));
        while (!terminated.isDone()) {
            try {
                terminated.get(period, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (outbound.stalled(now, timeout)) {
                    localCause = "the other side stopped reading";
                    LOG.info("Disconnecting {}: it stopped reading (no write progress for {})",
                            transport.describe(), config.stallTimeout());
                    outbound.abandon();
                    closeTransport();
                    return;
                }
                long closeRequested = closeRequestedNanos;
                if (closeRequested != 0 && now - closeRequested > timeout) {
                    localCause = "closed (the other side did not confirm)";
                    closeTransport();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException impossible) {
                return;
            }
        }
    }

    // ---- internals

    /** Creates a local channel for {@code spec}; the caller holds the lock and sends the open. */
    private <M> Channel<M> create(ChannelSpec<M> spec) {
        if (closing || terminated.isDone()) {
            throw new IllegalStateException("Connection to " + transport.describe() + " is closed");
        }
        if (byKey.containsKey(spec.pairingKey())) {
            throw new IllegalStateException("Channel " + spec + " is already open or still closing");
        }
        if (byLocalId.size() >= config.maxChannels()) {
            throw new IllegalStateException("Too many channels on " + transport.describe() + " (limit "
                    + config.maxChannels() + ")");
        }
        int localId = 1;
        while (byLocalId.containsKey(localId)) {
            localId++;
        }
        Channel<M>[] self = newArray();
        Delivery delivery = new Delivery("mux-deliver " + spec, config.channelInboundBytes(),
                failure -> closeChannel(self[0], new CloseReason.HandlerFailed(failure)));
        Channel<M> channel = new Channel<>(this, spec, localId, delivery);
        self[0] = channel;
        byLocalId.put(localId, channel);
        byKey.put(spec.pairingKey(), channel);
        return channel;
    }

    @SuppressWarnings("unchecked")
    private static <M> Channel<M>[] newArray() {
        return (Channel<M>[]) new Channel<?>[1];
    }

    private <M> void pair(Channel<M> channel, Frame.Open open) {
        channel.remoteId = open.localId();
        channel.remoteHandshake(open.handshake());
        byRemoteId.put(open.localId(), channel);
        if (!channel.localClosed) {
            ChannelHandler<M> handler = channel.spec().handler();
            channel.delivery().control(() -> handler.onOpen(channel));
        }
    }

    /** Queues the handler's one onClose. The caller holds the lock. */
    private <M> void reportClose(Channel<M> channel, CloseReason reason) {
        if (channel.closeReported) {
            return;
        }
        channel.closeReported = true;
        ChannelHandler<M> handler = channel.spec().handler();
        channel.delivery().finish(() -> handler.onClose(channel, reason));
    }

    /** Frees a channel both sides have closed. The caller holds the lock. */
    private void forget(Channel<?> channel) {
        byLocalId.remove(channel.localId());
        byKey.remove(channel.spec().pairingKey());
        if (channel.remoteId >= 0) {
            byRemoteId.remove(channel.remoteId);
        }
    }

    private void send(Frame control) {
        outbound.putControl(encode(control), () -> {});
    }

    private void terminate(String detail) {
        List<Channel<?>> all;
        lock.lock();
        try {
            closing = true;
            all = new ArrayList<>(byLocalId.values());
            for (Channel<?> channel : all) {
                channel.localClosed = true;
                channel.remoteClosed = true;
                reportClose(channel, new CloseReason.ConnectionClosed(detail));
            }
            byLocalId.clear();
            byRemoteId.clear();
            byKey.clear();
            rejectedRemoteIds.clear();
        } finally {
            lock.unlock();
        }
        outbound.abandon();
        closeTransport();
        terminated.complete(detail);
    }

    private void closeTransport() {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed: {}", transport.describe(), e.getMessage());
        }
    }

    private static byte[] encode(Frame frame) {
        WireWriter body = new WireWriter();
        FrameCodec.encode(frame, body);
        return body.toByteArray();
    }
}
