package net.intercomj.host.net.mux;

/**
 * Receives a channel's events. All calls for one channel come from one thread, in order:
 * {@code onOpen}, the messages, then {@code onClose} exactly once. A handler that is slow
 * pauses reading from the connection once the channel's inbound buffer is full; a handler
 * that throws closes the channel.
 *
 * @param <M> the protocol's message type
 */
public interface ChannelHandler<M> {

    /** Both sides have opened the channel; {@link Channel#remoteHandshake()} is available. */
    default void onOpen(Channel<M> channel) {}

    void onMessage(Channel<M> channel, M message);

    /** The channel is closed; no further calls follow. */
    default void onClose(Channel<M> channel, CloseReason reason) {}
}
