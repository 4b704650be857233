package net.intercomj.api.network;

/** One protocol's ordered message stream over one link. */
public interface Port {

    /** The protocol name both sides opened. */
    String protocol();

    /** The link the port runs over. */
    PeerLink link();

    /**
     * Queues {@code message} without waiting.
     *
     * @return false if not queued: the port is closed or the link's send buffer is full
     */
    boolean trySend(byte[] message);

    /**
     * Queues {@code message}, waiting while the link's send buffer is full (the other side is
     * slower than this one). Never call it from a {@link PortHandler}: waiting there stops this
     * link's reading, and two peers doing so wait for each other.
     *
     * @return false if not queued: the port or link closed
     */
    boolean send(byte[] message) throws InterruptedException;

    /** Closes this port on both sides; the link stays. */
    void close();

    /** Whether the port is open or still opening. */
    boolean isOpen();
}
