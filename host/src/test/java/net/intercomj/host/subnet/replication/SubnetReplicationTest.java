package net.intercomj.host.subnet.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedLog;
import net.intercomj.host.subnet.order.BatchProposer;
import net.intercomj.host.wallet.Ed25519Keys;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writer logs and confirmed batches replicate between real peers on loopback, live and after a restart. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SubnetReplicationTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Bytes32 SUBNET = Bytes32.fromHex("6e".repeat(32));
    private static final byte[] TOPIC = Bytes32.fromHex("6f".repeat(32)).toByteArray();
    private static final byte[] SEED = new byte[32];
    private static final Bytes32 WRITER = Bytes32.of(Ed25519Keys.publicKey(SEED));
    /** How a peer that never answers handles requests. */
    private static final BiConsumer<String, Consumer<String>> NO_ANSWER = (body, reply) -> { };

    @TempDir
    Path folder;

    private DhtNode bootstrap;
    private final List<PeerNetwork> networks = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();

    /** One peer of the subnet, with what replication handed it and how many peers it replicates with. */
    private record Peer(PeerNetwork network, WriterLogStore store, ConfirmedLog confirmed, SubnetReplication replication,
            List<LogEntry> stored, List<ConfirmedBatch> batches, List<String> requests,
            List<ReplicationMessage.Reply> replies, AtomicInteger peers) {}

    /** A listener that records what it is handed. */
    private static SubnetReplication.Listener recording(List<LogEntry> stored, List<ConfirmedBatch> batches) {
        return recording(stored, batches, NO_ANSWER, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
                new AtomicInteger());
    }

    /** A listener that records what it is handed, and hands each request's body and reply to {@code answer}. */
    private static SubnetReplication.Listener recording(List<LogEntry> stored, List<ConfirmedBatch> batches,
            BiConsumer<String, Consumer<String>> answer, List<String> requests, List<ReplicationMessage.Reply> replies,
            AtomicInteger peers) {
        return new SubnetReplication.Listener() {
            @Override
            public void onStored(LogEntry entry) {
                stored.add(entry);
            }

            @Override
            public void onBatches(List<ConfirmedBatch> received) {
                batches.addAll(received);
            }

            @Override
            public void onRequest(String body, Consumer<String> reply) {
                requests.add(body);
                answer.accept(body, reply);
            }

            @Override
            public void onReply(long id, String body) {
                replies.add(new ReplicationMessage.Reply(id, body));
            }

            @Override
            public void onPeer() {
                peers.incrementAndGet();
            }
        };
    }

    private Peer peer(String name) throws Exception {
        return peer(name, NO_ANSWER);
    }

    /** A peer whose requests' bodies and reply senders go to {@code answer}. */
    private Peer peer(String name, BiConsumer<String, Consumer<String>> answer) throws Exception {
        if (bootstrap == null) {
            bootstrap = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()));
        }
        PeerNetwork network = PeerNetwork.start(PeerWallet.generate(), new PeerNetwork.Settings(
                List.of(bootstrap.localAddress()), 0, List.of(), SwarmConfig.defaults(LOOPBACK)));
        networks.add(network);
        WriterLogStore store = WriterLogStore.open(folder.resolve(name), SUBNET);
        ConfirmedLog confirmed = ConfirmedLog.open(folder.resolve(name + "-confirmed"));
        List<LogEntry> stored = new CopyOnWriteArrayList<>();
        List<ConfirmedBatch> batches = new CopyOnWriteArrayList<>();
        List<String> requests = new CopyOnWriteArrayList<>();
        List<ReplicationMessage.Reply> replies = new CopyOnWriteArrayList<>();
        AtomicInteger peers = new AtomicInteger();
        SubnetReplication replication = SubnetReplication.start(new NetworkService(network), store, confirmed, SUBNET, SUBNET,
                TOPIC, recording(stored, batches, answer, requests, replies, peers));
        others.add(store);
        others.add(confirmed);
        others.add(0, replication);
        return new Peer(network, store, confirmed, replication, stored, batches, requests, replies, peers);
    }

    /** The peer confirms what it holds as its subnet's sole indexer, and tells the others. */
    private static ConfirmedBatch confirm(Peer indexer) throws Exception {
        BatchProposer.Proposal proposal = new BatchProposer(indexer.store(), indexer.confirmed()).propose(1).orElseThrow();
        ConfirmedBatch batch = new ConfirmedBatch(proposal.batch(),
                indexer.confirmed().checkpoint().next(proposal.batch(), proposal.entries(), Map.of()), List.of());
        indexer.confirmed().append(batch, proposal.entries());
        indexer.replication().announceBatches();
        return batch;
    }

    private static List<LogEntry> log(int count) {
        List<LogEntry> log = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            log.add(LogEntry.append(SUBNET, WRITER, log.isEmpty() ? null : log.getLast(), List.of(), i,
                    "{\"type\":\"msg\",\"n\":" + i + "}", message -> Ed25519Keys.sign(SEED, message)));
        }
        return log;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : others) {
            closeable.close();
        }
        // Each network's close waits briefly for its unannouncements: close them side by side.
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            networks.forEach(network -> executor.submit(network::close));
        }
        if (bootstrap != null) {
            bootstrap.close();
        }
    }

    @Test
    void peersCatchUpAndFollowAWritersLog() throws Exception {
        List<LogEntry> log = log(400);
        Peer writer = peer("writer");
        for (LogEntry entry : log.subList(0, 350)) {
            writer.replication().append(entry);
        }
        ConfirmedBatch first = confirm(writer);
        Peer b = peer("b");
        Peer c = peer("c");
        await().atMost(Duration.ofSeconds(60)).until(() -> b.store().length(WRITER) == 350 && c.store().length(WRITER) == 350);
        // The batch confirmed before they joined comes over when they link.
        await().atMost(Duration.ofSeconds(60)).until(() -> b.batches().contains(first) && c.batches().contains(first));
        for (LogEntry entry : log.subList(350, 400)) {
            writer.replication().append(entry);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> b.store().length(WRITER) == 400 && c.store().length(WRITER) == 400);
        // One confirmed after they linked follows when it is announced.
        ConfirmedBatch second = confirm(writer);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.batches().contains(second) && c.batches().contains(second));
        for (Peer peer : List.of(b, c)) {
            assertThat(new HashSet<>(peer.batches())).containsExactlyInAnyOrder(first, second);
        }
        for (Peer peer : List.of(b, c)) {
            List<LogEntry> replicated = new ArrayList<>(peer.store().range(WRITER, 0, 256));
            replicated.addAll(peer.store().range(WRITER, 256, 256));
            assertThat(replicated).containsExactlyElementsOf(log);
        }
        assertThat(b.stored()).hasSize(400).doesNotHaveDuplicates();
    }

    @Test
    void aPeerThatRestartsResumesFromItsStore() throws Exception {
        List<LogEntry> log = log(150);
        Peer writer = peer("writer");
        for (LogEntry entry : log.subList(0, 100)) {
            writer.replication().append(entry);
        }
        Peer reader = peer("reader");
        await().atMost(Duration.ofSeconds(60)).until(() -> reader.store().length(WRITER) == 100);
        reader.replication().close();
        reader.store().close();
        reader.confirmed().close();
        others.remove(reader.replication());
        others.remove(reader.store());
        others.remove(reader.confirmed());
        for (LogEntry entry : log.subList(100, 150)) {
            writer.replication().append(entry);
        }
        WriterLogStore reopened = WriterLogStore.open(folder.resolve("reader"), SUBNET);
        others.add(reopened);
        assertThat(reopened.length(WRITER)).isEqualTo(100);
        ConfirmedLog reopenedConfirmed = ConfirmedLog.open(folder.resolve("reader-confirmed"));
        others.add(reopenedConfirmed);
        List<LogEntry> storedAfterRestart = new CopyOnWriteArrayList<>();
        others.add(0, SubnetReplication.start(new NetworkService(reader.network()), reopened, reopenedConfirmed, SUBNET, SUBNET,
                TOPIC, recording(storedAfterRestart, new CopyOnWriteArrayList<>())));
        await().atMost(Duration.ofSeconds(60)).until(() -> reopened.length(WRITER) == 150);
        assertThat(storedAfterRestart).containsExactlyElementsOf(log.subList(100, 150));
    }

    @Test
    void aRequestReachesTheLinkedPeerAndItsReplyComesBackUnderTheSameId() throws Exception {
        Peer requester = peer("requester");
        assertThat(requester.replication().request(1, "{}")).as("no peer linked yet").isZero();
        // The validator answers from a thread of its own, as settlement logic that takes its time would.
        Peer validator = peer("validator", (body, reply) -> Thread.ofVirtual()
                .start(() -> reply.accept("{\"accepted\":true,\"op\":" + body + "}")));
        await().atMost(Duration.ofSeconds(60)).until(() -> requester.peers().get() == 1 && validator.peers().get() == 1);
        String op = "{\"type\":\"transfer\",\"amount\":\"5\",\"memo\":\"caf\u00e9\",\"sig\":\"ab12\"}";
        assertThat(requester.replication().request(7, op)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !requester.replies().isEmpty());
        assertThat(requester.replies()).containsExactly(new ReplicationMessage.Reply(7, "{\"accepted\":true,\"op\":" + op + "}"));
        assertThat(validator.requests()).containsExactly(op);
        assertThat(validator.replies()).isEmpty();
        assertThat(requester.requests()).isEmpty();
    }

    @Test
    void aRequestNobodyAnswersGetsNoReplyAndReplicationGoesOn() throws Exception {
        List<LogEntry> log = log(20);
        Peer requester = peer("requester");
        Peer silent = peer("silent");
        await().atMost(Duration.ofSeconds(60)).until(() -> requester.peers().get() == 1 && silent.peers().get() == 1);
        assertThat(requester.replication().request(3, "{\"type\":\"transfer\"}")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> silent.requests().size() == 1);
        // What the silent peer sends after the request follows on the same port, behind any reply it could have sent.
        for (LogEntry entry : log.subList(0, 10)) {
            silent.replication().append(entry);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> requester.store().length(WRITER) == 10);
        assertThat(requester.replies()).isEmpty();
        // Both ways still work: entries, and a later request.
        for (LogEntry entry : log.subList(10, 20)) {
            requester.replication().append(entry);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> silent.store().length(WRITER) == 20);
        assertThat(requester.replication().request(4, "{}")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> silent.requests().size() == 2);
        assertThat(silent.requests()).containsExactly("{\"type\":\"transfer\"}", "{}");
        assertThat(requester.stored()).containsExactlyElementsOf(log.subList(0, 10));
        assertThat(silent.stored()).containsExactlyElementsOf(log.subList(10, 20));
    }
}
