package net.intercomj.api.network;

/**
 * Receives a port's events, all from one thread per port and in order: {@code onOpen}, the
 * messages, then {@code onClose} exactly once. A handler that throws closes its port.
 */
public interface PortHandler {

    /** Both sides have opened the port. */
    default void onOpen(Port port) {}

    /** One message, as the other side sent it. */
    void onMessage(Port port, byte[] message);

    /** The port closed: either side closed it, the other side refused it, or the link ended. */
    default void onClose(Port port) {}
}
