package net.intercomj.host.subnet.replication;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import net.intercomj.api.network.LinkListener;
import net.intercomj.api.network.Network;
import net.intercomj.api.network.PeerLink;
import net.intercomj.api.network.Port;
import net.intercomj.api.network.PortHandler;
import net.intercomj.api.network.Registration;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.log.EntryException;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicates a subnet's writer logs with every peer found on its topic: one port per link,
 * named after the subnet, with a {@link LogReplicator} on it. Entries stored from one link are
 * announced on the others, so they spread across peers that are not linked directly.
 */
public final class SubnetReplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubnetReplication.class);

    private final Network network;
    private final WriterLogStore store;
    private final String protocol;
    private final byte[] topic;
    private final ConfirmedBatches confirmed;
    private final Listener listener;
    private final Map<PeerLink, Session> sessions = new ConcurrentHashMap<>();
    /** The session each indexer's signed Raft messages last came through: where to send it ours. */
    private final Map<Bytes32, Session> routes = new ConcurrentHashMap<>();
    private final Bytes32 subnet;
    private final Bytes32 self;
    private final List<Registration> registrations = new ArrayList<>();
    private volatile boolean closed;

    /** What replication hands to the subnet, on the network's threads. */
    public interface Listener {
        /** An entry from another peer was checked and stored. */
        void onStored(LogEntry entry);

        /** Confirmed batches arrived from another peer, not yet checked. */
        void onBatches(List<ConfirmedBatch> batches);

        /** Another peer asks to become a writer with this {@code autoAddWriter} op, not yet checked. */
        default void onWriterRequest(String op) {}

        /**
         * A linked peer sent a {@link ReplicationMessage.Request}, such as a settlement request for a
         * validator. Calling {@code reply} (from any thread, once) sends the answer back on the same
         * link under the request's id; a request that should get no answer is simply never replied to.
         *
         * @param reply sends a {@link ReplicationMessage.Reply}; throws {@link IllegalArgumentException}
         *              for a text above {@link ReplicationMessage#MAX_REQUEST_BYTES}
         */
        default void onRequest(String body, Consumer<String> reply) {}

        /** A linked peer answered this peer's {@link SubnetReplication#request} {@code id}; it may be one of several answers. */
        default void onReply(long id, String body) {}

        /** Replication with one more peer started. */
        default void onPeer() {}

        /** A peer said how many confirmed batches it holds. */
        default void onBatchesAvailable(long count) {}

        /** A Raft message signed by the indexer {@code from}, addressed to this peer; not yet decoded. */
        default void onConsensus(Bytes32 from, byte[] message) {}

        /** An indexer's signature of a checkpoint, not yet checked. */
        default void onCheckpointSignature(ReplicationMessage.CheckpointSignature signature) {}

        /** Whether to fetch and store {@code writer}'s log; every log by default. */
        default boolean acceptsWriter(Bytes32 writer) {
            return true;
        }
    }

    private SubnetReplication(Network network, WriterLogStore store, ConfirmedBatches confirmed, Bytes32 subnet,
            Bytes32 self, byte[] topic, Listener listener) {
        this.self = self;
        this.network = network;
        this.store = store;
        this.confirmed = confirmed;
        this.subnet = subnet;
        this.protocol = "intercom/subnet/" + subnet.toHex();
        this.topic = topic.clone();
        this.listener = listener;
    }

    /**
     * Starts replicating: answers other peers' ports, opens ports on every link, and joins {@code topic}.
     *
     * @param confirmed the confirmed batches to serve
     * @param self      this peer's writer key: Raft messages addressed to it are handed on
     */
    public static SubnetReplication start(Network network, WriterLogStore store, ConfirmedBatches confirmed,
            Bytes32 subnet, Bytes32 self, byte[] topic, Listener listener) {
        SubnetReplication replication = new SubnetReplication(network, store, confirmed, subnet, self, topic, listener);
        replication.registrations.add(network.serve(replication.protocol, (link, name) -> replication.accept(link)));
        replication.registrations.add(network.onLinks(new LinkListener() {
            @Override
            public void onLink(PeerLink link) {
                replication.openOn(link);
            }

            @Override
            public void onLinkClosed(PeerLink link) {
                replication.sessions.remove(link);
            }
        }));
        network.join(replication.topic);
        return replication;
    }

    /**
     * Stores an entry this peer wrote and announces it to every peer.
     *
     * @throws EntryException if it does not continue this peer's log
     */
    public void append(LogEntry entry) throws EntryException, StoreException {
        store.append(entry);
        sessions.values().forEach(session -> session.announce(entry.writer()));
    }

    /** Asks every peer to append this peer's {@code autoAddWriter} op. */
    public void requestWriter(String op) {
        sessions.values().forEach(session -> session.requestWriter(op));
    }

    /**
     * Sends a request to every peer linked now, for those that can answer it (such as a settlement
     * network's validators); their answers reach {@link Listener#onReply} with the same {@code id}.
     *
     * @param id   chosen by the caller, at least 0, to match the answers
     * @param body at most {@link ReplicationMessage#MAX_REQUEST_BYTES} UTF-8 bytes
     * @return how many peers it was sent to: 0 when none is linked, so no answer can come
     * @throws IllegalArgumentException if {@code id} or {@code body} is out of bounds, linked or not
     */
    public int request(long id, String body) {
        // Built before any session is asked, so a bad request fails the same way whether peers are linked or not.
        ReplicationMessage.Request request = new ReplicationMessage.Request(id, body);
        int sent = 0;
        for (Session session : sessions.values()) {
            if (session.request(request.id(), request.body())) {
                sent++;
            }
        }
        return sent;
    }

    /** Which writers are accepted may have changed: ask every peer for the logs now wanted. */
    public void recheckWriters() {
        sessions.values().forEach(Session::recheck);
    }

    /** Tells every peer how many confirmed batches this peer holds now. */
    public void announceBatches() {
        sessions.values().forEach(Session::announceBatches);
    }

    /**
     * Sends a Raft message to the indexer it is addressed to: through the session its messages
     * came from, or to every peer while that is not known yet (the others drop it).
     */
    public void sendConsensus(ReplicationMessage.Consensus consensus) {
        Session route = routes.get(consensus.to());
        if (route != null && route.isOpen()) {
            route.send(consensus);
        } else {
            broadcast(consensus);
        }
    }

    /** Sends {@code message} to every peer. */
    public void broadcast(ReplicationMessage message) {
        sessions.values().forEach(session -> session.send(message));
    }

    /** How many peers this peer replicates with now. */
    public int peerCount() {
        return (int) sessions.values().stream().filter(Session::isOpen).count();
    }

    private void openOn(PeerLink link) {
        Session session = new Session(link);
        if (sessions.putIfAbsent(link, session) != null) {
            return;
        }
        try {
            link.open(protocol, session);
        } catch (IllegalStateException e) {
            // The other side's open arrived first and our acceptor answered it.
            sessions.remove(link, session);
        }
    }

    private PortHandler accept(PeerLink link) {
        Session session = new Session(link);
        sessions.put(link, session);
        return session;
    }

    @Override
    public void close() {
        closed = true;
        registrations.forEach(Registration::close);
        network.leave(topic);
        sessions.values().forEach(Session::close);
        sessions.clear();
    }

    /** Replication over one port: the replicator, and a sender that may wait while the link is busy. */
    private final class Session implements PortHandler {

        private static final byte[] STOP = new byte[0];

        private final PeerLink link;
        private final BlockingQueue<byte[]> outgoing = new LinkedBlockingQueue<>();
        private volatile LogReplicator replicator;
        private volatile Port port;

        Session(PeerLink link) {
            this.link = link;
        }

        @Override
        public void onOpen(Port opened) {
            port = opened;
            // When both sides opened at once, the session whose port opened is the link's one.
            sessions.put(link, this);
            // Handlers must not wait on the link, so messages leave from a thread of their own.
            Thread.ofVirtual().name("subnet-send-" + link.remoteKey().substring(0, 8)).start(this::sendLoop);
            replicator = new LogReplicator(store, confirmed, listener::acceptsWriter,
                    message -> outgoing.add(ReplicationCodec.encode(message)));
            replicator.open();
            listener.onPeer();
        }

        @Override
        public void onMessage(Port from, byte[] bytes) {
            if (closed) {
                // The subnet is shutting down and its stores are closing: what still arrives is dropped.
                return;
            }
            LogReplicator.Received received;
            try {
                ReplicationMessage message = ReplicationCodec.decode(bytes);
                switch (message) {
                    case ReplicationMessage.BatchesHave have -> listener.onBatchesAvailable(have.count());
                    case ReplicationMessage.Consensus consensus -> {
                        onConsensus(consensus);
                        return;
                    }
                    case ReplicationMessage.CheckpointSignature signature -> {
                        listener.onCheckpointSignature(signature);
                        return;
                    }
                    default -> { }
                }
                received = replicator.receive(message);
            } catch (WireException e) {
                LOG.warn("Subnet replication: closing the port to {}: {}", link.remoteKey(), e.getMessage());
                from.close();
                return;
            } catch (StoreException e) {
                LOG.error("Subnet replication: {}", e.getMessage(), e);
                return;
            }
            received.rejected().forEach(reason -> LOG.warn("Subnet replication: refused from {}: {}", link.remoteKey(), reason));
            Set<Bytes32> writers = new LinkedHashSet<>();
            for (LogEntry entry : received.stored()) {
                writers.add(entry.writer());
                listener.onStored(entry);
            }
            if (!received.batches().isEmpty()) {
                listener.onBatches(received.batches());
            }
            received.writerRequest().ifPresent(listener::onWriterRequest);
            received.request().ifPresent(request -> listener.onRequest(request.body(),
                    answer -> replicator.reply(request.id(), answer)));
            received.reply().ifPresent(reply -> listener.onReply(reply.id(), reply.body()));
            for (Session other : sessions.values()) {
                if (other != this) {
                    writers.forEach(other::announce);
                }
            }
        }

        @Override
        public void onClose(Port closed) {
            outgoing.add(STOP);
            sessions.remove(link, this);
            routes.values().removeIf(route -> route == this);
        }

        private void onConsensus(ReplicationMessage.Consensus consensus) {
            if (!consensus.to().equals(self) || !ConsensusSignature.verify(subnet, consensus)) {
                return;
            }
            routes.put(consensus.from(), this);
            listener.onConsensus(consensus.from(), consensus.message());
        }

        void send(ReplicationMessage message) {
            if (replicator != null) {
                outgoing.add(ReplicationCodec.encode(message));
            }
        }

        void announce(Bytes32 writer) {
            LogReplicator current = replicator;
            if (current != null) {
                current.announce(writer);
            }
        }

        void recheck() {
            LogReplicator current = replicator;
            if (current != null) {
                current.recheck();
            }
        }

        void requestWriter(String op) {
            LogReplicator current = replicator;
            if (current != null) {
                current.requestWriter(op);
            }
        }

        /** Sends the request if replication runs on this link yet; whether it did. */
        boolean request(long id, String body) {
            LogReplicator current = replicator;
            if (current == null) {
                return false;
            }
            current.request(id, body);
            return true;
        }

        void announceBatches() {
            LogReplicator current = replicator;
            if (current != null) {
                current.announceBatches();
            }
        }

        boolean isOpen() {
            Port current = port;
            return current != null && current.isOpen();
        }

        void close() {
            Port current = port;
            if (current != null) {
                current.close();
            }
            outgoing.add(STOP);
        }

        private void sendLoop() {
            try {
                for (byte[] message = outgoing.take(); message != STOP; message = outgoing.take()) {
                    if (!port.send(message)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
