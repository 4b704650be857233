package net.intercomj.host.subnet.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.apply.AppliedBatch;
import net.intercomj.host.subnet.apply.SubnetState;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;

import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.TestOps;

import net.intercomj.host.subnet.order.CausalOrder;
import net.intercomj.host.subnet.order.Checkpoint;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedLog;
import net.intercomj.host.subnet.order.BatchProposer;
import net.intercomj.host.subnet.view.ConfirmedView;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log replication on a simulated network, one seed at a time: writers append while links drop
 * and come back and peers crash and restart from disk; links, like the real ones, deliver in
 * order while they last. The first peer is also the indexer: now and then it confirms a batch,
 * applying it to its view, and the confirmed batches replicate too; a peer applies one once it
 * holds the batch's entries and must reach the indexer's checkpoint (same writes, same state
 * hash). Along the way every peer's confirmed log is a prefix of the indexer's. Once everything
 * heals, every peer must hold the same logs, compute the same causal order, hold the same
 * confirmed log and view, and its unconfirmed view must equal its confirmed one. Each seed's run
 * is deterministic, so a failing seed reproduces.
 */
class ReplicationSimulationTest {

    /** The subnet of the seed being run: its indexer's (peer 0's) key, so genesis makes it the writer and indexer. */
    private Bytes32 subnet;
    private OpApplier ops;
    /** Seeds per run; {@code -Dintercom.simulation.seeds=1000} for a long one (each seed opens its stores on disk). */
    private static final int SEEDS = Integer.getInteger("intercom.simulation.seeds", 20);
    /** The first seed; set it to replay one that failed. */
    private static final long FIRST_SEED = Long.getLong("intercom.simulation.first-seed", 0);

    @TempDir
    Path folder;

    /**
     * One simulated peer: a writer with a store and a confirmed log on disk, up while {@code store}
     * is set, and in memory the batches received but not appended yet.
     */
    private final class Peer {
        final int index;
        final Path folder;
        final byte[] seed = new byte[32];
        final Bytes32 key;
        WriterLogStore store;
        ConfirmedLog confirmed;
        ConfirmedView view;
        SubnetState state;
        final TreeMap<Long, ConfirmedBatch> pending = new TreeMap<>();

        Peer(int index, Path folder, byte[] seed) throws Exception {
            this.index = index;
            this.folder = folder;
            System.arraycopy(seed, 0, this.seed, 0, 32);
            key = Bytes32.of(Ed25519Keys.publicKey(seed));
        }

        void start() throws Exception {
            store = WriterLogStore.open(folder.resolve("logs"), subnet);
            confirmed = ConfirmedLog.open(folder.resolve("confirmed"));
            view = ConfirmedView.open(folder.resolve("view"));
            Checkpoint at = confirmed.batchCount() == 0 ? Checkpoint.GENESIS
                    : confirmed.batch(confirmed.batchCount() - 1).orElseThrow().checkpoint();
            state = new SubnetState(ops, view, at);
        }

        void stop() {
            store.close();
            confirmed.close();
            view.close();
            store = null;
            confirmed = null;
            view = null;
            state = null;
            pending.clear();
        }
    }

    /** A link between two peers while it is up: a replicator on each end and an ordered queue each way. */
    private static final class Link {
        final Peer a;
        final Peer b;
        final Deque<byte[]> toA = new ArrayDeque<>();
        final Deque<byte[]> toB = new ArrayDeque<>();
        final LogReplicator atA;
        final LogReplicator atB;

        Link(Peer a, Peer b) {
            this.a = a;
            this.b = b;
            atA = new LogReplicator(a.store, a.confirmed, message -> toB.add(ReplicationCodec.encode(message)));
            atB = new LogReplicator(b.store, b.confirmed, message -> toA.add(ReplicationCodec.encode(message)));
            atA.open();
            atB.open();
        }

        boolean involves(Peer peer) {
            return a == peer || b == peer;
        }

        LogReplicator at(Peer peer) {
            return peer == a ? atA : atB;
        }
    }

    private final List<Link> links = new ArrayList<>();

    private void announceElsewhere(Peer peer, Link except, Bytes32 writer) {
        for (Link link : links) {
            if (link != except && link.involves(peer)) {
                link.at(peer).announce(writer);
            }
        }
    }

    /** Delivers one message on {@code link}, toward {@code toA} or the other way. */
    private void deliver(Link link, boolean towardA) throws Exception {
        byte[] bytes = (towardA ? link.toA : link.toB).poll();
        if (bytes == null) {
            return;
        }
        Peer receiver = towardA ? link.a : link.b;
        LogReplicator.Received received = link.at(receiver).receive(ReplicationCodec.decode(bytes));
        assertThat(received.rejected()).as("honest peers never send bad entries").isEmpty();
        received.stored().stream().map(LogEntry::writer).distinct()
                .forEach(writer -> announceElsewhere(receiver, link, writer));
        for (ConfirmedBatch batch : received.batches()) {
            if (batch.batch().number() >= receiver.confirmed.batchCount()) {
                receiver.pending.putIfAbsent(batch.batch().number(), batch);
            }
        }
        appendPending(receiver);
    }

    /** Appends the peer's pending batches that come next and whose entries it holds; tells its links. */
    private void appendPending(Peer peer) throws Exception {
        boolean appended = false;
        for (ConfirmedBatch next = peer.pending.get(peer.confirmed.batchCount()); next != null;
                next = peer.pending.get(peer.confirmed.batchCount())) {
            List<LogEntry> entries = new ArrayList<>();
            for (EntryId id : next.batch().entries()) {
                Optional<LogEntry> entry = peer.store.get(id.writer(), id.seq());
                if (entry.isEmpty()) {
                    break;
                }
                entries.add(entry.get());
            }
            if (entries.size() < next.batch().entries().size()) {
                break;
            }
            // Every peer that applies a batch gets the indexer's state: same writes, same state hash.
            AppliedBatch applied = peer.state.compute(next.batch(), entries);
            assertThat(applied.checkpoint()).as("peer %d applying batch %d", peer.index, next.batch().number())
                    .isEqualTo(next.checkpoint());
            // Throws if the batch breaks the confirmed log's rules or its checkpoint: honest peers never send such.
            peer.confirmed.append(next, entries);
            peer.state.commit(applied);
            appended = true;
        }
        peer.pending.headMap(peer.confirmed.batchCount()).clear();
        if (appended) {
            announceBatches(peer);
        }
    }

    private void announceBatches(Peer peer) {
        for (Link link : links) {
            if (link.involves(peer)) {
                link.at(peer).announceBatches();
            }
        }
    }

    /** The indexer confirms the next batch of what it holds, if any. */
    private boolean confirm(Peer indexer) throws Exception {
        Optional<BatchProposer.Proposal> proposal = new BatchProposer(indexer.store, indexer.confirmed).propose(1);
        if (proposal.isEmpty()) {
            return false;
        }
        BatchProposer.Proposal next = proposal.get();
        AppliedBatch applied = indexer.state.compute(next.batch(), next.entries());
        indexer.confirmed.append(new ConfirmedBatch(next.batch(), applied.checkpoint(), List.of()), next.entries());
        indexer.state.commit(applied);
        announceBatches(indexer);
        return true;
    }

    /** Delivers every message on every link, until none is left. */
    private void deliverAll() throws Exception {
        boolean delivered = true;
        while (delivered) {
            delivered = false;
            for (Link link : List.copyOf(links)) {
                if (!link.toA.isEmpty() || !link.toB.isEmpty()) {
                    deliver(link, !link.toA.isEmpty());
                    delivered = true;
                }
            }
        }
    }

    private void append(Peer peer, Random random) throws Exception {
        long length = peer.store.length(peer.key);
        List<EntryId> heads = new ArrayList<>();
        for (Map.Entry<Bytes32, Long> log : peer.store.lengths().entrySet()) {
            if (!log.getKey().equals(peer.key) && random.nextBoolean()) {
                heads.add(new EntryId(log.getKey(), log.getValue() - 1));
            }
        }
        String op = "{\"type\":\"set\",\"key\":\"k" + random.nextInt(5) + "\",\"value\":\"" + peer.index + "-"
                + length + "\"}";
        appendOp(peer, op, heads);
    }

    private void appendOp(Peer peer, String op, List<EntryId> heads) throws Exception {
        long length = peer.store.length(peer.key);
        LogEntry previous = length == 0 ? null : peer.store.get(peer.key, length - 1).orElseThrow();
        LogEntry entry = LogEntry.append(subnet, peer.key, previous, heads, length, op,
                message -> Ed25519Keys.sign(peer.seed, message));
        peer.store.append(entry);
        announceElsewhere(peer, null, peer.key);
    }

    private void connect(Peer a, Peer b) {
        if (a.store != null && b.store != null && links.stream().noneMatch(link -> link.involves(a) && link.involves(b))) {
            links.add(new Link(a, b));
        }
    }

    private void crash(Peer peer) {
        links.removeIf(link -> link.involves(peer));
        peer.stop();
    }

    private void runSeed(long seed) throws Exception {
        Random random = new Random(seed);
        links.clear();
        List<Peer> peers = new ArrayList<>();
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            peers.add(new Peer(i, folder.resolve("seed-" + seed + "/peer-" + i), key));
        }
        Peer indexer = peers.getFirst();
        subnet = indexer.key;
        ops = new OpApplier(subnet, List.of(TestOps.SET, TestOps.JOIN));
        for (Peer peer : peers) {
            peer.start();
        }
        try {
            // The indexer lets the others write; their ops before that confirmation are refused, alike everywhere.
            for (Peer peer : peers.subList(1, count)) {
                appendOp(indexer, "{\"type\":\"join\",\"key\":\"" + peer.key.toHex() + "\"}", List.of());
            }
            for (int step = 0; step < 400; step++) {
                int action = random.nextInt(100);
                Peer peer = peers.get(random.nextInt(count));
                Peer other = peers.get(random.nextInt(count));
                if (action < 20 && peer.store != null) {
                    append(peer, random);
                } else if (action < 25) {
                    if (indexer.store != null) {
                        confirm(indexer);
                    }
                } else if (action < 75 && !links.isEmpty()) {
                    deliver(links.get(random.nextInt(links.size())), random.nextBoolean());
                } else if (action < 85 && peer != other) {
                    connect(peer, other);
                } else if (action < 92 && !links.isEmpty()) {
                    links.remove(random.nextInt(links.size()));
                } else if (action < 96 && peer.store != null) {
                    crash(peer);
                } else if (peer.store == null) {
                    peer.start();
                }
                if (step % 20 == 0 && indexer.store != null) {
                    // Confirmed views are prefixes of one another: at its length, each matches the indexer's.
                    for (Peer up : peers) {
                        long batches = up.store == null ? 0 : up.confirmed.batchCount();
                        if (batches > 0) {
                            assertThat(up.confirmed.checkpoint()).as("seed %d, peer %d at batch %d", seed, up.index, batches)
                                    .isEqualTo(indexer.confirmed.batch(batches - 1).orElseThrow().checkpoint());
                        }
                    }
                }
            }
            // Heal: every peer up, every pair linked, every message delivered.
            for (Peer peer : peers) {
                if (peer.store == null) {
                    peer.start();
                }
            }
            links.clear();
            for (Peer a : peers) {
                for (Peer b : peers) {
                    if (a.index < b.index) {
                        connect(a, b);
                    }
                }
            }
            deliverAll();
            Map<Bytes32, Long> expected = peers.getFirst().store.lengths();
            List<LogEntry> expectedOrder = order(peers.getFirst().store);
            for (Peer peer : peers) {
                assertThat(peer.store.lengths()).as("seed %d, peer %d", seed, peer.index).isEqualTo(expected);
                assertThat(order(peer.store)).as("seed %d, peer %d", seed, peer.index).isEqualTo(expectedOrder);
            }
            // Every batch the indexer confirmed reached every peer, which holds every entry by now.
            for (Peer peer : peers) {
                assertThat(peer.confirmed.batchCount()).as("seed %d, peer %d", seed, peer.index)
                        .isEqualTo(indexer.confirmed.batchCount());
                assertThat(peer.confirmed.checkpoint()).as("seed %d, peer %d", seed, peer.index)
                        .isEqualTo(indexer.confirmed.checkpoint());
                assertThat(peer.pending).as("seed %d, peer %d", seed, peer.index).isEmpty();
            }
            // The indexer confirms the rest, and that follows too.
            while (confirm(indexer)) {
                deliverAll();
            }
            deliverAll();
            assertThat(indexer.confirmed.lengths()).as("seed %d: everything confirmed", seed).isEqualTo(expected);
            assertThat(indexer.view.get("wrl")).as("seed %d: every peer joined", seed).contains(String.valueOf(count));
            for (Peer peer : peers) {
                assertThat(peer.confirmed.checkpoint()).as("seed %d, peer %d", seed, peer.index)
                        .isEqualTo(indexer.confirmed.checkpoint());
                assertThat(peer.confirmed.lengths()).as("seed %d, peer %d", seed, peer.index).isEqualTo(expected);
                assertThat(peer.view.stateHash()).as("seed %d, peer %d", seed, peer.index)
                        .isEqualTo(indexer.view.stateHash());
                // Nothing is pending: the unconfirmed view is the confirmed one.
                peer.state.updateUnconfirmed(List.of(), List.of());
                for (String key : List.of("k0", "k1", "k2", "k3", "k4", "wrl", "indexers")) {
                    assertThat(peer.view.get(key)).as("seed %d, peer %d, %s", seed, peer.index, key)
                            .isEqualTo(indexer.view.get(key));
                    assertThat(peer.state.unconfirmed().get(key)).as("seed %d, peer %d, %s", seed, peer.index, key)
                            .isEqualTo(peer.view.get(key));
                }
            }
        } finally {
            for (Peer peer : peers) {
                if (peer.store != null) {
                    peer.stop();
                }
            }
        }
    }

    private static List<LogEntry> order(WriterLogStore store) throws Exception {
        List<LogEntry> all = new ArrayList<>();
        for (Map.Entry<Bytes32, Long> log : store.lengths().entrySet()) {
            for (long from = 0; from < log.getValue(); from += 256) {
                all.addAll(store.range(log.getKey(), from, 256));
            }
        }
        CausalOrder.Result result = CausalOrder.order(Map.of(), all);
        assertThat(result.waiting()).as("a store holds every entry an entry follows").isEmpty();
        return result.ordered();
    }

    @Test
    void everyPeerConvergesOnEverySeed() throws Exception {
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            runSeed(seed);
        }
    }
}
