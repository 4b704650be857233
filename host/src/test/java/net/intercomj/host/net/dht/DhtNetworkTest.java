package net.intercomj.host.net.dht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Thirty nodes on loopback, joined through one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DhtNetworkTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = new MutableClock();
    private final List<DhtNode> nodes = new ArrayList<>();

    @BeforeAll
    void startNetwork() throws Exception {
        DhtNode first = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()).withClock(clock));
        nodes.add(first);
        for (int i = 1; i < 30; i++) {
            nodes.add(DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of(first.localAddress())).withClock(clock)));
        }
        List<Thread> joins = new ArrayList<>();
        for (DhtNode node : nodes.subList(1, nodes.size())) {
            joins.add(Thread.ofVirtual().start(node::bootstrap));
        }
        for (Thread join : joins) {
            join.join();
        }
        // A second round lets early joiners learn of later ones.
        for (DhtNode node : nodes) {
            node.bootstrap();
        }
    }

    @AfterAll
    void stopNetwork() {
        nodes.forEach(DhtNode::close);
    }

    private static Bytes32 randomTopic() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Bytes32.of(bytes);
    }

    @Test
    void findNodeConvergesOnTheTrueClosestNodes() {
        for (int trial = 0; trial < 5; trial++) {
            Bytes32 target = randomTopic();
            DhtNode asker = nodes.get(RANDOM.nextInt(nodes.size()));
            List<InetSocketAddress> expected = nodes.stream().filter(node -> node != asker)
                    .sorted(Comparator.comparing(node -> node.id().xor(target)))
                    .limit(DhtNode.K).map(DhtNode::localAddress).toList();
            assertThat(asker.findNode(target)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void announcedRecordsAreFoundFromAnyNodeAndUnannouncingRemovesThem() {
        Bytes32 topic = randomTopic();
        PeerWallet peer = PeerWallet.generate();
        PeerRecord record = new PeerRecord(Bytes32.of(peer.publicKey()),
                List.of(new InetSocketAddress(LOOPBACK, 40001)), 1);
        assertThat(nodes.get(3).announce(topic, record, peer)).isEqualTo(DhtNode.K);

        List<PeerRecord> streamed = new CopyOnWriteArrayList<>();
        assertThat(nodes.get(17).lookup(topic, streamed::add)).containsExactly(record);
        assertThat(streamed).containsExactly(record);

        PeerRecord newer = new PeerRecord(record.publicKey(), List.of(new InetSocketAddress(LOOPBACK, 40002)), 2);
        nodes.get(5).announce(topic, newer, peer);
        assertThat(nodes.get(11).lookup(topic, found -> {})).containsExactly(newer);

        // Unannounced through both nodes that announced, so to every closest node either reached:
        // while the network settles, two nodes' routing tables may still differ by a node.
        assertThat(nodes.get(5).unannounce(topic, newer, peer)).isEqualTo(DhtNode.K);
        assertThat(nodes.get(3).unannounce(topic, newer, peer)).isEqualTo(DhtNode.K);
        assertThat(nodes.get(20).lookup(topic, found -> {})).isEmpty();
    }

    @Test
    void recordsExpireUnlessReannounced() {
        Bytes32 topic = randomTopic();
        PeerWallet peer = PeerWallet.generate();
        PeerRecord record = new PeerRecord(Bytes32.of(peer.publicKey()), List.of(new InetSocketAddress(LOOPBACK, 40003)), 1);
        nodes.get(8).announce(topic, record, peer);
        clock.advance(Duration.ofMinutes(19));
        assertThat(nodes.get(9).lookup(topic, found -> {})).containsExactly(record);
        clock.advance(Duration.ofMinutes(2));
        assertThat(nodes.get(9).lookup(topic, found -> {})).isEmpty();
    }

    @Test
    void aStoreNeedsTheTokenOfTheSendersOwnAddress() throws Exception {
        DhtNode target = nodes.get(4);
        Bytes32 topic = randomTopic();
        PeerWallet peer = PeerWallet.generate();
        PeerRecord record = new PeerRecord(Bytes32.of(peer.publicKey()), List.of(), 1);
        byte[] value = RecordCodec.encodeSigned(RecordCodec.sign(record, topic, target.id(), peer, true));
        long refusedBefore = target.stats().refusedStores();
        try (DatagramSocket raw = new DatagramSocket(0, LOOPBACK)) {
            raw.setSoTimeout(5000);
            assertThat(exchange(raw, target, DhtMessage.Command.ANNOUNCE, Optional.of(topic), Optional.empty(), value)
                    .error()).isEqualTo(DhtMessage.ERROR_BAD_TOKEN);
            Bytes32 forged = randomTopic();
            assertThat(exchange(raw, target, DhtMessage.Command.ANNOUNCE, Optional.of(topic), Optional.of(forged), value)
                    .error()).isEqualTo(DhtMessage.ERROR_BAD_TOKEN);
            // A token issued to another address is no good either.
            Bytes32 othersToken = fetchToken(new DatagramSocket(0, LOOPBACK), target, topic);
            assertThat(exchange(raw, target, DhtMessage.Command.ANNOUNCE, Optional.of(topic), Optional.of(othersToken),
                    value).error()).isEqualTo(DhtMessage.ERROR_BAD_TOKEN);

            Bytes32 token = fetchToken(raw, target, topic);
            assertThat(exchange(raw, target, DhtMessage.Command.ANNOUNCE, Optional.of(topic), Optional.of(token), value)
                    .error()).isEqualTo(DhtMessage.OK);
        }
        assertThat(target.stats().refusedStores()).isEqualTo(refusedBefore + 3);
    }

    @Test
    void aRecordSignedForOneNodeCannotBeReplayedToAnother() throws Exception {
        DhtNode a = nodes.get(6);
        DhtNode b = nodes.get(7);
        Bytes32 topic = randomTopic();
        PeerWallet peer = PeerWallet.generate();
        PeerRecord record = new PeerRecord(Bytes32.of(peer.publicKey()), List.of(), 1);
        byte[] signedForA = RecordCodec.encodeSigned(RecordCodec.sign(record, topic, a.id(), peer, true));
        try (DatagramSocket raw = new DatagramSocket(0, LOOPBACK)) {
            raw.setSoTimeout(5000);
            Bytes32 tokenOfB = fetchToken(raw, b, topic);
            assertThat(exchange(raw, b, DhtMessage.Command.ANNOUNCE, Optional.of(topic), Optional.of(tokenOfB), signedForA)
                    .error()).isEqualTo(DhtMessage.ERROR_BAD_RECORD);
            // And an announcement is not an unannouncement.
            Bytes32 tokenOfA = fetchToken(raw, a, topic);
            assertThat(exchange(raw, a, DhtMessage.Command.UNANNOUNCE, Optional.of(topic), Optional.of(tokenOfA),
                    signedForA).error()).isEqualTo(DhtMessage.ERROR_BAD_RECORD);
            byte[] tampered = signedForA.clone();
            tampered[tampered.length - 1] ^= 1;
            assertThat(exchange(raw, a, DhtMessage.Command.ANNOUNCE, Optional.of(topic), Optional.of(tokenOfA), tampered)
                    .error()).isEqualTo(DhtMessage.ERROR_BAD_RECORD);
        }
    }

    @Test
    void garbageAndStrayResponsesAreDroppedAndTheNodeKeepsAnswering() throws Exception {
        DhtNode target = nodes.get(12);
        long droppedBefore = target.stats().droppedDatagrams();
        try (DatagramSocket raw = new DatagramSocket(0, LOOPBACK)) {
            byte[] garbage = new byte[100];
            RANDOM.nextBytes(garbage);
            garbage[0] = 7;
            send(raw, target, garbage);
            send(raw, target, new byte[] {1, 1});
            send(raw, target, new byte[4000]);
            send(raw, target, DhtCodec.encode(new DhtMessage.Response(12345, Optional.empty(),
                    new InetSocketAddress(LOOPBACK, 1), Optional.empty(), List.of(), 0, new byte[0])));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> target.stats().droppedDatagrams() >= droppedBefore + 4);
        assertThat(nodes.get(13).ping(target.localAddress())).isPresent();
    }

    @Test
    void twoPeersStartingAtOnceShareOneZeroConfigNode() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int udpPort = port;
        DhtConfig template = DhtConfig.of(LOOPBACK, 0, List.of());
        List<DhtNode> started = new CopyOnWriteArrayList<>();
        List<Thread> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(Thread.ofVirtual().start(() -> {
                try {
                    started.add(DhtNode.startZeroConfig(template, udpPort));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread start : starts) {
            start.join();
        }
        try {
            assertThat(started).hasSize(3);
            assertThat(started.stream().filter(node -> node.localAddress().getPort() == udpPort)).hasSize(1);
            Bytes32 topic = randomTopic();
            PeerWallet peer = PeerWallet.generate();
            PeerRecord record = new PeerRecord(Bytes32.of(peer.publicKey()), List.of(), 1);
            assertThat(started.get(0).announce(topic, record, peer)).isGreaterThanOrEqualTo(1);
            assertThat(started.get(1).lookup(topic, found -> {})).containsExactly(record);
            assertThat(started.get(2).lookup(topic, found -> {})).containsExactly(record);
        } finally {
            started.forEach(DhtNode::close);
        }
    }

    // ---- raw datagrams

    private static Bytes32 fetchToken(DatagramSocket raw, DhtNode target, Bytes32 topic) throws Exception {
        raw.setSoTimeout(5000);
        return exchange(raw, target, DhtMessage.Command.LOOKUP, Optional.of(topic), Optional.empty(), new byte[0])
                .token().orElseThrow();
    }

    private static DhtMessage.Response exchange(DatagramSocket raw, DhtNode target, DhtMessage.Command command,
            Optional<Bytes32> topic, Optional<Bytes32> token, byte[] value) throws Exception {
        int tid = RANDOM.nextInt();
        send(raw, target, DhtCodec.encode(new DhtMessage.Request(tid, Optional.empty(), command, topic, token, value)));
        byte[] buffer = new byte[4096];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            raw.receive(packet);
            DhtMessage message = DhtCodec.decode(buffer, packet.getLength());
            if (message instanceof DhtMessage.Response response && response.tid() == tid) {
                return response;
            }
        }
    }

    private static void send(DatagramSocket raw, DhtNode target, byte[] bytes) throws Exception {
        raw.send(new DatagramPacket(bytes, bytes.length, target.localAddress()));
    }
}
