package net.intercomj.api.network;

/** Decides whether to answer the other side's open of a protocol. */
@FunctionalInterface
public interface PortAcceptor {

    /**
     * The handler for the answering port, or null to refuse. Called on the link's reading
     * thread: decide quickly. If this peer opens the same protocol on the link while the
     * acceptor runs, its own port is the one that opens and the returned handler is never used.
     */
    PortHandler accept(PeerLink link, String protocol);
}
