package net.intercomj.host.net.lan;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.swarm.Discovery;
import net.intercomj.host.net.swarm.PeerAddress;
import net.intercomj.host.net.wire.WireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery on the local network by UDP multicast: announcing multicasts the peer's key and
 * addresses, looking up multicasts a query that announcing peers answer, and every peer caches
 * whatever announcements it hears, so most lookups are answered from the cache at once.
 *
 * <p>Several peers on one machine share the group port (SO_REUSEADDR) and hear each other
 * through multicast loopback. If the group cannot be joined on any interface, this logs one
 * warning and behaves as a discovery that finds nobody: a peer without a LAN still starts.
 *
 * <p>Announced addresses are sent as the swarm gives them, loopback ones included: peers on
 * the same machine hear the datagram too and can use them, and a remote peer that tries a
 * loopback address fails fast and tries the next (the swarm puts LAN addresses first). A
 * wildcard address heard is replaced by the datagram's source address.
 */
public final class LanDiscovery implements Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(LanDiscovery.class);
    /** Answers queued for one lookup at most; more in one window would be a flood. */
    private static final int MAX_PENDING_PER_LOOKUP = 256;

    private record Announced(Bytes32 topic, Bytes32 publicKey) {}

    private final LanConfig config;
    private final DatagramChannel channel;
    private final List<NetworkInterface> interfaces;
    private final List<MembershipKey> memberships;
    private final InetSocketAddress target;
    private final AnnouncementCache cache;
    // Sends happen here and nowhere else: an interrupted caller touching the channel would close it for everyone.
    private final ScheduledExecutorService sender;
    private final Thread receiver;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<Bytes32, Set<BlockingQueue<PeerAddress>>> lookups = new ConcurrentHashMap<>();
    private final Set<Bytes32> ownKeys = ConcurrentHashMap.newKeySet();

    private final Object lock = new Object();
    // Guarded by lock.
    private final Map<Bytes32, Map<Bytes32, PeerAddress>> announced = new HashMap<>();
    private final Map<Announced, Long> lastSent = new HashMap<>();
    private final Set<Announced> answerPending = new HashSet<>();

    private volatile boolean closed;

    private LanDiscovery(LanConfig config, DatagramChannel channel, List<NetworkInterface> interfaces,
            List<MembershipKey> memberships) {
        this.config = config;
        this.channel = channel;
        this.interfaces = List.copyOf(interfaces);
        this.memberships = List.copyOf(memberships);
        this.target = new InetSocketAddress(config.group(), config.port());
        this.cache = new AnnouncementCache(config.cacheExpiry(), config.maxPeersPerTopic(), config.maxPeers(),
                System::nanoTime);
        this.sender = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("lan-send").factory());
        this.receiver = channel == null ? null : Thread.ofVirtual().name("lan-receive").start(this::receiveLoop);
    }

    /**
     * Joins the group and starts listening. Never fails: without any interface to join on, the
     * discovery returned is off (see {@link LanStats#interfaces()}).
     */
    public static LanDiscovery open(LanConfig config) {
        DatagramChannel channel = null;
        List<NetworkInterface> joined = new ArrayList<>();
        List<MembershipKey> memberships = new ArrayList<>();
        try {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(config.port()));
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, config.ttl());
            for (NetworkInterface nic : candidates(config)) {
                try {
                    memberships.add(channel.join(config.group(), nic));
                    joined.add(nic);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Joining {} on {} failed: {}", config.group().getHostAddress(), nic.getName(),
                            e.toString());
                }
            }
        } catch (IOException e) {
            LOG.debug("Opening the LAN discovery socket on port {} failed: {}", config.port(), e.toString());
        }
        if (joined.isEmpty()) {
            LOG.warn("LAN discovery is off: could not join {}:{} on any interface", config.group().getHostAddress(),
                    config.port());
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.trace("Close failed", e);
                }
            }
            return new LanDiscovery(config, null, List.of(), List.of());
        }
        LOG.debug("LAN discovery on {}:{} via {}", config.group().getHostAddress(), config.port(),
                joined.stream().map(NetworkInterface::getName).toList());
        return new LanDiscovery(config, channel, joined, memberships);
    }

    /**
     * Multicasts {@code self} under {@code topic}, returning once it is sent, and answers
     * queries for it until {@link #unannounce}.
     */
    @Override
    public void announce(Bytes32 topic, PeerAddress self) {
        ownKeys.add(self.publicKey());
        synchronized (lock) {
            announced.computeIfAbsent(topic, t -> new HashMap<>()).put(self.publicKey(), self);
            lastSent.put(new Announced(topic, self.publicKey()), System.nanoTime());
        }
        await(send(new LanMessage.Announce(topic, self)));
    }

    /** Stops answering for {@code self} under {@code topic} and tells the LAN to forget it. */
    @Override
    public void unannounce(Bytes32 topic, PeerAddress self) {
        boolean was;
        synchronized (lock) {
            Map<Bytes32, PeerAddress> peers = announced.get(topic);
            was = peers != null && peers.remove(self.publicKey()) != null;
            if (peers != null && peers.isEmpty()) {
                announced.remove(topic);
            }
            lastSent.remove(new Announced(topic, self.publicKey()));
        }
        if (was) {
            await(send(new LanMessage.Unannounce(topic, self.publicKey())));
        }
    }

    /**
     * Hands over every cached announcement of {@code topic} at once, multicasts a query, and
     * hands over new answers until the lookup window closes. Runs {@code found} on the
     * calling thread.
     */
    @Override
    public void lookup(Bytes32 topic, Consumer<PeerAddress> found) {
        if (closed || channel == null) {
            return;
        }
        BlockingQueue<PeerAddress> answers = new LinkedBlockingQueue<>(MAX_PENDING_PER_LOOKUP);
        // Registered before reading the cache, so nothing heard in between is missed.
        lookups.compute(topic, (t, waiting) -> {
            Set<BlockingQueue<PeerAddress>> set = waiting == null ? ConcurrentHashMap.newKeySet() : waiting;
            set.add(answers);
            return set;
        });
        try {
            cache.fresh(topic).forEach(found);
            send(new LanMessage.Query(topic));
            long deadline = System.nanoTime() + config.lookupWindow().toNanos();
            for (long left = config.lookupWindow().toNanos(); left > 0; left = deadline - System.nanoTime()) {
                PeerAddress peer = answers.poll(left, TimeUnit.NANOSECONDS);
                if (peer != null) {
                    found.accept(peer);
                }
            }
            List<PeerAddress> late = new ArrayList<>();
            answers.drainTo(late);
            late.forEach(found);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lookups.computeIfPresent(topic, (t, waiting) -> {
                waiting.remove(answers);
                return waiting.isEmpty() ? null : waiting;
            });
        }
    }

    /** E.g. "LAN: 3 peers heard on 2 topics", or that LAN discovery is off. */
    @Override
    public String describe() {
        if (channel == null) {
            return "LAN: off (no multicast interface)";
        }
        return "LAN: " + cache.size() + " peers heard on " + cache.topicCount() + " topics";
    }

    /** Counters, for tests and diagnostics. */
    public LanStats stats() {
        return new LanStats(interfaces.size(), received.get(), dropped.get(), cache.size(), cache.topicCount());
    }

    /** Leaves the group and stops listening; unannouncements already sent go out first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sender.shutdown();
        try {
            if (!sender.awaitTermination(1, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (channel == null) {
            return;
        }
        memberships.forEach(MembershipKey::drop);
        try {
            channel.close();
        } catch (IOException e) {
            LOG.trace("Close failed", e);
        }
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- receiving

    private void receiveLoop() {
        // One byte more than allowed, so an oversized datagram shows as such rather than truncated to fit.
        ByteBuffer buffer = ByteBuffer.allocate(LanCodec.MAX_DATAGRAM + 1);
        while (!closed) {
            SocketAddress from;
            buffer.clear();
            try {
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("Receiving on the LAN failed: {}", e.toString());
                    // A socket error that repeats at once must not turn this loop into a busy spin.
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
                continue;
            }
            received.incrementAndGet();
            LanMessage message;
            try {
                message = LanCodec.decode(buffer.array(), 0, buffer.position());
            } catch (WireException e) {
                dropped.incrementAndGet();
                LOG.debug("Dropped a LAN datagram from {}: {}", from, e.getMessage());
                continue;
            }
            try {
                handle(message, (InetSocketAddress) from);
            } catch (RuntimeException e) {
                LOG.warn("Handling a LAN datagram from {} failed", from, e);
            }
        }
    }

    private void handle(LanMessage message, InetSocketAddress from) {
        switch (message) {
            case LanMessage.Announce announce -> {
                PeerAddress peer = withWildcardsResolved(announce.peer(), from);
                if (ownKeys.contains(peer.publicKey()) || peer.addresses().isEmpty()) {
                    return;
                }
                if (cache.put(announce.topic(), peer)) {
                    Set<BlockingQueue<PeerAddress>> waiting = lookups.get(announce.topic());
                    if (waiting != null) {
                        waiting.forEach(answers -> answers.offer(peer));
                    }
                }
            }
            case LanMessage.Query query -> answer(query.topic());
            case LanMessage.Unannounce unannounce -> {
                if (!ownKeys.contains(unannounce.publicKey())) {
                    cache.remove(unannounce.topic(), unannounce.publicKey());
                }
            }
        }
    }

    /**
     * Schedules an answer for each of our announcements under {@code topic}, after a random
     * delay, unless one is already scheduled or the same announcement went out just now (every
     * listener's cache then holds it already).
     */
    private void answer(Bytes32 topic) {
        long now = System.nanoTime();
        List<Announced> toAnswer = new ArrayList<>();
        synchronized (lock) {
            for (Bytes32 key : announced.getOrDefault(topic, Map.of()).keySet()) {
                Announced which = new Announced(topic, key);
                Long last = lastSent.get(which);
                if (!answerPending.contains(which)
                        && (last == null || now - last >= config.answerSuppression().toNanos())) {
                    answerPending.add(which);
                    toAnswer.add(which);
                }
            }
        }
        long maxDelay = Math.max(1, config.answerDelay().toNanos());
        for (Announced which : toAnswer) {
            try {
                sender.schedule(() -> sendAnswer(which), ThreadLocalRandom.current().nextLong(maxDelay),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                return;
            }
        }
    }

    private void sendAnswer(Announced which) {
        PeerAddress self;
        synchronized (lock) {
            answerPending.remove(which);
            self = announced.getOrDefault(which.topic(), Map.of()).get(which.publicKey());
            if (self == null) {
                return;
            }
            lastSent.put(which, System.nanoTime());
        }
        multicast(new LanMessage.Announce(which.topic(), self));
    }

    // ---- sending

    /** Queues {@code message} for the sender thread; the future completes once it has been multicast. */
    private Future<?> send(LanMessage message) {
        if (channel == null) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return sender.submit(() -> multicast(message));
        } catch (RejectedExecutionException closing) {
            LOG.trace("Not sent, closing: {}", message);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Waits (briefly) until {@code sent} is out, so that announce returns once the LAN has been told. */
    private static void await(Future<?> sent) {
        try {
            sent.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            LOG.debug("Multicast not confirmed: {}", e.toString());
        }
    }

    /** Sends on every joined interface; runs on the sender thread only. */
    private void multicast(LanMessage message) {
        ByteBuffer datagram = ByteBuffer.wrap(LanCodec.encode(message));
        for (NetworkInterface nic : interfaces) {
            try {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic);
                channel.send(datagram.rewind(), target);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.debug("Multicast on {} failed: {}", nic.getName(), e.toString());
            }
        }
    }

    private static PeerAddress withWildcardsResolved(PeerAddress peer, InetSocketAddress from) {
        if (peer.addresses().stream().noneMatch(address -> address.getAddress().isAnyLocalAddress())) {
            return peer;
        }
        return new PeerAddress(peer.publicKey(), peer.addresses().stream()
                .map(address -> address.getAddress().isAnyLocalAddress()
                        ? new InetSocketAddress(from.getAddress(), address.getPort()) : address)
                .toList());
    }

    /**
     * The interfaces to join on: up, multicast-capable, with an IPv4 address, and named in the
     * config if it names any.
     */
    static List<NetworkInterface> candidates(LanConfig config) throws SocketException {
        List<NetworkInterface> candidates = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            try {
                // A loopback interface qualifies only where it supports multicast, as the check says.
                if (nic.isUp() && nic.supportsMulticast()
                        && nic.inetAddresses().anyMatch(address -> address instanceof Inet4Address)
                        && (config.interfaces().isEmpty() || config.interfaces().contains(nic.getName()))) {
                    candidates.add(nic);
                }
            } catch (SocketException e) {
                LOG.debug("Inspecting interface {} failed: {}", nic.getName(), e.toString());
            }
        }
        return candidates;
    }
}
