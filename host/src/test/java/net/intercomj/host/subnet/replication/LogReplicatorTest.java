package net.intercomj.host.subnet.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two peers' replicators wired back to back through in-memory queues, pumped one message at a
 * time, so every run is the same. Messages also go through the codec, as on a real link.
 */
class LogReplicatorTest {

    private static final Bytes32 SUBNET = Bytes32.fromHex("3c".repeat(32));

    @TempDir
    Path folder;

    private final List<WriterLogStore> stores = new ArrayList<>();

    /** One side of the link: its store, its replicator and what it has sent, not yet delivered. */
    private final class Side {
        final WriterLogStore store;
        final Deque<byte[]> sent = new ArrayDeque<>();
        final LogReplicator replicator;
        final List<LogReplicator.Received> received = new ArrayList<>();
        int entriesSent;

        Side(String name) throws Exception {
            store = WriterLogStore.open(folder.resolve(name), SUBNET);
            stores.add(store);
            replicator = new LogReplicator(store, message -> {
                if (message instanceof ReplicationMessage.Data data) {
                    entriesSent += data.entries().size();
                }
                sent.add(ReplicationCodec.encode(message));
            });
        }
    }

    private static List<LogEntry> log(int writerNumber, int count) {
        byte[] seed = new byte[32];
        seed[0] = (byte) writerNumber;
        Bytes32 writer = Bytes32.of(Ed25519Keys.publicKey(seed));
        List<LogEntry> log = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            log.add(LogEntry.append(SUBNET, writer, log.isEmpty() ? null : log.getLast(), List.of(), i,
                    "{\"type\":\"msg\",\"n\":" + i + "}", message -> Ed25519Keys.sign(seed, message)));
        }
        return log;
    }

    /** Delivers messages both ways until neither side has anything to send. */
    private static void pump(Side a, Side b) throws Exception {
        while (!a.sent.isEmpty() || !b.sent.isEmpty()) {
            if (!a.sent.isEmpty()) {
                b.received.add(b.replicator.receive(ReplicationCodec.decode(a.sent.poll())));
            }
            if (!b.sent.isEmpty()) {
                a.received.add(a.replicator.receive(ReplicationCodec.decode(b.sent.poll())));
            }
        }
    }

    @AfterEach
    void close() {
        stores.forEach(WriterLogStore::close);
    }

    @Test
    void anEmptyPeerGetsEveryLogInFull() throws Exception {
        Side a = new Side("a");
        Side b = new Side("b");
        List<LogEntry> first = log(1, 600);
        List<LogEntry> second = log(2, 3);
        for (LogEntry entry : first) {
            a.store.append(entry);
        }
        for (LogEntry entry : second) {
            a.store.append(entry);
        }
        a.replicator.open();
        b.replicator.open();
        pump(a, b);
        assertThat(b.store.lengths()).isEqualTo(a.store.lengths());
        assertThat(b.store.range(first.getFirst().writer(), 0, 1000)).containsExactlyElementsOf(first);
        assertThat(b.store.range(second.getFirst().writer(), 0, 10)).containsExactlyElementsOf(second);
        assertThat(a.entriesSent).as("no entry sent twice").isEqualTo(603);
    }

    @Test
    void aPeerResumesFromWhatItHas() throws Exception {
        Side a = new Side("a");
        Side b = new Side("b");
        List<LogEntry> entries = log(1, 300);
        for (LogEntry entry : entries) {
            a.store.append(entry);
        }
        for (LogEntry entry : entries.subList(0, 120)) {
            b.store.append(entry);
        }
        a.replicator.open();
        b.replicator.open();
        pump(a, b);
        assertThat(b.store.length(entries.getFirst().writer())).isEqualTo(300);
        assertThat(a.entriesSent).isEqualTo(180);
        assertThat(b.entriesSent).isZero();
    }

    @Test
    void newEntriesFollowWhenAnnounced() throws Exception {
        Side a = new Side("a");
        Side b = new Side("b");
        List<LogEntry> entries = log(1, 5);
        a.store.append(entries.get(0));
        a.replicator.open();
        b.replicator.open();
        pump(a, b);
        for (LogEntry entry : entries.subList(1, 5)) {
            a.store.append(entry);
            a.replicator.announce(entry.writer());
        }
        pump(a, b);
        assertThat(b.store.range(entries.getFirst().writer(), 0, 10)).containsExactlyElementsOf(entries);
    }

    @Test
    void aForgedEntryIsRefusedWithItsReasonAndTheRestOfItsMessageIsDropped() throws Exception {
        Side b = new Side("b");
        List<LogEntry> entries = log(1, 3);
        Bytes32 writer = entries.getFirst().writer();
        LogEntry genuine = entries.get(1);
        LogEntry forged = new LogEntry(writer, genuine.seq(), genuine.prev(), genuine.heads(), 12345, genuine.op(),
                genuine.signature());
        LogReplicator.Received received = b.replicator.receive(
                new ReplicationMessage.Data(writer, List.of(entries.get(0), forged, entries.get(2))));
        assertThat(received.stored()).containsExactly(entries.get(0));
        assertThat(received.rejected()).singleElement().asString().contains("is not signed by its writer");
        assertThat(b.store.length(writer)).isEqualTo(1);
        // The same data again stores nothing twice.
        assertThat(b.replicator.receive(new ReplicationMessage.Data(writer, List.of(entries.get(0)))).stored()).isEmpty();
    }
}
