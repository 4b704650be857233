package net.intercomj.host.net.swarm;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.mux.Channel;
import net.intercomj.host.net.mux.Mux;
import net.intercomj.host.net.mux.MuxStats;

/** One live connection of the swarm to a peer, and the topics the two share on it. */
public final class PeerConnection {

    private final AuthenticatedLink link;
    private final Mux mux;
    private final Instant connectedAt;
    private final Set<Bytes32> topics = ConcurrentHashMap.newKeySet();
    volatile Channel<SwarmMessage> control;
    /** Where the peer says it listens (from its hello), or null before that. */
    volatile PeerAddress listening;

    PeerConnection(AuthenticatedLink link, Mux mux, Instant connectedAt) {
        this.link = link;
        this.mux = mux;
        this.connectedAt = connectedAt;
    }

    /** The peer's proven public key. */
    public Bytes32 remotePublicKey() {
        return link.remotePublicKey();
    }

    public InetSocketAddress remoteAddress() {
        return link.remoteAddress();
    }

    /** Whether this side dialled. */
    public boolean isInitiator() {
        return link.isInitiator();
    }

    /** The channels of this connection: open protocol channels here. */
    public Mux mux() {
        return mux;
    }

    /** Topics both sides have joined, as known now. */
    public Set<Bytes32> topics() {
        return Set.copyOf(topics);
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public MuxStats stats() {
        return mux.stats();
    }

    /** Ends the connection. */
    public void close() {
        mux.close();
    }

    AuthenticatedLink link() {
        return link;
    }

    Set<Bytes32> sharedTopics() {
        return topics;
    }

    @Override
    public String toString() {
        return remotePublicKey().shortHex() + "@" + remoteAddress();
    }
}
