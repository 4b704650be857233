package net.intercomj.host.net.dht;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.AddressCodec;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.wallet.PeerWallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kademlia node over UDP: answers ping, find-node, lookup, announce and unannounce, and
 * runs the same as iterative queries for its owner. Blocking calls; run them on virtual
 * threads. Every datagram that does not decode, every response nobody waits for, every
 * store without a valid token or signature is dropped and counted, with one debug line.
 */
public final class DhtNode implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(DhtNode.class);

    /** Kademlia's k: bucket size, and how many closest nodes a query converges on. */
    public static final int K = 20;
    /** Requests in flight per query. */
    static final int ALPHA = 3;
    private static final int MAX_IN_FLIGHT = 256;

    private final DhtConfig config;
    private final DatagramSocket socket;
    private final DhtPeer self;
    private final RoutingTable table;
    private final Tokens tokens;
    private final RecordStore store;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicInteger nextTid = new AtomicInteger(ThreadLocalRandom.current().nextInt());
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Nodes being checked for liveness (eviction pings, down hints): one check each at a time, bounded. */
    private final Set<Bytes32> checking = ConcurrentHashMap.newKeySet();
    private static final int MAX_CHECKS = 64;
    private volatile boolean closed;

    private record Pending(InetSocketAddress to, CompletableFuture<DhtMessage.Response> response) {}

    /** A response from a node, with the node as identified by its source address. */
    record Reply(DhtPeer from, DhtMessage.Response response) {}

    private DhtNode(DhtConfig config, DatagramSocket socket) {
        this.config = config;
        this.socket = socket;
        this.self = DhtPeer.at((InetSocketAddress) socket.getLocalSocketAddress());
        this.table = new RoutingTable(self.id(), K);
        this.tokens = new Tokens(config.clock(), Duration.ofMinutes(5));
        this.store = new RecordStore(config.clock(), config.recordTtl(), config.maxRecordsPerTopic(), config.maxRecords());
        Thread.ofVirtual().name("dht-receive " + self.address()).start(this::receiveLoop);
    }

    /** Binds a node; call {@link #bootstrap()} to join the network of {@code config.bootstrap()}. */
    public static DhtNode start(DhtConfig config) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.bind(new InetSocketAddress(config.bindAddress(), config.port()));
        } catch (SocketException e) {
            socket.close();
            throw e;
        }
        return new DhtNode(config, socket);
    }

    /**
     * The zero-config node of one machine: becomes the node on {@code 127.0.0.1:wellKnownPort}
     * if that port is free, and otherwise joins whoever holds it. With several peers starting
     * at once, exactly one binds the port and the others join it.
     */
    public static DhtNode startZeroConfig(DhtConfig template, int wellKnownPort) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        InetSocketAddress wellKnown = new InetSocketAddress(loopback, wellKnownPort);
        DhtConfig asBootstrap = new DhtConfig(loopback, wellKnownPort, List.of(), template.requestTimeout(),
                template.tries(), template.recordTtl(), template.maxRecordsPerTopic(), template.maxRecords(),
                template.clock());
        try {
            DhtNode node = start(asBootstrap);
            LOG.info("The DHT port {} was free; this peer is now the machine's DHT node", wellKnown);
            return node;
        } catch (BindException taken) {
            DhtConfig joining = new DhtConfig(loopback, 0, List.of(wellKnown), template.requestTimeout(),
                    template.tries(), template.recordTtl(), template.maxRecordsPerTopic(), template.maxRecords(),
                    template.clock());
            DhtNode node = start(joining);
            if (node.ping(wellKnown).isEmpty()) {
                LOG.warn("Port {} is taken but no DHT node answers there: discovery on this machine will only work"
                        + " through --dht-bootstrap or the LAN", wellKnownPort);
            }
            node.bootstrap();
            return node;
        }
    }

    /** Joins the network: asks the bootstrap nodes, then walks toward our own id. */
    public void bootstrap() {
        for (InetSocketAddress address : config.bootstrap()) {
            ping(address);
        }
        findNode(self.id());
    }

    public Bytes32 id() {
        return self.id();
    }

    public InetSocketAddress localAddress() {
        return self.address();
    }

    public List<InetSocketAddress> bootstrapNodes() {
        return config.bootstrap();
    }

    public DhtStats stats() {
        store.purge();
        return new DhtStats(table.size(), store.size(), store.topics(), dropped.get(), refused.get());
    }

    /** The round trip to {@code address}, or empty if it does not answer. */
    public Optional<Duration> ping(InetSocketAddress address) {
        long start = System.nanoTime();
        return request(address, DhtMessage.Command.PING, Optional.empty(), Optional.empty(), new byte[0])
                .map(reply -> Duration.ofNanos(System.nanoTime() - start));
    }

    /** The (up to) k responding nodes closest to {@code target}, closest first. */
    public List<InetSocketAddress> findNode(Bytes32 target) {
        return query(target, DhtMessage.Command.FIND_NODE, reply -> {}).stream()
                .map(reply -> reply.from().address()).toList();
    }

    /**
     * Stores {@code record} under {@code topic} on the k nodes closest to it.
     *
     * @return how many nodes stored it
     */
    public int announce(Bytes32 topic, PeerRecord record, PeerWallet signer) {
        return store(topic, record, signer, true);
    }

    /** Removes {@code record} from the nodes closest to {@code topic}; returns how many confirmed. */
    public int unannounce(Bytes32 topic, PeerRecord record, PeerWallet signer) {
        return store(topic, record, signer, false);
    }

    /**
     * Finds the records under {@code topic}, handing each new peer to {@code onRecord} as soon
     * as a node returns it (so callers can dial before the query ends).
     *
     * @return every distinct verified record, newest sequence number per key
     */
    public List<PeerRecord> lookup(Bytes32 topic, Consumer<PeerRecord> onRecord) {
        Map<Bytes32, PeerRecord> found = new LinkedHashMap<>();
        for (RecordCodec.Signed own : store.get(topic, RecordCodec.MAX_RECORDS_PER_RESPONSE)) {
            found.put(own.record().publicKey(), own.record());
            onRecord.accept(own.record());
        }
        query(topic, DhtMessage.Command.LOOKUP, reply -> {
            List<RecordCodec.Signed> records;
            try {
                records = RecordCodec.decodeList(reply.response().value());
            } catch (WireException e) {
                dropped.incrementAndGet();
                LOG.debug("Dropped records from {}: {}", reply.from().address(), e.getMessage());
                return;
            }
            for (RecordCodec.Signed signed : records) {
                if (!RecordCodec.verify(signed, topic, reply.from().id(), true)) {
                    dropped.incrementAndGet();
                    LOG.debug("Dropped a record from {} with a bad signature", reply.from().address());
                    continue;
                }
                PeerRecord record = signed.record();
                PeerRecord known;
                synchronized (found) {
                    known = found.get(record.publicKey());
                    if (known == null || known.seq() < record.seq()) {
                        found.put(record.publicKey(), record);
                    }
                }
                if (known == null) {
                    onRecord.accept(record);
                }
            }
        });
        synchronized (found) {
            return List.copyOf(found.values());
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        pending.values().forEach(p -> p.response().cancel(false));
    }

    // ---- queries

    private int store(Bytes32 topic, PeerRecord record, PeerWallet signer, boolean announce) {
        List<Reply> closest = query(topic, DhtMessage.Command.LOOKUP, reply -> {});
        List<Thread> sends = new ArrayList<>();
        AtomicInteger stored = new AtomicInteger();
        // This node is one of the k closest when fewer answered or it beats the farthest: it
        // keeps the record itself then, since a query never asks its own node.
        Bytes32 ownDistance = self.id().xor(topic);
        boolean selfAmongClosest = closest.size() < K
                || ownDistance.compareTo(closest.getLast().from().id().xor(topic)) < 0;
        if (selfAmongClosest) {
            RecordCodec.Signed signed = RecordCodec.sign(record, topic, self.id(), signer, announce);
            if (announce) {
                store.put(topic, signed);
            } else {
                store.remove(topic, record.publicKey());
            }
            stored.incrementAndGet();
        }
        int remote = selfAmongClosest ? K - 1 : K;
        for (Reply reply : closest.subList(0, Math.min(remote, closest.size()))) {
            if (reply.response().token().isEmpty()) {
                continue;
            }
            byte[] value = RecordCodec.encodeSigned(RecordCodec.sign(record, topic, reply.from().id(), signer, announce));
            sends.add(Thread.ofVirtual().start(() -> request(reply.from().address(),
                    announce ? DhtMessage.Command.ANNOUNCE : DhtMessage.Command.UNANNOUNCE, Optional.of(topic),
                    reply.response().token(), value)
                    .filter(done -> done.error() == DhtMessage.OK)
                    .ifPresent(done -> stored.incrementAndGet())));
        }
        for (Thread send : sends) {
            try {
                send.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return stored.get();
    }

    /**
     * Kademlia's iterative query: ask the closest known nodes, learn closer ones from their
     * answers, and stop when the k closest have all been asked. At most {@link #ALPHA}
     * requests are in flight.
     *
     * @return the responding nodes among the k closest, closest first
     */
    List<Reply> query(Bytes32 target, DhtMessage.Command command, Consumer<Reply> onReply) {
        Comparator<Bytes32> byDistance = Comparator.comparing(id -> id.xor(target));
        TreeMap<Bytes32, DhtPeer> candidates = new TreeMap<>(byDistance);
        for (DhtPeer peer : table.closest(target, K)) {
            candidates.put(peer.id(), peer);
        }
        for (InetSocketAddress address : config.bootstrap()) {
            DhtPeer peer = DhtPeer.at(address);
            if (!peer.id().equals(self.id())) {
                candidates.putIfAbsent(peer.id(), peer);
            }
        }
        Set<Bytes32> asked = new HashSet<>();
        // Who told us of each candidate: told when it turns out dead, so stale entries leave
        // other nodes' tables after one failed query instead of slowing every later one.
        Map<Bytes32, InetSocketAddress> referrers = new HashMap<>();
        Map<Bytes32, Reply> replies = new HashMap<>();
        record Outcome(DhtPeer peer, Optional<DhtMessage.Response> response) {}
        LinkedBlockingQueue<Outcome> done = new LinkedBlockingQueue<>();
        int running = 0;
        while (true) {
            // The k closest candidates not known to have failed are the ones worth asking.
            List<DhtPeer> frontier = new ArrayList<>();
            for (DhtPeer peer : candidates.values()) {
                if (frontier.size() == K) {
                    break;
                }
                frontier.add(peer);
            }
            for (DhtPeer peer : frontier) {
                if (running >= ALPHA) {
                    break;
                }
                if (asked.add(peer.id())) {
                    running++;
                    Thread.ofVirtual().start(() -> done.add(new Outcome(peer, request(peer.address(), command,
                            Optional.of(target), Optional.empty(), new byte[0]))));
                }
            }
            if (running == 0) {
                break;
            }
            Outcome outcome;
            try {
                outcome = done.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            running--;
            if (outcome.response().isEmpty()) {
                // A node that does not answer leaves the candidates, so the frontier moves past it.
                candidates.remove(outcome.peer().id());
                InetSocketAddress referrer = referrers.get(outcome.peer().id());
                if (referrer != null) {
                    sendDownHint(referrer, outcome.peer().address());
                }
                continue;
            }
            Reply reply = new Reply(outcome.peer(), outcome.response().get());
            replies.put(reply.from().id(), reply);
            onReply.accept(reply);
            for (InetSocketAddress address : reply.response().closerNodes()) {
                DhtPeer closer = DhtPeer.at(address);
                if (!closer.id().equals(self.id()) && candidates.putIfAbsent(closer.id(), closer) == null) {
                    referrers.putIfAbsent(closer.id(), reply.from().address());
                }
            }
        }
        List<Reply> closest = new ArrayList<>(replies.values());
        closest.sort(Comparator.comparing(reply -> reply.from().id().xor(target)));
        return List.copyOf(closest.subList(0, Math.min(K, closest.size())));
    }

    // ---- request/response

    /** Sends a request, retrying, and returns the response or empty when the node does not answer. */
    Optional<DhtMessage.Response> request(InetSocketAddress to, DhtMessage.Command command, Optional<Bytes32> target,
            Optional<Bytes32> token, byte[] value) {
        if (closed) {
            return Optional.empty();
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            for (int attempt = 0; attempt < config.tries() && !closed; attempt++) {
                int tid = nextTid.getAndIncrement();
                CompletableFuture<DhtMessage.Response> response = new CompletableFuture<>();
                pending.put(tid, new Pending(to, response));
                try {
                    send(to, new DhtMessage.Request(tid, Optional.of(self.id()), command, target, token, value));
                    DhtMessage.Response answer = response.get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
                    noteSender(to, answer.senderId());
                    return Optional.of(answer);
                } catch (TimeoutException | ExecutionException | java.util.concurrent.CancellationException e) {
                    // try again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                } finally {
                    pending.remove(tid);
                }
            }
            table.remove(DhtPeer.at(to));
            return Optional.empty();
        } finally {
            inFlight.release();
        }
    }

    /** Tells {@code referrer} that {@code dead} did not answer us; it checks for itself. */
    private void sendDownHint(InetSocketAddress referrer, InetSocketAddress dead) {
        WireWriter value = new WireWriter(32);
        AddressCodec.write(dead, value);
        // Fire and forget: the answer, if any, is dropped as unexpected.
        send(referrer, new DhtMessage.Request(nextTid.getAndIncrement(), Optional.of(self.id()),
                DhtMessage.Command.DOWN_HINT, Optional.empty(), Optional.empty(), value.toByteArray()));
    }

    /**
     * Pings {@code peer} once (one check per node at a time, and a bounded number overall) and
     * runs {@code ifDead} when it does not answer. Hints are only checked, never believed.
     */
    private void checkLiveness(DhtPeer peer, Runnable ifDead) {
        if (checking.size() >= MAX_CHECKS || !checking.add(peer.id())) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                if (request(peer.address(), DhtMessage.Command.PING, Optional.empty(), Optional.empty(), new byte[0])
                        .isEmpty()) {
                    ifDead.run();
                }
            } finally {
                checking.remove(peer.id());
            }
        });
    }

    private void send(InetSocketAddress to, DhtMessage message) {
        byte[] bytes = DhtCodec.encode(message);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("Sending to {} failed: {}", to, e.getMessage());
            }
        }
    }

    private void receiveLoop() {
        byte[] buffer = new byte[DhtCodec.MAX_DATAGRAM + 1];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("DHT socket failed: {}", e.getMessage());
                }
                return;
            }
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            DhtMessage message;
            try {
                message = DhtCodec.decode(buffer, packet.getLength());
            } catch (WireException e) {
                dropped.incrementAndGet();
                LOG.debug("Dropped a datagram from {}: {}", from, e.getMessage());
                continue;
            }
            try {
                switch (message) {
                    case DhtMessage.Request request -> answer(from, request);
                    case DhtMessage.Response response -> {
                        Pending waiting = pending.get(response.tid());
                        if (waiting == null || !waiting.to().equals(from)) {
                            dropped.incrementAndGet();
                            LOG.debug("Dropped a response from {} nobody waits for", from);
                        } else {
                            waiting.response().complete(response);
                        }
                    }
                }
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
                LOG.warn("Handling a datagram from {} failed", from, e);
            }
        }
    }

    private void answer(InetSocketAddress from, DhtMessage.Request request) {
        noteSender(from, request.senderId());
        Optional<Bytes32> token = Optional.empty();
        List<InetSocketAddress> closer = List.of();
        byte[] value = new byte[0];
        int error = DhtMessage.OK;
        switch (request.command()) {
            case PING -> { }
            case FIND_NODE, LOOKUP -> {
                if (request.target().isEmpty()) {
                    error = DhtMessage.ERROR_BAD_REQUEST;
                    break;
                }
                token = Optional.of(tokens.issue(from));
                closer = table.closest(request.target().get(), K).stream()
                        .filter(peer -> !peer.address().equals(from)).map(DhtPeer::address).toList();
                if (request.command() == DhtMessage.Command.LOOKUP) {
                    List<RecordCodec.Signed> records = store.get(request.target().get(),
                            RecordCodec.MAX_RECORDS_PER_RESPONSE);
                    value = fitting(records, closer);
                    if (value.length > 0 && records.size() > 0) {
                        // Records take room; keep fewer closer nodes so the datagram stays small.
                        closer = closer.subList(0, Math.min(closer.size(), 8));
                    }
                }
            }
            case ANNOUNCE, UNANNOUNCE -> error = store(from, request);
            case DOWN_HINT -> {
                try {
                    DhtPeer suspect = DhtPeer.at(AddressCodec.read(
                            new WireReader(request.value())));
                    if (table.contains(suspect)) {
                        checkLiveness(suspect, () -> table.remove(suspect));
                    }
                } catch (WireException e) {
                    error = DhtMessage.ERROR_BAD_REQUEST;
                }
            }
        }
        send(from, new DhtMessage.Response(request.tid(), Optional.of(self.id()), from, token, closer, error, value));
    }

    /** As many records as fit one datagram beside the closer nodes. */
    private static byte[] fitting(List<RecordCodec.Signed> records, List<InetSocketAddress> closer) {
        List<RecordCodec.Signed> chosen = new ArrayList<>(records);
        while (!chosen.isEmpty()) {
            byte[] value = RecordCodec.encodeList(chosen);
            if (value.length <= 1000) {
                return value;
            }
            chosen.removeLast();
        }
        return new byte[0];
    }

    private int store(InetSocketAddress from, DhtMessage.Request request) {
        if (request.target().isEmpty() || request.value().length == 0) {
            return DhtMessage.ERROR_BAD_REQUEST;
        }
        if (!tokens.valid(request.token(), from)) {
            refused.incrementAndGet();
            LOG.debug("Refused a store from {}: no valid round-trip token", from);
            return DhtMessage.ERROR_BAD_TOKEN;
        }
        boolean announce = request.command() == DhtMessage.Command.ANNOUNCE;
        RecordCodec.Signed signed;
        try {
            signed = RecordCodec.decodeSigned(request.value());
        } catch (WireException e) {
            refused.incrementAndGet();
            return DhtMessage.ERROR_BAD_RECORD;
        }
        if (!RecordCodec.verify(signed, request.target().get(), self.id(), announce)) {
            refused.incrementAndGet();
            LOG.debug("Refused a store from {}: the signature is not for this node and topic", from);
            return DhtMessage.ERROR_BAD_RECORD;
        }
        if (announce) {
            store.put(request.target().get(), signed);
        } else {
            store.remove(request.target().get(), signed.record().publicKey());
        }
        return DhtMessage.OK;
    }

    /** Adds a sender to the routing table if its claimed id is the hash of its address. */
    private void noteSender(InetSocketAddress from, Optional<Bytes32> claimedId) {
        if (claimedId.isEmpty()) {
            return;
        }
        DhtPeer peer = DhtPeer.at(from);
        if (!peer.id().equals(claimedId.get())) {
            return;
        }
        table.seen(peer).ifPresent(oldest -> checkLiveness(oldest, () -> table.replace(oldest, peer)));
    }
}
