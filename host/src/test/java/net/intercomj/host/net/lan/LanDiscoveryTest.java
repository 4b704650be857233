package net.intercomj.host.net.lan;

import static net.intercomj.host.net.lan.LanTestSupport.lookupOnce;
import static net.intercomj.host.net.lan.LanTestSupport.randomKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.Fuzz;
import net.intercomj.host.net.swarm.PeerAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real multicast between instances in this JVM, which hear each other through multicast loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LanDiscoveryTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final LanConfig config = LanTestSupport.testConfig();
    private final List<LanDiscovery> opened = new ArrayList<>();
    private final Bytes32 topic = randomKey();

    @BeforeEach
    void needsAMulticastInterface() throws Exception {
        Assumptions.assumeFalse(LanDiscovery.candidates(config).isEmpty(),
                "No up, multicast-capable IPv4 interface on this machine");
    }

    @AfterEach
    void closeAll() {
        opened.forEach(LanDiscovery::close);
    }

    private LanDiscovery open(LanConfig lanConfig) {
        LanDiscovery discovery = LanDiscovery.open(lanConfig);
        opened.add(discovery);
        assertThat(discovery.stats().interfaces()).isPositive();
        return discovery;
    }

    private static PeerAddress peer(Bytes32 key, int port) {
        return new PeerAddress(key, List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    @Test
    void anAnnouncementIsHeardAndFoundByALookupElsewhere() {
        LanDiscovery a = open(config);
        LanDiscovery b = open(config);
        PeerAddress self = peer(randomKey(), 4000);
        a.announce(topic, self);

        await().atMost(DEADLINE).until(() -> b.stats().peers() == 1);
        assertThat(lookupOnce(b, topic)).containsExactly(self);
        assertThat(b.describe()).isEqualTo("LAN: 1 peers heard on 1 topics");
        // Our own announcement comes back to us through multicast loopback, and is ignored.
        assertThat(a.stats().received()).isPositive();
        assertThat(lookupOnce(a, topic)).isEmpty();
    }

    @Test
    void aPeerThatMissedTheAnnouncementFindsItByQuery() {
        LanDiscovery a = open(config);
        LanDiscovery witness = open(config);
        PeerAddress self = peer(randomKey(), 4001);
        a.announce(topic, self);
        a.announce(randomKey(), peer(self.publicKey(), 4001));
        await().atMost(DEADLINE).until(() -> witness.stats().peers() == 2);

        // Opened after both announcements went out, so only an answer to its query can tell it.
        LanDiscovery late = open(config);
        assertThat(late.stats().peers()).isZero();
        await().atMost(DEADLINE).until(() -> lookupOnce(late, topic).contains(self));
        assertThat(late.stats().topics()).as("only the topic queried is answered").isEqualTo(1);
    }

    @Test
    void anUnannouncedPeerIsNoLongerFound() {
        LanDiscovery a = open(config);
        LanDiscovery b = open(config);
        PeerAddress self = peer(randomKey(), 4002);
        a.announce(topic, self);
        await().atMost(DEADLINE).until(() -> lookupOnce(b, topic).contains(self));

        a.unannounce(topic, self);
        await().atMost(DEADLINE).until(() -> lookupOnce(b, topic).isEmpty());
        // And nobody answers for it any more: a newcomer does not find it either.
        LanDiscovery late = open(config);
        assertThat(lookupOnce(late, topic)).isEmpty();
        assertThat(late.stats().peers()).isZero();
    }

    @Test
    void anAnnouncementNotHeardAgainExpires() throws Exception {
        LanDiscovery b = open(config.withCacheExpiry(Duration.ofMillis(500)));
        PeerAddress gone = peer(randomKey(), 4003);
        // Sent once by a peer that then vanished without unannouncing: nobody answers for it.
        try (LanTestSupport.RawSender raw = new LanTestSupport.RawSender(config)) {
            raw.send(LanCodec.encode(new LanMessage.Announce(topic, gone)));
        }
        await().atMost(DEADLINE).until(() -> b.stats().peers() == 1);
        await().atMost(DEADLINE).until(() -> lookupOnce(b, topic).isEmpty());
        assertThat(b.stats().peers()).isZero();
    }

    @Test
    void garbageIsDroppedAndCountedAndDiscoveryKeepsWorking() throws Exception {
        LanDiscovery a = open(config);
        LanDiscovery b = open(config);
        SplittableRandom random = new SplittableRandom(11);
        byte[] valid = LanCodec.encode(new LanMessage.Announce(topic, peer(randomKey(), 4004)));
        List<byte[]> garbage = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] noise = Fuzz.randomBytes(random, 1 + random.nextInt(300));
            noise[0] = 0; // never the magic
            garbage.add(noise);
            garbage.add(java.util.Arrays.copyOf(valid, random.nextInt(valid.length)));
        }
        byte[] oversized = new byte[1500];
        System.arraycopy(valid, 0, oversized, 0, valid.length);
        garbage.add(oversized);
        garbage.add(new byte[8000]);
        try (LanTestSupport.RawSender raw = new LanTestSupport.RawSender(config)) {
            for (byte[] datagram : garbage) {
                raw.send(datagram);
            }
        }
        await().atMost(DEADLINE).until(() -> b.stats().dropped() == garbage.size()
                && a.stats().dropped() == garbage.size());
        assertThat(b.stats().peers()).isZero();

        PeerAddress self = peer(randomKey(), 4005);
        a.announce(topic, self);
        await().atMost(DEADLINE).until(() -> lookupOnce(b, topic).contains(self));
        assertThat(b.stats().dropped()).isEqualTo(garbage.size());
    }

    @Test
    void aFloodOfAnnouncementsKeepsTheCacheWithinItsBounds() throws Exception {
        LanDiscovery b = open(config.withCacheBounds(8, 20));
        List<Bytes32> topics = List.of(randomKey(), randomKey(), randomKey(), randomKey(), randomKey());
        int sent = 0;
        try (LanTestSupport.RawSender raw = new LanTestSupport.RawSender(config)) {
            for (int batch = 0; batch < 8; batch++) {
                for (int i = 0; i < 50; i++) {
                    Bytes32 floodTopic = topics.get(i % topics.size());
                    raw.send(LanCodec.encode(new LanMessage.Announce(floodTopic, peer(randomKey(), 5000 + i))));
                }
                sent += 50;
                // In batches that fit the socket buffer, so the kernel drops none of them.
                int expected = sent;
                await().atMost(DEADLINE).until(() -> b.stats().received() >= expected);
                assertThat(b.stats().peers()).isLessThanOrEqualTo(20);
            }
        }
        assertThat(b.stats().received()).isEqualTo(400);
        assertThat(b.stats().peers()).isEqualTo(20);
        for (Bytes32 floodTopic : topics) {
            assertThat(lookupOnce(b, floodTopic)).hasSizeLessThanOrEqualTo(8);
        }

        // Still useful afterwards: a real announcement displaces the oldest of the flood.
        LanDiscovery a = open(config);
        PeerAddress self = peer(randomKey(), 4006);
        a.announce(topic, self);
        await().atMost(DEADLINE).until(() -> lookupOnce(b, topic).contains(self));
        assertThat(b.stats().peers()).isEqualTo(20);
    }

    @Test
    void withoutAnInterfaceToJoinItFindsNobodyAndDoesNotFail() {
        LanDiscovery off = LanDiscovery.open(config.withInterfaces(Set.of("no-such-if0")));
        opened.add(off);
        assertThat(off.stats().interfaces()).isZero();
        off.announce(topic, peer(randomKey(), 4007));
        assertThat(lookupOnce(off, topic)).isEmpty();
        assertThat(off.describe()).isEqualTo("LAN: off (no multicast interface)");
    }
}
