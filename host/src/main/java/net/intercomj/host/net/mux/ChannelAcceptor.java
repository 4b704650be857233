package net.intercomj.host.net.mux;

import java.util.Optional;

/** Decides whether to answer the other side's open with a channel of one's own. */
@FunctionalInterface
public interface ChannelAcceptor {

    /**
     * The spec to open in answer, whose protocol and id must be those of {@code open}; empty
     * rejects. Called on the connection's reading thread: decide quickly. If this side opens
     * the same channel while the acceptor runs, that open pairs with the remote one and the
     * answer is dropped, unopened.
     */
    Optional<ChannelSpec<?>> accept(RemoteOpen open);
}
