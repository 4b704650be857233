package net.intercomj.host.net.swarm;

import net.intercomj.host.net.Bytes32;

/**
 * Connection events. Each connection is reported open once and closed once; calls come from
 * the swarm's threads and should return quickly (open channels, then return).
 */
public interface SwarmListener {

    /** A new connection to a peer this swarm had none with. Open channels on {@code connection.mux()}. */
    default void onConnection(PeerConnection connection) {}

    /** The peer and this swarm now share {@code topic} on this connection (joined by both). */
    default void onTopic(PeerConnection connection, Bytes32 topic) {}

    /** The connection ended; the swarm reconnects by itself where it should. */
    default void onDisconnection(PeerConnection connection, String reason) {}
}
