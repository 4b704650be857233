package net.intercomj.api.network;

/** Decides whether to answer the other side's open of a protocol. */
@FunctionalInterface
public interface PortAcceptor {

    /**
     * The handler for the answering port, or null to refuse. Called on the link's reading
     * thread: decide quickly.
     */
    PortHandler accept(PeerLink link, String protocol);
}
