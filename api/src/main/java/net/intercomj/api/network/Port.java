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
    boolean send(byte[] message);

    /** Closes this port on both sides; the link stays. */
    void close();

    /** Whether the port is open or still opening. */
    boolean isOpen();
}
