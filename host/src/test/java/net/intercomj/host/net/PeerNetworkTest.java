package net.intercomj.host.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.PeerConnection;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.net.swarm.Topics;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real stack in one JVM: DHT, Noise, mux, swarm, on loopback. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PeerNetworkTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final List<AutoCloseable> open = new ArrayList<>();

    /**
     * Closes the peers together, then the bootstrap node: a peer's close waits up to 2 s for its
     * unannouncements, so closing 60 one after another would take minutes.
     */
    @AfterEach
    void closeAll() throws Exception {
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            for (AutoCloseable closeable : open) {
                if (closeable instanceof PeerNetwork network) {
                    closing.submit(() -> {
                        network.close();
                        return null;
                    });
                }
            }
        }
        for (AutoCloseable closeable : open.reversed()) {
            if (!(closeable instanceof PeerNetwork)) {
                closeable.close();
            }
        }
    }

    private DhtNode bootstrapNode() throws Exception {
        DhtNode node = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()));
        open.add(node);
        return node;
    }

    private PeerNetwork peer(DhtNode bootstrap) throws Exception {
        PeerNetwork.Settings settings = new PeerNetwork.Settings(List.of(bootstrap.localAddress()), 0, List.of(),
                SwarmConfig.defaults(LOOPBACK));
        PeerNetwork network = PeerNetwork.start(PeerWallet.generate(), settings);
        open.add(network);
        return network;
    }

    private static final Bytes32 ENTRY = PeerNetwork.topicOf(PeerNetwork.ENTRY_CHANNEL);

    private static Set<Bytes32> remoteKeys(PeerNetwork network) {
        return network.swarm().connections().stream().map(PeerConnection::remotePublicKey).collect(Collectors.toSet());
    }

    private static Bytes32 key(PeerNetwork network) {
        return network.swarm().selfAddress().publicKey();
    }

    @Test
    void twentyPeersMeetThroughOneBootstrapNodeExactlyOnceAndCanLeaveAndRejoin() throws Exception {
        DhtNode bootstrap = bootstrapNode();
        List<PeerNetwork> peers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            peers.add(peer(bootstrap));
        }
        peers.forEach(peer -> peer.swarm().join(ENTRY, true, true));
        await().atMost(Duration.ofSeconds(90)).until(() -> peers.stream()
                .allMatch(peer -> peer.swarm().connections().size() == 19));
        // One connection per pair: once duplicates are settled, both ends hold the same one,
        // dialled by exactly one side.
        await().atMost(Duration.ofSeconds(30)).until(() -> peers.stream().allMatch(peer -> peers.stream()
                .filter(other -> other != peer)
                .allMatch(other -> peer.swarm().connection(key(other)).isPresent()
                        && other.swarm().connection(key(peer)).isPresent()
                        && peer.swarm().connection(key(other)).get().isInitiator()
                                != other.swarm().connection(key(peer)).get().isInitiator())));
        for (PeerNetwork peer : peers) {
            Set<Bytes32> others = peers.stream().filter(other -> other != peer).map(PeerNetworkTest::key)
                    .collect(Collectors.toSet());
            assertThat(remoteKeys(peer)).isEqualTo(others);
        }
        // Messages flow on every connection of one peer.
        PeerNetwork first = peers.get(0);
        for (PeerNetwork other : peers.subList(1, peers.size())) {
            assertThat(first.pinger(key(other)).orElseThrow().ping(100, Duration.ofSeconds(10))).isPositive();
        }

        Bytes32 topic = Topics.named("leave-and-rejoin");
        PeerNetwork a = peers.get(3);
        PeerNetwork b = peers.get(4);
        a.swarm().join(topic, true, true);
        b.swarm().join(topic, true, true);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> a.swarm().connection(key(b)).orElseThrow().topics().contains(topic));
        b.swarm().leave(topic);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !a.swarm().connection(key(b)).orElseThrow().topics().contains(topic));
        b.swarm().join(topic, true, true);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> a.swarm().connection(key(b)).orElseThrow().topics().contains(topic));
    }

    @Test
    void twoPeersJoiningATopicAtTheSameInstantMeetWithinASecondEveryTime() throws Exception {
        DhtNode bootstrap = bootstrapNode();
        List<PeerNetwork> peers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            peers.add(peer(bootstrap));
        }
        // Each trial takes two peers that have never met and a topic new to everyone.
        for (int trial = 0; trial < 30; trial++) {
            PeerNetwork a = peers.get(2 * trial);
            PeerNetwork b = peers.get(2 * trial + 1);
            Bytes32 topic = Topics.named("simultaneous-" + trial + "-" + System.nanoTime());
            Thread joinA = Thread.ofVirtual().unstarted(() -> a.swarm().join(topic, true, true));
            Thread joinB = Thread.ofVirtual().unstarted(() -> b.swarm().join(topic, true, true));
            joinA.start();
            joinB.start();
            joinA.join();
            joinB.join();
            await("trial " + trial).atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> a.swarm().connection(key(b)).map(c -> c.topics().contains(topic)).orElse(false)
                            && b.swarm().connection(key(a)).map(c -> c.topics().contains(topic)).orElse(false));
        }
    }

    @Test
    void theZeroConfigNodeIsSharedByPeersOfOneMachine() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<PeerNetwork> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PeerNetwork network = PeerNetwork.start(PeerWallet.generate(),
                    new PeerNetwork.Settings(List.of(), port, List.of(), SwarmConfig.defaults(LOOPBACK)));
            open.add(network);
            peers.add(network);
            network.swarm().join(ENTRY, true, true);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> peers.stream()
                .allMatch(peer -> peer.swarm().connections().size() == 2));
        assertThat(peers.get(1).dhtBootstrapNodes()).extracting(java.net.InetSocketAddress::getPort).containsExactly(port);
    }
}
