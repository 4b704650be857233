package net.intercomj.host.subnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.apply.AppliedBatch;
import net.intercomj.host.subnet.apply.SubnetState;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.TestOps;
import net.intercomj.host.subnet.order.Checkpoint;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedLog;
import net.intercomj.host.subnet.raft.Raft;
import net.intercomj.host.subnet.raft.RaftCodec;
import net.intercomj.host.subnet.raft.RaftMessage;
import net.intercomj.host.subnet.raft.RaftStore;
import net.intercomj.host.subnet.replication.LogReplicator;
import net.intercomj.host.subnet.replication.ReplicationCodec;
import net.intercomj.host.subnet.replication.ReplicationMessage;
import net.intercomj.host.subnet.view.ConfirmedView;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole subnet on a simulated network, one seed at a time: writers append, some peers are
 * indexers ordering through Raft ({@link Indexing}, as the peer runs it) and signing checkpoints,
 * the others read, and an indexer may be added or removed along the way. Log replication runs over links
 * that deliver in order while they last (as the real ones); Raft messages and checkpoint
 * signatures are delayed, lost, duplicated and reordered. Links drop and come back, peers crash
 * and restart from their stores on disk, and simulated time drives Raft's timers.
 *
 * <p>At every step: no two leaders in one term; every batch a peer confirms equals the batch
 * any peer ever confirmed at that number (confirmed logs are prefixes of one another and no
 * confirmed batch is lost or reordered, across crashes too); a restarted peer has all it had
 * confirmed. Once the network heals, every entry gets confirmed, every peer holds the same
 * confirmed log and view, and with nothing pending the unconfirmed view equals the confirmed
 * one. A failing seed names itself and replays exactly with
 * {@code -Dintercom.simulation.first-seed=N -Dintercom.simulation.seeds=1}.
 */
class SubnetSimulationTest {

    private static final int SEEDS = Integer.getInteger("intercom.simulation.seeds", 20);
    private static final long FIRST_SEED = Long.getLong("intercom.simulation.first-seed", 0);
    private static final Raft.Timing TIMING = new Raft.Timing(100, 600);
    private static final List<String> KEYS = List.of("k0", "k1", "k2", "k3", "k4", "wrl", "indexers");

    @TempDir
    Path folder;

    private long seed;
    private Random random;
    private Bytes32 subnet;
    private OpApplier ops;
    private long now;
    private double loss;
    private double duplication;
    private final List<Peer> peers = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final PriorityQueue<Datagram> inFlight = new PriorityQueue<>(
            Comparator.comparingLong(Datagram::deliverAt).thenComparingLong(Datagram::sequence));
    private long datagrams;
    private int writersRemoved;
    private Bytes32 removedIndexer;
    /** Every batch ever confirmed by any peer, by number. */
    private final Map<Long, Checkpoint> everConfirmed = new HashMap<>();
    /** The leader of each term seen. */
    private final Map<Long, Bytes32> leaders = new HashMap<>();

    /** A Raft message or a checkpoint signature on its way. */
    private record Datagram(long deliverAt, long sequence, Peer from, Peer to, byte[] bytes, boolean raft) {}

    /** One simulated peer: its stores on disk while it is up, and what it received but could not take yet. */
    private final class Peer {
        final int index;
        final Path folder;
        final byte[] seed = new byte[32];
        final Bytes32 key;
        WriterLogStore store;
        ConfirmedLog confirmed;
        RaftStore raft;
        ConfirmedView view;
        SubnetState state;
        Indexing indexing;
        List<Bytes32> voters = List.of();
        long confirmedWhenStopped;
        final TreeMap<Long, ConfirmedBatch> received = new TreeMap<>();

        Peer(int index, Path folder, byte[] seed) {
            this.index = index;
            this.folder = folder;
            System.arraycopy(seed, 0, this.seed, 0, 32);
            key = Bytes32.of(Ed25519Keys.publicKey(seed));
        }

        boolean up() {
            return store != null;
        }

        void start() throws Exception {
            store = WriterLogStore.open(folder.resolve("logs"), subnet);
            confirmed = ConfirmedLog.open(folder.resolve("confirmed"));
            raft = RaftStore.open(folder.resolve("raft"), confirmed);
            view = ConfirmedView.open(folder.resolve("view"));
            assertThat(view.appliedBatches()).as("seed %d, peer %d restarts where it stopped", seed, index)
                    .isEqualTo(confirmed.batchCount()).isGreaterThanOrEqualTo(confirmedWhenStopped);
            state = new SubnetState(ops, view, confirmed.checkpoint());
            voters = readVoters();
            indexing = Indexing.start(subnet, key, message -> Ed25519Keys.sign(seed, message), store, confirmed, raft,
                    state, () -> voters, entry -> entry.op().contains("\"index\"") || entry.op().contains("\"remove\""), new SplittableRandom(random.nextLong()),
                    TIMING, new Outbox(this), now);
        }

        void stop() {
            confirmedWhenStopped = confirmed.batchCount();
            view.close();
            raft.close();
            confirmed.close();
            store.close();
            store = null;
            indexing = null;
            received.clear();
        }

        List<Bytes32> readVoters() {
            List<String> keys = Membership.indexers(state.confirmed());
            return keys.isEmpty() && view.appliedBatches() == 0 ? List.of(subnet)
                    : keys.stream().map(Bytes32::fromHex).toList();
        }

        /** What the peer does with a batch it may store: confirmed log, Raft's log, view, as {@code SubnetNode.store}. */
        void store(ConfirmedBatch batch, AppliedBatch applied) throws StoreException {
            long number = batch.batch().number();
            Checkpoint earlier = everConfirmed.putIfAbsent(number, batch.checkpoint());
            if (earlier != null && !earlier.equals(batch.checkpoint())) {
                fail("seed %d: peer %d confirms batch %d differently than another peer did", seed, index, number);
            }
            confirmed.append(batch, applied.entries());
            indexing.confirmed(batch);
            state.commit(applied);
            voters = readVoters();
            for (Link link : links) {
                if (link.involves(this)) {
                    link.at(this).announceBatches();
                }
            }
        }
    }

    /** Where an indexer's messages go: onto the simulated network. */
    private final class Outbox implements Indexing.Outbox {
        private final Peer from;

        Outbox(Peer from) {
            this.from = from;
        }

        @Override
        public void toIndexer(Bytes32 to, RaftMessage message) {
            peers.stream().filter(peer -> peer.key.equals(to)).findFirst()
                    .ifPresent(peer -> send(from, peer, RaftCodec.encode(message), true));
        }

        @Override
        public void toAll(ReplicationMessage.CheckpointSignature signature) {
            byte[] bytes = ReplicationCodec.encode(signature);
            peers.stream().filter(peer -> peer != from).forEach(peer -> send(from, peer, bytes, false));
        }

        @Override
        public void missing(Bytes32 writer) {
            // Every log replicates here.
        }
    }

    private void send(Peer from, Peer to, byte[] bytes, boolean raft) {
        if (random.nextDouble() < loss) {
            return;
        }
        int copies = random.nextDouble() < duplication ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            inFlight.add(new Datagram(now + 1 + random.nextInt(40), datagrams++, from, to, bytes, raft));
        }
    }

    /** A link between two peers while it is up: a replicator on each end and an ordered queue each way. */
    private final class Link {
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

    private boolean linked(Peer a, Peer b) {
        return links.stream().anyMatch(link -> link.involves(a) && link.involves(b));
    }

    private void connect(Peer a, Peer b) {
        if (a != b && a.up() && b.up() && !linked(a, b)) {
            links.add(new Link(a, b));
        }
    }

    private void crash(Peer peer) {
        links.removeIf(link -> link.involves(peer));
        peer.stop();
    }

    /** Delivers one replication message on {@code link}. */
    private void deliver(Link link, boolean towardA) throws Exception {
        byte[] bytes = (towardA ? link.toA : link.toB).poll();
        if (bytes == null) {
            return;
        }
        Peer receiver = towardA ? link.a : link.b;
        LogReplicator.Received received = link.at(receiver).receive(ReplicationCodec.decode(bytes));
        assertThat(received.rejected()).as("seed %d: honest peers never send bad entries", seed).isEmpty();
        for (Bytes32 writer : received.stored().stream().map(LogEntry::writer).distinct().toList()) {
            for (Link other : links) {
                if (other != link && other.involves(receiver)) {
                    other.at(receiver).announce(writer);
                }
            }
        }
        for (ConfirmedBatch batch : received.batches()) {
            if (batch.batch().number() >= receiver.confirmed.batchCount()) {
                receiver.received.putIfAbsent(batch.batch().number(), batch);
            }
        }
    }

    /** Delivers the Raft messages and signatures due by now, between peers that are up and linked. */
    private void deliverDue() throws Exception {
        while (!inFlight.isEmpty() && inFlight.peek().deliverAt() <= now) {
            Datagram datagram = inFlight.poll();
            if (!datagram.from().up() || !datagram.to().up() || !linked(datagram.from(), datagram.to())) {
                continue;
            }
            if (datagram.raft()) {
                datagram.to().indexing.receive(datagram.from().key, RaftCodec.decode(datagram.bytes()), now);
            } else {
                datagram.to().indexing.onSignature(
                        (ReplicationMessage.CheckpointSignature) ReplicationCodec.decode(datagram.bytes()));
            }
        }
    }

    /** What a peer does in one round of its apply thread: batches from others, then its indexing. */
    private void stepPeer(Peer peer) throws Exception {
        acceptReceived(peer);
        peer.indexing.step(now, peer::store);
        SubnetStats.Consensus status = peer.indexing.status();
        if (status.role().equals("leader")) {
            Bytes32 earlier = leaders.putIfAbsent(status.term(), peer.key);
            if (earlier != null && !earlier.equals(peer.key)) {
                fail("seed %d: two leaders in term %d", seed, status.term());
            }
        }
    }

    /** The reader's path, as {@code SubnetNode.acceptReceived}: next batches with a majority of valid signatures. */
    private void acceptReceived(Peer peer) throws Exception {
        for (ConfirmedBatch next = peer.received.get(peer.confirmed.batchCount()); next != null;
                next = peer.received.get(peer.confirmed.batchCount())) {
            List<LogEntry> entries = new ArrayList<>();
            for (EntryId id : next.batch().entries()) {
                Optional<LogEntry> entry = peer.store.get(id.writer(), id.seq());
                if (entry.isEmpty()) {
                    return;
                }
                entries.add(entry.get());
            }
            byte[] signed = next.checkpoint().signedBytes(subnet);
            long valid = next.signatures().stream().filter(signature -> peer.voters.contains(signature.indexer()))
                    .filter(signature -> Ed25519Keys.verify(signature.signature(), signed, signature.indexer().toByteArray()))
                    .map(ConfirmedBatch.IndexerSignature::indexer).distinct().count();
            assertThat(valid).as("seed %d: every batch served carries a majority of signatures", seed)
                    .isGreaterThan(peer.voters.size() / 2);
            AppliedBatch applied = peer.state.compute(next.batch(), entries);
            assertThat(applied.checkpoint()).as("seed %d, peer %d applying batch %d", seed, peer.index,
                    next.batch().number()).isEqualTo(next.checkpoint());
            peer.store(next, applied);
        }
        peer.received.headMap(peer.confirmed.batchCount()).clear();
    }

    private void append(Peer peer, String op) throws Exception {
        long length = peer.store.length(peer.key);
        List<EntryId> heads = new ArrayList<>();
        for (Map.Entry<Bytes32, Long> log : peer.store.lengths().entrySet()) {
            if (!log.getKey().equals(peer.key) && random.nextBoolean()) {
                heads.add(new EntryId(log.getKey(), log.getValue() - 1));
            }
        }
        LogEntry previous = length == 0 ? null : peer.store.get(peer.key, length - 1).orElseThrow();
        peer.store.append(LogEntry.append(subnet, peer.key, previous, heads, now, op,
                message -> Ed25519Keys.sign(peer.seed, message)));
        for (Link link : links) {
            if (link.involves(peer)) {
                link.at(peer).announce(peer.key);
            }
        }
    }

    private static String set(Peer peer, Random random, long length) {
        return "{\"type\":\"set\",\"key\":\"k" + random.nextInt(5) + "\",\"value\":\"" + peer.index + "-" + length + "\"}";
    }

    private void round() throws Exception {
        deliverDue();
        for (Peer peer : peers) {
            if (peer.up()) {
                stepPeer(peer);
            }
        }
    }

    private void runSeed() throws Exception {
        random = new Random(seed);
        peers.clear();
        links.clear();
        inFlight.clear();
        everConfirmed.clear();
        leaders.clear();
        now = 0;
        writersRemoved = 0;
        loss = 0.05;
        duplication = 0.05;
        int count = 3 + random.nextInt(3);
        int indexers = random.nextBoolean() ? 3 : 1;
        for (int i = 0; i < count; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            peers.add(new Peer(i, folder.resolve("seed-" + seed + "/peer-" + i), key));
        }
        Peer creator = peers.getFirst();
        subnet = creator.key;
        ops = new OpApplier(subnet, List.of(TestOps.SET, TestOps.JOIN, TestOps.INDEX, TestOps.REMOVE));
        for (Peer peer : peers) {
            peer.start();
        }
        try {
            for (Peer peer : peers.subList(1, count)) {
                String type = peer.index < indexers ? "index" : "join";
                append(creator, "{\"type\":\"" + type + "\",\"key\":\"" + peer.key.toHex() + "\"}");
            }
            boolean addsIndexer = count > indexers && random.nextBoolean();
            // With three indexers, one may be removed later (and then no longer writes).
            Peer removed = indexers == 3 && random.nextBoolean() ? peers.get(1 + random.nextInt(2)) : null;
            removedIndexer = null;
            for (int step = 0; step < 600; step++) {
                now += 1 + random.nextInt(20);
                int action = random.nextInt(100);
                Peer peer = peers.get(random.nextInt(count));
                Peer other = peers.get(random.nextInt(count));
                if (action < 15 && peer.up()) {
                    append(peer, set(peer, random, peer.store.length(peer.key)));
                } else if (action < 60 && !links.isEmpty()) {
                    Link link = links.get(random.nextInt(links.size()));
                    deliver(link, random.nextBoolean());
                } else if (action < 72) {
                    connect(peer, other);
                } else if (action < 76 && !links.isEmpty()) {
                    links.remove(random.nextInt(links.size()));
                } else if (action < 78 && peer.up()) {
                    crash(peer);
                } else if (action < 85 && !peer.up()) {
                    peer.start();
                }
                if (step == 300 && addsIndexer && creator.up()) {
                    append(creator, "{\"type\":\"index\",\"key\":\"" + peers.get(indexers).key.toHex() + "\"}");
                }
                if (step == 450 && removed != null && creator.up()) {
                    append(creator, "{\"type\":\"remove\",\"key\":\"" + removed.key.toHex() + "\"}");
                    writersRemoved = 1;
                    removedIndexer = removed.key;
                }
                round();
            }
            heal();
            assertConverged();
        } finally {
            for (Peer peer : peers) {
                if (peer.up()) {
                    peer.stop();
                }
            }
        }
    }

    /** Every peer up, every pair linked, nothing lost: runs until every entry is confirmed everywhere. */
    private void heal() throws Exception {
        loss = 0;
        duplication = 0;
        for (Peer peer : peers) {
            if (!peer.up()) {
                peer.start();
            }
        }
        for (Peer a : peers) {
            for (Peer b : peers) {
                connect(a, b);
            }
        }
        long deadline = now + 60_000;
        while (!converged()) {
            if (now > deadline) {
                fail("seed %d: not converged 60 s after healing; confirmed batches %s", seed,
                        peers.stream().map(peer -> peer.confirmed.batchCount()).toList());
            }
            now += 5;
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
            round();
        }
    }

    private boolean converged() {
        Peer first = peers.getFirst();
        Map<Bytes32, Long> lengths = first.store.lengths();
        return peers.stream().allMatch(peer -> peer.store.lengths().equals(lengths)
                && peer.confirmed.lengths().equals(lengths)
                && peer.confirmed.checkpoint().equals(first.confirmed.checkpoint()));
    }

    private void assertConverged() throws Exception {
        Peer first = peers.getFirst();
        for (Peer peer : peers) {
            assertThat(peer.view.stateHash()).as("seed %d, peer %d", seed, peer.index).isEqualTo(first.view.stateHash());
            peer.state.updateUnconfirmed(List.of(), List.of());
            for (String key : KEYS) {
                assertThat(peer.view.get(key)).as("seed %d, peer %d, %s", seed, peer.index, key)
                        .isEqualTo(first.view.get(key));
                assertThat(peer.state.unconfirmed().get(key)).as("seed %d, peer %d, unconfirmed %s", seed, peer.index, key)
                        .isEqualTo(peer.view.get(key));
            }
        }
        assertThat(first.view.get("wrl")).as("seed %d: every peer joined, but the one removed", seed)
                .contains(String.valueOf(peers.size() - writersRemoved));
        if (removedIndexer != null) {
            for (Peer peer : peers) {
                assertThat(peer.voters).as("seed %d, peer %d: the removed indexer orders no more", seed, peer.index)
                        .doesNotContain(removedIndexer).isNotEmpty();
            }
        }
    }

    @Test
    void confirmedViewsStayPrefixesAndConvergeOnEverySeed() throws Exception {
        for (seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            runSeed();
        }
    }
}
