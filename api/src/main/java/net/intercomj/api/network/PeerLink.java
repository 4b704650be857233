package net.intercomj.api.network;

/** One authenticated connection to one peer. */
public interface PeerLink {

    /** The peer's wallet public key, 64 lowercase hex characters, proven during the handshake. */
    String remoteKey();

    /** Whether the connection is still up. */
    boolean isOpen();

    /**
     * Opens a port for {@code protocol}; it becomes open (the handler's {@code onOpen}) once the
     * other side opens the same protocol, which it does itself or through its acceptor.
     *
     * @throws IllegalStateException if this protocol is already open or opening on this link,
     *                               or the link is closed
     */
    Port open(String protocol, PortHandler handler);
}
