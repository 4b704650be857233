package net.intercomj.host.net.lan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.swarm.PeerAddress;
import org.junit.jupiter.api.Test;

class AnnouncementCacheTest {

    private final SplittableRandom random = new SplittableRandom(3);
    private final AtomicLong now = new AtomicLong(1_000);

    private PeerAddress peer(int port) {
        return new PeerAddress(LanCodecTest.randomBytes32(random),
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    @Test
    void announcementsExpireUnlessHeardAgain() {
        AnnouncementCache cache = new AnnouncementCache(Duration.ofNanos(100), 8, 8, now::get);
        Bytes32 topic = LanCodecTest.randomBytes32(random);
        PeerAddress kept = peer(1);
        PeerAddress lost = peer(2);
        assertThat(cache.put(topic, kept)).isTrue();
        assertThat(cache.put(topic, lost)).isTrue();
        now.addAndGet(60);
        assertThat(cache.put(topic, kept)).as("heard again, unchanged: no news").isFalse();
        now.addAndGet(60);
        assertThat(cache.fresh(topic)).containsExactly(kept);
        now.addAndGet(60);
        assertThat(cache.fresh(topic)).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(cache.topicCount()).isZero();
        assertThat(cache.put(topic, kept)).as("expired, so news again").isTrue();
    }

    @Test
    void changedAddressesAreNews() {
        AnnouncementCache cache = new AnnouncementCache(Duration.ofSeconds(1), 8, 8, now::get);
        Bytes32 topic = LanCodecTest.randomBytes32(random);
        PeerAddress first = peer(1);
        cache.put(topic, first);
        PeerAddress moved = new PeerAddress(first.publicKey(), peer(2).addresses());
        assertThat(cache.put(topic, moved)).isTrue();
        assertThat(cache.fresh(topic)).containsExactly(moved);
        assertThat(cache.remove(topic, first.publicKey())).isTrue();
        assertThat(cache.fresh(topic)).isEmpty();
    }

    @Test
    void boundsEvictTheLeastRecentlyHeard() {
        AnnouncementCache cache = new AnnouncementCache(Duration.ofSeconds(1), 3, 5, now::get);
        Bytes32 a = LanCodecTest.randomBytes32(random);
        Bytes32 b = LanCodecTest.randomBytes32(random);
        PeerAddress a1 = peer(1);
        PeerAddress a2 = peer(2);
        PeerAddress a3 = peer(3);
        PeerAddress a4 = peer(4);
        cache.put(a, a1);
        cache.put(a, a2);
        cache.put(a, a3);
        cache.put(a, a1); // heard again: now the most recent
        cache.put(a, a4);
        assertThat(cache.fresh(a)).containsExactly(a3, a1, a4);

        PeerAddress b1 = peer(5);
        PeerAddress b2 = peer(6);
        PeerAddress b3 = peer(7);
        cache.put(b, b1);
        cache.put(b, b2);
        cache.put(b, b3);
        assertThat(cache.size()).isEqualTo(5);
        assertThat(cache.fresh(a)).as("a3 went first: least recently heard of all").containsExactly(a1, a4);
        assertThat(cache.fresh(b)).containsExactly(b1, b2, b3);
        for (int i = 0; i < 1000; i++) {
            cache.put(LanCodecTest.randomBytes32(random), peer(8));
            assertThat(cache.size()).isLessThanOrEqualTo(5);
        }
        assertThat(cache.topicCount()).isEqualTo(5);
    }
}
