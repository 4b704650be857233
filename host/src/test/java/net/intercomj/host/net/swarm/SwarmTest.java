package net.intercomj.host.net.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.intercomj.host.net.Bytes32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The swarm's own logic, over plain loopback TCP and an in-memory discovery. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SwarmTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Bytes32 TOPIC = Topics.named("swarm-test");

    private final InMemoryDiscovery discovery = new InMemoryDiscovery();
    private final List<Swarm> swarms = new ArrayList<>();

    /** Records a swarm's connection events. */
    static final class Events implements SwarmListener {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger disconnections = new AtomicInteger();
        final List<Bytes32> topics = new CopyOnWriteArrayList<>();

        @Override
        public void onConnection(PeerConnection connection) {
            connections.incrementAndGet();
        }

        @Override
        public void onTopic(PeerConnection connection, Bytes32 topic) {
            topics.add(topic);
        }

        @Override
        public void onDisconnection(PeerConnection connection, String reason) {
            disconnections.incrementAndGet();
        }
    }

    private Swarm swarm(Events events, int maxPeers, Firewall firewall) throws Exception {
        Bytes32 key = randomKey();
        SwarmConfig config = SwarmConfig.defaults(InetAddress.getLoopbackAddress()).withMaxPeers(maxPeers);
        Swarm swarm = Swarm.start(config, key, new PlainHandshaker(key), discovery, events, firewall);
        swarms.add(swarm);
        return swarm;
    }

    private Swarm swarm(Events events) throws Exception {
        return swarm(events, 64, Firewall.OPEN);
    }

    private static Bytes32 randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Bytes32.of(key);
    }

    private static Set<Bytes32> remoteKeys(Swarm swarm) {
        return swarm.connections().stream().map(PeerConnection::remotePublicKey).collect(Collectors.toSet());
    }

    @AfterEach
    void closeAll() {
        swarms.forEach(Swarm::close);
    }

    @Test
    void twentyPeersOnOneTopicEndUpConnectedToEachOtherExactlyOnce() throws Exception {
        List<Events> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(new Events());
            swarm(events.get(i));
        }
        swarms.forEach(swarm -> swarm.join(TOPIC, true, true));

        await().atMost(Duration.ofSeconds(60)).until(() -> swarms.stream()
                .allMatch(swarm -> swarm.connections().size() == 19
                        && swarm.connections().stream().allMatch(c -> c.topics().contains(TOPIC))));
        for (Swarm swarm : swarms) {
            Set<Bytes32> expected = swarms.stream().filter(other -> other != swarm)
                    .map(other -> other.selfAddress().publicKey()).collect(Collectors.toSet());
            assertThat(remoteKeys(swarm)).isEqualTo(expected);
        }
        // Both ends of each pair hold the same connection: exactly one of them dialled it.
        for (Swarm a : swarms) {
            for (Swarm b : swarms) {
                if (a != b) {
                    PeerConnection ab = a.connection(b.selfAddress().publicKey()).orElseThrow();
                    PeerConnection ba = b.connection(a.selfAddress().publicKey()).orElseThrow();
                    assertThat(ab.isInitiator()).isNotEqualTo(ba.isInitiator());
                }
            }
        }
        // Duplicates that were settled were reported open and closed; what remains is one each.
        for (Events event : events) {
            assertThat(event.connections.get() - event.disconnections.get()).isEqualTo(19);
        }
    }

    @Test
    void leavingAndRejoiningATopicSharesItAgain() throws Exception {
        Events eventsA = new Events();
        Swarm a = swarm(eventsA);
        Swarm b = swarm(new Events());
        a.join(TOPIC, true, true);
        b.join(TOPIC, true, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsA.topics.size() == 1);

        b.leave(TOPIC);
        PeerConnection atA = a.connection(b.selfAddress().publicKey()).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> atA.topics().isEmpty());
        assertThat(b.topics()).isEmpty();

        b.join(TOPIC, true, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsA.topics.size() == 2);
        assertThat(a.connection(b.selfAddress().publicKey()).orElseThrow().topics()).containsExactly(TOPIC);
    }

    @Test
    void aTopicJoinedOnlyByOneSideIsNotRevealedToTheOther() throws Exception {
        Swarm a = swarm(new Events());
        Swarm b = swarm(new Events());
        Bytes32 secret = Topics.named("only-a");
        a.join(secret, false, true);
        a.join(TOPIC, true, true);
        b.join(TOPIC, true, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> b.connections().size() == 1
                && b.connections().get(0).topics().contains(TOPIC));
        assertThat(b.connections().get(0).topics()).containsExactly(TOPIC);
        assertThat(a.connections().get(0).topics()).containsExactly(TOPIC);
    }

    @Test
    void twoPeersDiallingEachOtherAtOnceKeepOneConnection() throws Exception {
        for (int trial = 0; trial < 10; trial++) {
            Swarm a = swarm(new Events());
            Swarm b = swarm(new Events());
            discovery.announce(Topics.ofPeer(a.selfAddress().publicKey()), a.selfAddress());
            discovery.announce(Topics.ofPeer(b.selfAddress().publicKey()), b.selfAddress());
            Thread first = Thread.ofVirtual().start(() -> a.joinPeer(b.selfAddress().publicKey()));
            Thread second = Thread.ofVirtual().start(() -> b.joinPeer(a.selfAddress().publicKey()));
            first.join();
            second.join();
            a.flush().get(20, TimeUnit.SECONDS);
            b.flush().get(20, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> a.connections().size() == 1
                    && b.connections().size() == 1
                    && a.connections().get(0).isInitiator() != b.connections().get(0).isInitiator());
        }
    }

    @Test
    void maxPeersCapsConnections() throws Exception {
        Swarm capped = swarm(new Events(), 2, Firewall.OPEN);
        capped.join(TOPIC, true, true);
        for (int i = 0; i < 4; i++) {
            swarm(new Events()).join(TOPIC, true, true);
        }
        for (Swarm swarm : swarms) {
            swarm.flush().get(20, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> swarms.get(1).connections().size() >= 3);
        assertThat(capped.connections()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theFirewallKeepsABannedPeerOut() throws Exception {
        Swarm banned = swarm(new Events());
        Bytes32 bannedKey = banned.selfAddress().publicKey();
        Swarm guarded = swarm(new Events(), 64, (key, address) -> !key.equals(bannedKey));
        Swarm friend = swarm(new Events());
        banned.join(TOPIC, true, true);
        guarded.join(TOPIC, true, true);
        friend.join(TOPIC, true, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> guarded.connection(friend.selfAddress().publicKey()).isPresent()
                && banned.connection(friend.selfAddress().publicKey()).isPresent());
        guarded.flush().get(20, TimeUnit.SECONDS);
        banned.flush().get(20, TimeUnit.SECONDS);
        assertThat(guarded.connection(bannedKey)).isEmpty();
    }

    @Test
    void flushResolvesWithNobodyAroundAndAfterDiscoveryOtherwise() throws Exception {
        Swarm alone = swarm(new Events());
        alone.join(TOPIC, true, true);
        alone.flush().get(10, TimeUnit.SECONDS);
        assertThat(alone.connections()).isEmpty();

        Swarm late = swarm(new Events());
        late.join(TOPIC, false, true);
        late.flush().get(10, TimeUnit.SECONDS);
        // flush waited for the dial the lookup started.
        assertThat(late.connection(alone.selfAddress().publicKey())).isPresent();
    }

    @Test
    void aPeerThatRestartsIsReconnected() throws Exception {
        Swarm stays = swarm(new Events());
        stays.join(TOPIC, true, true);
        Bytes32 key = randomKey();
        SwarmConfig config = SwarmConfig.defaults(InetAddress.getLoopbackAddress());
        Swarm restarting = Swarm.start(config, key, new PlainHandshaker(key), discovery, new Events(), Firewall.OPEN);
        restarting.join(TOPIC, true, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> stays.connection(key).isPresent());

        int port = restarting.listenAddress().getPort();
        restarting.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> stays.connection(key).isEmpty());

        // Back on the same port, as a restarted peer would be: the survivor redials by itself.
        Swarm back = Swarm.start(config.withPort(port), key, new PlainHandshaker(key), discovery, new Events(),
                Firewall.OPEN);
        swarms.add(back);
        await().atMost(Duration.ofSeconds(20)).until(() -> stays.connection(key).isPresent());
    }
}
