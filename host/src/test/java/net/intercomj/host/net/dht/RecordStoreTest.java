package net.intercomj.host.net.dht;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import org.junit.jupiter.api.Test;

class RecordStoreTest {

    private static Bytes32 key(int n) {
        return Bytes32.fromHex(String.format("%064x", n));
    }

    private static RecordCodec.Signed record(int n, long seq) {
        return new RecordCodec.Signed(new PeerRecord(key(n), List.of(), seq), new byte[64]);
    }

    @Test
    void aFloodKeepsBothBoundsAndEvictsTheLeastRecentlyAnnounced() {
        RecordStore store = new RecordStore(new MutableClock(), Duration.ofMinutes(20), 5, 12);
        for (int i = 0; i < 1000; i++) {
            store.put(key(1_000_000 + i % 3), record(i, 1));
            assertThat(store.size()).isLessThanOrEqualTo(12);
        }
        assertThat(store.topics()).isEqualTo(3);
        for (int topic = 0; topic < 3; topic++) {
            assertThat(store.get(key(1_000_000 + topic), 100)).hasSizeLessThanOrEqualTo(5);
        }
        // The newest announcements survive.
        assertThat(store.get(key(1_000_000 + 999 % 3), 100).getFirst().record().publicKey()).isEqualTo(key(999));
    }

    @Test
    void anOlderSequenceNumberDoesNotReplaceANewerOne() {
        RecordStore store = new RecordStore(new MutableClock(), Duration.ofMinutes(20), 5, 12);
        store.put(key(1), record(7, 5));
        store.put(key(1), record(7, 4));
        assertThat(store.get(key(1), 10)).extracting(signed -> signed.record().seq()).containsExactly(5L);
    }

    @Test
    void recordsExpire() {
        MutableClock clock = new MutableClock();
        RecordStore store = new RecordStore(clock, Duration.ofMinutes(20), 5, 12);
        store.put(key(1), record(7, 1));
        clock.advance(Duration.ofMinutes(20));
        assertThat(store.get(key(1), 10)).isEmpty();
        assertThat(store.size()).isZero();
    }
}
