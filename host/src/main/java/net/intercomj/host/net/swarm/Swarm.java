package net.intercomj.host.net.swarm;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.mux.Channel;
import net.intercomj.host.net.mux.ChannelHandler;
import net.intercomj.host.net.mux.ChannelSpec;
import net.intercomj.host.net.mux.CloseReason;
import net.intercomj.host.net.mux.Mux;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this peer connected to the peers of its topics: announces and looks topics up
 * through a {@link Discovery}, dials what it finds, accepts what dials it, and keeps one
 * connection per remote key.
 *
 * <p>What it does differently from Hyperswarm, whose users' pain points (spec
 * holepunch-digest A.10) it must not repeat: a topic is looked up again shortly after
 * joining and peers of a shared topic are exchanged over existing connections, so peers
 * joining at the same instant meet within a second instead of at the next ten-minute
 * refresh; {@link #flush()} resolves as soon as nothing is being looked up or dialled, even
 * with no peer at all; a duplicate connection is settled by one rule both sides compute
 * alike (the connection dialled by the smaller key survives).
 */
public final class Swarm implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Swarm.class);
    /** Peers remembered per topic for peer exchange. */
    private static final int KNOWN_PEERS_PER_TOPIC = 256;

    private final SwarmConfig config;
    private final Bytes32 self;
    private final Handshaker handshaker;
    private final Discovery discovery;
    private final SwarmListener listener;
    private final Firewall firewall;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;
    private final Semaphore dialSlots;
    private final WorkTracker work = new WorkTracker();
    private final ServerSocket server;
    private final PeerAddress selfAddress;

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final Map<Bytes32, TopicState> topics = new LinkedHashMap<>();
    private final Map<Bytes32, PeerConnection> connections = new HashMap<>();
    private final Map<Bytes32, Wanted> wanted = new HashMap<>();
    private final Map<Bytes32, Map<Bytes32, PeerAddress>> knownPeers = new HashMap<>();
    private final Set<Bytes32> dialing = new HashSet<>();
    private final SplittableRandom random = new SplittableRandom();
    private boolean closed;

    /** A topic this swarm has joined. */
    private record TopicState(boolean server, boolean client) {}

    /** A peer to stay connected to, and why. */
    private static final class Wanted {
        PeerAddress address;
        boolean explicit;
        final Set<Bytes32> viaTopics = new HashSet<>();
        int failures;

        Wanted(PeerAddress address) {
            this.address = address;
        }
    }

    private Swarm(SwarmConfig config, Bytes32 self, Handshaker handshaker, Discovery discovery,
            SwarmListener listener, Firewall firewall, ServerSocket server) {
        this.config = config;
        this.self = self;
        this.handshaker = handshaker;
        this.discovery = discovery;
        this.listener = listener;
        this.firewall = firewall;
        this.backoff = Backoff.DEFAULT;
        this.server = server;
        this.dialSlots = new Semaphore(config.maxParallelDials());
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("swarm-timer").factory());
        this.selfAddress = new PeerAddress(self, advertisedAddresses(server));
    }

    /**
     * Binds the listener and starts accepting; discovery of this peer's own key (for
     * {@link #joinPeer}) starts at once.
     *
     * @param self       this peer's public key, the one {@code handshaker} proves
     * @param discovery  how topics are announced and looked up; the caller closes it
     */
    public static Swarm start(SwarmConfig config, Bytes32 self, Handshaker handshaker, Discovery discovery,
            SwarmListener listener, Firewall firewall) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(config.bindAddress(), config.port()), 128);
        Swarm swarm = new Swarm(config, self, handshaker, discovery, listener, firewall, server);
        Thread.ofVirtual().name("swarm-accept").start(swarm::acceptLoop);
        swarm.keepAnnounced(Topics.ofPeer(self));
        return swarm;
    }

    /** This peer's key and the addresses it announces. */
    public PeerAddress selfAddress() {
        return selfAddress;
    }

    /** The TCP address the listener is bound to. */
    public InetSocketAddress listenAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * Joins {@code topic}: as a server it announces itself there, as a client it looks the
     * topic up and dials whoever it finds. Joining again changes the mode.
     */
    public void join(Bytes32 topic, boolean asServer, boolean asClient) {
        if (!asServer && !asClient) {
            throw new IllegalArgumentException("Join as server, client or both");
        }
        lock.lock();
        try {
            ensureOpen();
            topics.put(topic, new TopicState(asServer, asClient));
        } finally {
            lock.unlock();
        }
        sendTopicsToAll();
        discover(topic);
        timer.schedule(() -> discover(topic), config.relookupDelay().toNanos(), TimeUnit.NANOSECONDS);
        scheduleRefresh(topic);
    }

    /** Leaves {@code topic}: stops announcing and looking it up. Connections stay. */
    public void leave(Bytes32 topic) {
        TopicState left;
        lock.lock();
        try {
            left = topics.remove(topic);
            knownPeers.remove(topic);
            wanted.values().forEach(peer -> peer.viaTopics.remove(topic));
            wanted.values().removeIf(peer -> !peer.explicit && peer.viaTopics.isEmpty());
            connections.values().forEach(connection -> connection.sharedTopics().remove(topic));
        } finally {
            lock.unlock();
        }
        if (left == null) {
            return;
        }
        sendTopicsToAll();
        if (left.server()) {
            background("unannounce", () -> discovery.unannounce(topic, selfAddress));
        }
    }

    /** Stays connected to the peer with {@code publicKey}, finding it by its key. */
    public void joinPeer(Bytes32 publicKey) {
        if (publicKey.equals(self)) {
            throw new IllegalArgumentException("Cannot join oneself");
        }
        lock.lock();
        try {
            ensureOpen();
            wanted.computeIfAbsent(publicKey, key -> new Wanted(new PeerAddress(key, List.of()))).explicit = true;
        } finally {
            lock.unlock();
        }
        tracked("find peer", () -> discovery.lookup(Topics.ofPeer(publicKey), found -> {
            if (found.publicKey().equals(publicKey)) {
                want(found, null);
            }
        }));
    }

    /** Stops insisting on a connection to {@code publicKey} (an open one stays). */
    public void leavePeer(Bytes32 publicKey) {
        lock.lock();
        try {
            Wanted peer = wanted.get(publicKey);
            if (peer != null) {
                peer.explicit = false;
                if (peer.viaTopics.isEmpty()) {
                    wanted.remove(publicKey);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Resolves once every lookup, announce and dial in progress has finished, including the
     * dials that the lookups started. With nothing in progress it resolves at once.
     */
    public CompletableFuture<Void> flush() {
        return work.idle();
    }

    /** The live connections. */
    public List<PeerConnection> connections() {
        lock.lock();
        try {
            return List.copyOf(connections.values());
        } finally {
            lock.unlock();
        }
    }

    /** The connection to {@code publicKey}, if there is one. */
    public Optional<PeerConnection> connection(Bytes32 publicKey) {
        lock.lock();
        try {
            return Optional.ofNullable(connections.get(publicKey));
        } finally {
            lock.unlock();
        }
    }

    /** The topics joined. */
    public Set<Bytes32> topics() {
        lock.lock();
        try {
            return Set.copyOf(topics.keySet());
        } finally {
            lock.unlock();
        }
    }

    public Discovery discovery() {
        return discovery;
    }

    /** Stops accepting and dialling, unannounces (briefly), and closes every connection. */
    @Override
    public void close() {
        List<PeerConnection> open;
        List<Bytes32> announced = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            topics.forEach((topic, state) -> {
                if (state.server()) {
                    announced.add(topic);
                }
            });
            announced.add(Topics.ofPeer(self));
            open = List.copyOf(connections.values());
            wanted.clear();
        } finally {
            lock.unlock();
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the listener failed: {}", e.getMessage());
        }
        timer.shutdownNow();
        List<Thread> unannouncing = new ArrayList<>();
        for (Bytes32 topic : announced) {
            unannouncing.add(Thread.ofVirtual().start(() -> discovery.unannounce(topic, selfAddress)));
        }
        open.forEach(PeerConnection::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread thread : unannouncing) {
            try {
                // Best effort: records expire by themselves, so shutdown never waits long for this.
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- discovery

    private void discover(Bytes32 topic) {
        TopicState state;
        lock.lock();
        try {
            state = closed ? null : topics.get(topic);
        } finally {
            lock.unlock();
        }
        if (state == null) {
            return;
        }
        // Announce first, then look up: of two peers joining at once, the one that looks last
        // finds the other, whose announce finished before its own lookup began.
        tracked("discover", () -> {
            if (state.server()) {
                discovery.announce(topic, selfAddress);
            }
            if (state.client()) {
                discovery.lookup(topic, found -> onFound(topic, found));
            }
        });
    }

    private void scheduleRefresh(Bytes32 topic) {
        long base = config.refreshInterval().toNanos();
        long delay;
        lock.lock();
        try {
            if (closed || !topics.containsKey(topic)) {
                return;
            }
            delay = base / 2 + random.nextLong(Math.max(1, base));
        } finally {
            lock.unlock();
        }
        try {
            timer.schedule(() -> {
                discover(topic);
                scheduleRefresh(topic);
            }, delay, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The swarm closed meanwhile.
        }
    }

    /** Announces {@code topic} now and on every refresh until close. */
    private void keepAnnounced(Bytes32 topic) {
        background("announce", () -> discovery.announce(topic, selfAddress));
        long base = config.refreshInterval().toNanos();
        timer.scheduleAtFixedRate(() -> background("announce", () -> discovery.announce(topic, selfAddress)),
                base, base, TimeUnit.NANOSECONDS);
    }

    private void onFound(Bytes32 topic, PeerAddress peer) {
        if (peer.publicKey().equals(self) || peer.addresses().isEmpty()) {
            return;
        }
        lock.lock();
        try {
            TopicState state = topics.get(topic);
            if (state == null) {
                return;
            }
            Map<Bytes32, PeerAddress> known = knownPeers.computeIfAbsent(topic, key -> new LinkedHashMap<>());
            known.remove(peer.publicKey());
            known.put(peer.publicKey(), peer);
            if (known.size() > KNOWN_PEERS_PER_TOPIC) {
                known.remove(known.keySet().iterator().next());
            }
            if (!state.client()) {
                return;
            }
        } finally {
            lock.unlock();
        }
        want(peer, topic);
    }

    private void want(PeerAddress peer, Bytes32 viaTopic) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (!wanted.containsKey(peer.publicKey()) && !connections.containsKey(peer.publicKey())
                    && (connections.size() >= config.maxPeers() || wanted.size() >= 4 * config.maxPeers())) {
                // Full: peers found now are found again by the next lookup if room opens up.
                return;
            }
            Wanted entry = wanted.computeIfAbsent(peer.publicKey(), key -> new Wanted(peer));
            if (!peer.addresses().isEmpty()) {
                entry.address = peer;
            }
            if (viaTopic != null) {
                entry.viaTopics.add(viaTopic);
            }
        } finally {
            lock.unlock();
        }
        maybeDial(peer.publicKey());
    }

    // ---- dialling

    private void maybeDial(Bytes32 key) {
        PeerAddress address;
        lock.lock();
        try {
            Wanted entry = wanted.get(key);
            if (closed || entry == null || entry.address.addresses().isEmpty() || connections.containsKey(key)
                    || dialing.contains(key) || connections.size() >= config.maxPeers()) {
                return;
            }
            address = entry.address;
            dialing.add(key);
        } finally {
            lock.unlock();
        }
        if (!firewall.allows(key, address.addresses().get(0))) {
            lock.lock();
            try {
                dialing.remove(key);
                wanted.remove(key);
            } finally {
                lock.unlock();
            }
            return;
        }
        tracked("dial", () -> {
            boolean connected = false;
            try {
                dialSlots.acquire();
                try {
                    connected = dial(address);
                } finally {
                    dialSlots.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.lock();
                try {
                    dialing.remove(key);
                } finally {
                    lock.unlock();
                }
            }
            if (!connected) {
                retryLater(key, false);
            }
        });
    }

    private boolean dial(PeerAddress peer) {
        for (InetSocketAddress address : peer.addresses()) {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(address, (int) config.connectTimeout().toMillis());
                AuthenticatedLink link = handshaker.initiate(socket);
                if (!link.remotePublicKey().equals(peer.publicKey())) {
                    // A stale or forged address: someone else listens there now.
                    LOG.debug("{} answered as {}, not {}", address, link.remotePublicKey().shortHex(),
                            peer.publicKey().shortHex());
                    link.close();
                    continue;
                }
                if (register(link)) {
                    return true;
                }
                return connection(peer.publicKey()).isPresent();
            } catch (IOException e) {
                LOG.debug("Dialling {} at {} failed: {}", peer.publicKey().shortHex(), address, e.getMessage());
                closeQuietly(socket);
            }
        }
        return false;
    }

    private void retryLater(Bytes32 key, boolean afterConnection) {
        long delayNanos;
        lock.lock();
        try {
            Wanted entry = wanted.get(key);
            if (closed || entry == null || connections.containsKey(key)) {
                return;
            }
            entry.failures = afterConnection ? 0 : entry.failures + 1;
            if (!entry.explicit && entry.failures >= backoff.giveUpAfter()) {
                // Found again by the next lookup if it comes back.
                wanted.remove(key);
                return;
            }
            delayNanos = backoff.delay(Math.max(0, entry.failures - (afterConnection ? 0 : 1)), random).toNanos();
        } finally {
            lock.unlock();
        }
        try {
            timer.schedule(() -> maybeDial(key), delayNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The swarm closed meanwhile.
        }
    }

    // ---- accepting

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("Accepting connections failed: {}", e.getMessage());
                }
                return;
            }
            Thread.ofVirtual().name("swarm-handshake").start(() -> {
                try {
                    socket.setTcpNoDelay(true);
                    register(handshaker.respond(socket));
                } catch (IOException e) {
                    LOG.debug("Handshake with {} failed: {}", socket.getRemoteSocketAddress(), e.getMessage());
                    closeQuietly(socket);
                }
            });
        }
    }

    // ---- connections

    /**
     * Takes a new authenticated connection, unless it duplicates a better one, the firewall
     * refuses it, or the swarm is full. Returns whether it was kept.
     */
    private boolean register(AuthenticatedLink link) {
        Bytes32 key = link.remotePublicKey();
        if (key.equals(self) || !firewall.allows(key, link.remoteAddress())) {
            closeQuietly(link);
            return false;
        }
        PeerConnection replaced = null;
        PeerConnection connection;
        lock.lock();
        try {
            PeerConnection existing = connections.get(key);
            if (closed || (existing != null && (preferred(existing.link()) || !preferred(link)))
                    || (existing == null && connections.size() >= config.maxPeers())) {
                closeQuietly(link);
                return false;
            }
            replaced = existing;
            Mux mux = new Mux(link, config.mux());
            connection = new PeerConnection(link, mux, Instant.now());
            connection.control = mux.open(ChannelSpec.of(SwarmMessage.PROTOCOL, SwarmMessage.CODEC,
                    new ControlHandler(connection)));
            connections.put(key, connection);
            Wanted entry = wanted.get(key);
            if (entry != null) {
                entry.failures = 0;
            }
        } finally {
            lock.unlock();
        }
        if (replaced != null) {
            LOG.debug("Replacing the connection to {}: the one dialled by the smaller key wins", key.shortHex());
            replaced.close();
        }
        // Before the mux starts, so the listener's acceptors see the peer's first opens.
        try {
            listener.onConnection(connection);
        } catch (RuntimeException e) {
            LOG.warn("Connection listener failed for {}", connection, e);
        }
        connection.mux().start();
        connection.mux().terminated().whenComplete((reason, error) -> onTerminated(connection, reason));
        LOG.debug("Connected to {} ({})", connection, link.isInitiator() ? "dialled" : "accepted");
        return true;
    }

    /** Whether {@code link} is the one of a duplicate pair that both sides keep. */
    private boolean preferred(AuthenticatedLink link) {
        Bytes32 remote = link.remotePublicKey();
        Bytes32 initiator = link.isInitiator() ? self : remote;
        Bytes32 smaller = self.compareTo(remote) < 0 ? self : remote;
        return initiator.equals(smaller);
    }

    private void onTerminated(PeerConnection connection, String reason) {
        boolean current;
        lock.lock();
        try {
            current = connections.get(connection.remotePublicKey()) == connection;
            if (current) {
                connections.remove(connection.remotePublicKey());
            }
        } finally {
            lock.unlock();
        }
        try {
            listener.onDisconnection(connection, reason == null ? "closed" : reason);
        } catch (RuntimeException e) {
            LOG.warn("Disconnection listener failed for {}", connection, e);
        }
        if (current) {
            retryLater(connection.remotePublicKey(), true);
        }
    }

    private void sendTopicsToAll() {
        for (PeerConnection connection : connections()) {
            sendTopics(connection);
        }
    }

    private void sendTopics(PeerConnection connection) {
        Channel<SwarmMessage> control = connection.control;
        if (control == null) {
            return;
        }
        List<Bytes32> blinded = new ArrayList<>();
        byte[] hash = connection.link().handshakeHash();
        for (Bytes32 topic : topics()) {
            blinded.add(Topics.blind(topic, hash));
        }
        // A full send buffer means the peer is far behind; it gets the next update.
        control.trySend(new SwarmMessage.Topics(blinded.subList(0, Math.min(blinded.size(), SwarmMessage.MAX_TOPICS))));
    }

    /** The swarm channel of one connection: topic sets and peer exchange. */
    private final class ControlHandler implements ChannelHandler<SwarmMessage> {

        private final PeerConnection connection;

        ControlHandler(PeerConnection connection) {
            this.connection = connection;
        }

        @Override
        public void onOpen(Channel<SwarmMessage> channel) {
            channel.trySend(new SwarmMessage.Hello(selfAddress.addresses()));
            sendTopics(connection);
        }

        @Override
        public void onMessage(Channel<SwarmMessage> channel, SwarmMessage message) {
            byte[] hash = connection.link().handshakeHash();
            switch (message) {
                case SwarmMessage.Hello hello -> connection.listening = new PeerAddress(connection.remotePublicKey(),
                        hello.listening());
                case SwarmMessage.Topics remote -> onTopics(channel, hash, Set.copyOf(remote.blinded()));
                case SwarmMessage.Peers peers -> {
                    for (Bytes32 topic : topics()) {
                        if (Topics.blind(topic, hash).equals(peers.blindedTopic())) {
                            peers.peers().forEach(peer -> onFound(topic, peer));
                        }
                    }
                }
            }
        }

        private void onTopics(Channel<SwarmMessage> channel, byte[] hash, Set<Bytes32> remote) {
            List<Bytes32> added = new ArrayList<>();
            Map<Bytes32, List<PeerAddress>> exchange = new HashMap<>();
            lock.lock();
            try {
                for (Bytes32 topic : topics.keySet()) {
                    boolean shared = remote.contains(Topics.blind(topic, hash));
                    if (shared && connection.sharedTopics().add(topic)) {
                        added.add(topic);
                        List<PeerAddress> known = new ArrayList<>(
                                knownPeers.getOrDefault(topic, Collections.emptyMap()).values());
                        known.removeIf(peer -> peer.publicKey().equals(connection.remotePublicKey()));
                        Collections.shuffle(known);
                        exchange.put(topic, known.subList(0, Math.min(known.size(), SwarmMessage.MAX_PEERS)));
                    } else if (!shared) {
                        connection.sharedTopics().remove(topic);
                    }
                }
            } finally {
                lock.unlock();
            }
            exchange.forEach((topic, peers) -> {
                if (!peers.isEmpty()) {
                    channel.trySend(new SwarmMessage.Peers(Topics.blind(topic, hash), List.copyOf(peers)));
                }
            });
            PeerAddress remoteAddress = connection.listening;
            for (Bytes32 topic : added) {
                // A peer that dialled us on a topic we look up is one we would have found: keep
                // it, so that we redial it if the connection drops.
                if (remoteAddress != null) {
                    onFound(topic, remoteAddress);
                }
                try {
                    listener.onTopic(connection, topic);
                } catch (RuntimeException e) {
                    LOG.warn("Topic listener failed for {}", connection, e);
                }
            }
        }

        @Override
        public void onClose(Channel<SwarmMessage> channel, CloseReason reason) {
            // The swarm channel lives as long as the connection; the other side closing it means
            // it is leaving.
            if (reason instanceof CloseReason.RemoteClose || reason instanceof CloseReason.Rejected) {
                connection.close();
            }
        }
    }

    // ---- helpers

    private void tracked(String what, Runnable task) {
        work.begin();
        try {
            Thread.ofVirtual().name("swarm-" + what).start(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Swarm {} failed", what, e);
                } finally {
                    work.end();
                }
            });
        } catch (RuntimeException e) {
            work.end();
            throw e;
        }
    }

    private void background(String what, Runnable task) {
        Thread.ofVirtual().name("swarm-" + what).start(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Swarm {} failed", what, e);
            }
        });
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Swarm is closed");
        }
    }

    /**
     * The addresses to announce: LAN addresses first when listening on every interface (so a
     * peer on another machine can dial them), then loopback (so peers on this machine can).
     */
    private static List<InetSocketAddress> advertisedAddresses(ServerSocket server) {
        InetAddress bound = server.getInetAddress();
        int port = server.getLocalPort();
        if (!bound.isAnyLocalAddress()) {
            return List.of(new InetSocketAddress(bound, port));
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()
                            && addresses.size() < PeerAddress.MAX_ADDRESSES - 1) {
                        addresses.add(new InetSocketAddress(address, port));
                    }
                }
            }
        } catch (SocketException e) {
            LOG.debug("Listing network interfaces failed: {}", e.getMessage());
        }
        addresses.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return List.copyOf(addresses);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.trace("Close failed", e);
        }
    }
}
