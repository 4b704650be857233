package net.intercomj.api.network;

import java.time.Duration;
import java.util.List;

/**
 * The peer's network as a plugin sees it: topics to meet peers on, the authenticated links to
 * them, and named protocols spoken over each link.
 *
 * <p>A link is one encrypted connection to one peer, whose {@link PeerLink#remoteKey()} is that
 * peer's proven wallet key. Over a link each side opens {@link Port}s by protocol name; a port
 * is open once both sides have opened the same name. Messages on a port arrive in order.
 */
public interface Network {

    /** Announces and looks up {@code topic} (32 bytes), connecting to the peers found on it. */
    void join(byte[] topic);

    /** Stops announcing and looking up {@code topic}; existing links stay. */
    void leave(byte[] topic);

    /** Waits, at most {@code limit}, until the discovery under way for joined topics has finished. */
    void flush(Duration limit) throws InterruptedException;

    /** The links open now. */
    List<PeerLink> links();

    /**
     * Calls {@code listener} for every link open now and every later one, and when each closes.
     * Called on the network's threads: return quickly.
     *
     * @return cancels the subscription
     */
    Registration onLinks(LinkListener listener);

    /**
     * Answers the other side's opens of {@code protocol} on every link, now and later: the
     * acceptor returns a handler to open the port with, or null to refuse.
     *
     * @return stops answering (ports already open stay open)
     */
    Registration serve(String protocol, PortAcceptor acceptor);
}
