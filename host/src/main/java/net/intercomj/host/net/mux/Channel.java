package net.intercomj.host.net.mux;

import java.nio.ByteBuffer;

/**
 * One side of a channel: a protocol's conversation with one peer over a shared connection.
 * Thread-safe. Messages sent before the other side has opened are delivered once it does,
 * or dropped if it rejects the channel.
 *
 * @param <M> the protocol's message type
 */
public final class Channel<M> {

    private final Mux mux;
    private final ChannelSpec<M> spec;
    private final int localId;
    private final Delivery delivery;

    // Guarded by the mux's lock.
    int remoteId = -1;
    boolean localClosed;
    boolean remoteClosed;
    boolean closeReported;
    private ByteBuffer remoteHandshake;

    Channel(Mux mux, ChannelSpec<M> spec, int localId, Delivery delivery) {
        this.mux = mux;
        this.spec = spec;
        this.localId = localId;
        this.delivery = delivery;
    }

    /**
     * Sends {@code message}, waiting while the connection's send buffer is full.
     *
     * @return false if the channel or the connection is closed, so the message was not sent
     */
    public boolean send(M message) throws InterruptedException {
        return mux.send(this, message, true);
    }

    /** Sends {@code message} if the connection's send buffer has room now; false otherwise or if closed. */
    public boolean trySend(M message) {
        try {
            return mux.send(this, message, false);
        } catch (InterruptedException impossible) {
            throw new IllegalStateException("A non-blocking send waited", impossible);
        }
    }

    /** Closes this side; the handler's {@code onClose} follows. Idempotent. */
    public void close() {
        mux.closeChannel(this, new CloseReason.LocalClose());
    }

    /** Whether both sides have opened and neither has closed. */
    public boolean isOpen() {
        return mux.isOpen(this);
    }

    public String protocol() {
        return spec.protocol();
    }

    /** The channel id within the protocol (read-only view). */
    public ByteBuffer id() {
        return spec.id();
    }

    /** The other side's handshake payload; null until the channel is open. */
    public ByteBuffer remoteHandshake() {
        synchronized (this) {
            return remoteHandshake == null ? null : remoteHandshake.duplicate();
        }
    }

    /** The mux this channel runs on, e.g. to learn which connection it is. */
    public Mux mux() {
        return mux;
    }

    synchronized void remoteHandshake(ByteBuffer handshake) {
        this.remoteHandshake = handshake;
    }

    ChannelSpec<M> spec() {
        return spec;
    }

    int localId() {
        return localId;
    }

    Delivery delivery() {
        return delivery;
    }

    @Override
    public String toString() {
        return "channel " + spec + " (" + localId + ")";
    }
}
