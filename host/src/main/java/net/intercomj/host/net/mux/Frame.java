package net.intercomj.host.net.mux;

import java.nio.ByteBuffer;

/**
 * One unit on a mux stream. Every frame names a channel by the <em>sender's</em> local id,
 * so a sender may send right after its {@link Open}: the stream is ordered, and the receiver
 * has learned the id from the {@code Open} by the time the messages arrive.
 */
sealed interface Frame {

    /** Opens the sender's channel {@code localId} for {@code (protocol, id)}. */
    record Open(int localId, String protocol, ByteBuffer id, ByteBuffer handshake) implements Frame {}

    /** Refuses the receiver's channel {@code remoteId}: nothing on this side pairs with it. */
    record Reject(int remoteId) implements Frame {}

    /** Closes the sender's channel {@code localId}. */
    record Close(int localId) implements Frame {}

    /** A message of protocol-defined {@code type} on the sender's channel {@code localId}. */
    record Message(int localId, int type, ByteBuffer payload) implements Frame {}
}
