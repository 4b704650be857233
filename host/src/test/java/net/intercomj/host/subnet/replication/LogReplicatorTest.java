package net.intercomj.host.subnet.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.subnet.order.Batch;
import net.intercomj.host.subnet.order.Checkpoint;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedLog;
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

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** One side of the link: its store and confirmed log, its replicator and what it has sent, not yet delivered. */
    private final class Side {
        final WriterLogStore store;
        final ConfirmedLog confirmed;
        final Deque<byte[]> sent = new ArrayDeque<>();
        final LogReplicator replicator;
        final List<LogReplicator.Received> received = new ArrayList<>();
        int entriesSent;
        int batchesSent;

        Side(String name) throws Exception {
            this(name, writer -> true);
        }

        Side(String name, java.util.function.Predicate<Bytes32> accepts) throws Exception {
            store = WriterLogStore.open(folder.resolve(name + "/logs"), SUBNET);
            opened.add(store);
            confirmed = ConfirmedLog.open(folder.resolve(name + "/confirmed"));
            opened.add(confirmed);
            replicator = new LogReplicator(store, confirmed, accepts, message -> {
                if (message instanceof ReplicationMessage.Data data) {
                    entriesSent += data.entries().size();
                }
                if (message instanceof ReplicationMessage.BatchesData data) {
                    batchesSent += data.batches().size();
                }
                sent.add(ReplicationCodec.encode(message));
            });
        }

        /** Every confirmed batch received, in the order received. */
        List<ConfirmedBatch> batchesReceived() {
            return received.stream().flatMap(r -> r.batches().stream()).toList();
        }
    }

    /** An indexer's key pair, to sign checkpoints as a real one would. */
    private static final byte[] INDEXER_SEED = new byte[32];
    private static final Bytes32 INDEXER = Bytes32.of(Ed25519Keys.publicKey(INDEXER_SEED));

    /** Confirms {@code entries} on {@code side}, one batch each, with signed checkpoints. */
    private static void confirmEach(Side side, List<LogEntry> entries) throws Exception {
        for (LogEntry entry : entries) {
            Batch batch = new Batch(side.confirmed.batchCount(), 1, List.of(entry.id()));
            Checkpoint checkpoint = side.confirmed.checkpoint().next(batch, List.of(entry),
                    Map.of("n", Optional.of(Long.toString(entry.seq()))));
            side.confirmed.append(new ConfirmedBatch(batch, checkpoint, List.of(new ConfirmedBatch.IndexerSignature(
                    INDEXER, Ed25519Keys.sign(INDEXER_SEED, checkpoint.signedBytes(SUBNET))))), List.of(entry));
        }
    }

    private static List<ConfirmedBatch> batches(ConfirmedLog confirmed) throws Exception {
        List<ConfirmedBatch> batches = new ArrayList<>();
        for (long n = 0; n < confirmed.batchCount(); n++) {
            batches.add(confirmed.batch(n).orElseThrow());
        }
        return batches;
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
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
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
    void logsOfKeysThatAreNotWritersAreNeitherFetchedNorKeptUntilTheyBecomeWriters() throws Exception {
        List<LogEntry> writer = log(1, 5);
        List<LogEntry> stranger = log(2, 40);
        java.util.Set<Bytes32> writers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        writers.add(writer.getFirst().writer());
        Side a = new Side("a");
        Side b = new Side("b", writers::contains);
        for (LogEntry entry : writer) {
            a.store.append(entry);
        }
        for (LogEntry entry : stranger) {
            a.store.append(entry);
        }
        a.replicator.open();
        b.replicator.open();
        pump(a, b);
        assertThat(b.store.length(writer.getFirst().writer())).isEqualTo(5);
        assertThat(b.store.length(stranger.getFirst().writer())).as("not asked for").isZero();
        assertThat(a.entriesSent).isEqualTo(5);

        // Unasked data is dropped too.
        b.received.add(b.replicator.receive(new ReplicationMessage.Data(stranger.getFirst().writer(), stranger.subList(0, 3))));
        assertThat(b.store.length(stranger.getFirst().writer())).isZero();

        writers.add(stranger.getFirst().writer());
        b.replicator.recheck();
        pump(a, b);
        assertThat(b.store.range(stranger.getFirst().writer(), 0, 100)).containsExactlyElementsOf(stranger);
    }

    @Test
    void largeEntriesTravelInMessagesThatFitAMuxFrame() throws Exception {
        byte[] seed = new byte[32];
        seed[0] = 9;
        Bytes32 writer = Bytes32.of(Ed25519Keys.publicKey(seed));
        String big = "x".repeat(200 * 1024);
        List<LogEntry> log = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            log.add(LogEntry.append(SUBNET, writer, log.isEmpty() ? null : log.getLast(), List.of(), i,
                    "{\"type\":\"msg\",\"pad\":\"" + big + "\"}", message -> Ed25519Keys.sign(seed, message)));
        }
        Side a = new Side("a");
        Side b = new Side("b");
        for (LogEntry entry : log) {
            a.store.append(entry);
        }
        List<Integer> sizes = new ArrayList<>();
        a.replicator.open();
        b.replicator.open();
        while (!a.sent.isEmpty() || !b.sent.isEmpty()) {
            if (!a.sent.isEmpty()) {
                byte[] message = a.sent.poll();
                sizes.add(message.length);
                b.received.add(b.replicator.receive(ReplicationCodec.decode(message)));
            }
            if (!b.sent.isEmpty()) {
                a.received.add(a.replicator.receive(ReplicationCodec.decode(b.sent.poll())));
            }
        }
        assertThat(b.store.range(writer, 0, 100)).containsExactlyElementsOf(log);
        assertThat(sizes).allMatch(size -> size <= net.intercomj.host.net.mux.MuxConfig.DEFAULTS.maxFrameBytes() - 64);
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

    @Test
    void aPeersConfirmedBatchesComeOverAndNewOnesFollowWhenAnnounced() throws Exception {
        Side a = new Side("a");
        Side b = new Side("b");
        List<LogEntry> entries = log(1, 25);
        for (LogEntry entry : entries) {
            a.store.append(entry);
        }
        // More batches than one BatchesData carries, so they come over in several.
        confirmEach(a, entries.subList(0, 20));
        a.replicator.open();
        b.replicator.open();
        pump(a, b);
        assertThat(b.batchesReceived()).containsExactlyElementsOf(batches(a.confirmed));
        assertThat(a.batchesSent).as("no batch sent twice").isEqualTo(20);
        assertThat(a.batchesReceived()).as("b has none to give").isEmpty();
        assertThat(b.batchesSent).isZero();
        // What arrived is the same confirmed log: b can append it as it is, checkpoints and all.
        for (ConfirmedBatch batch : b.batchesReceived()) {
            List<LogEntry> batchEntries = new ArrayList<>();
            for (EntryId id : batch.batch().entries()) {
                batchEntries.add(b.store.get(id.writer(), id.seq()).orElseThrow());
            }
            b.confirmed.append(batch, batchEntries);
        }
        assertThat(b.confirmed.checkpoint()).isEqualTo(a.confirmed.checkpoint());

        confirmEach(a, entries.subList(20, 25));
        a.replicator.announceBatches();
        pump(a, b);
        assertThat(b.batchesReceived()).containsExactlyElementsOf(batches(a.confirmed));
        assertThat(a.batchesSent).isEqualTo(25);
    }

    @Test
    void requestsAndRepliesAreHandedOnAsTheyCameAndAnsweredOnlyByTheCaller() throws Exception {
        Side a = new Side("a");
        Side b = new Side("b");
        String body = "{\"type\":\"settle\",\"op\":\"caf\u00e9\"}";
        a.replicator.request(42, body);
        pump(a, b);
        LogReplicator.Received request = b.received.getLast();
        assertThat(request.request()).contains(new ReplicationMessage.Request(42, body));
        assertThat(request.reply()).isEmpty();
        assertThat(request.writerRequest()).isEmpty();
        assertThat(request.stored()).isEmpty();
        assertThat(request.batches()).isEmpty();
        assertThat(a.received).as("the replicator does not answer by itself").isEmpty();

        b.replicator.reply(42, "{\"accepted\":false,\"reason\":\"not a validator\"}");
        pump(a, b);
        LogReplicator.Received reply = a.received.getLast();
        assertThat(reply.reply()).contains(new ReplicationMessage.Reply(42, "{\"accepted\":false,\"reason\":\"not a validator\"}"));
        assertThat(reply.request()).isEmpty();
        assertThat(b.received).hasSize(1);
    }
}
