package net.intercomj.host.subnet.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.order.Batch;
import org.junit.jupiter.api.Test;

/**
 * Raft on a simulated network and clock, one seed at a time: messages are delayed, lost,
 * duplicated and reordered, the voters split into partitions that heal, and peers crash and
 * restart with a new {@link Raft} on the same (durable) log. On every event the simulation checks
 * election safety (one leader per term), that every committed prefix agrees with every other and
 * never changes, and that terms only grow, along each log and in each peer. Once everything heals
 * a leader must be elected and commit a new batch within a bounded simulated time. Each seed's run
 * is deterministic, so a failing seed reproduces; the focused tests below pin single scenarios.
 */
class RaftSimulationTest {

    /**
     * Seeds per run: a Raft seed costs about a hundredth of a replication one (no disk), so ten per
     * {@code intercom.simulation.seeds} (20 by default, 500 in the {@code simulation} profile), or
     * exactly {@code -Dintercom.raft.simulation.seeds=N}.
     */
    private static final int SEEDS = Integer.getInteger("intercom.raft.simulation.seeds",
            10 * Integer.getInteger("intercom.simulation.seeds", 20));
    /** The first seed; set it to replay one that failed. */
    private static final long FIRST_SEED = Long.getLong("intercom.simulation.first-seed", 0);

    private static final Raft.Timing TIMING = new Raft.Timing(20, 100);
    /** How long the network misbehaves. */
    private static final long CHAOS_MILLIS = 5_000;
    /** After healing, a new batch must be committed everywhere within this long. */
    private static final long HEAL_BOUND_MILLIS = 3_000;

    private static Bytes32 key(Random random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Bytes32.of(key);
    }

    private static Bytes32 key(int n) {
        byte[] key = new byte[32];
        key[0] = (byte) n;
        return Bytes32.of(key);
    }

    // ---------------------------------------------------------------------------------------------
    // The randomized simulation
    // ---------------------------------------------------------------------------------------------

    /** A message in flight: when it arrives, in which order among those arriving then, and its bytes. */
    private record Envelope(long at, long order, int from, int to, byte[] bytes) {}

    /** One peer: its durable log outlives {@code raft}, which is null while the peer is down. */
    private static final class Peer {
        final int index;
        final Bytes32 key;
        final MemoryRaftLog log = new MemoryRaftLog();
        Raft raft;
        /** This instance's committed prefix is checked against the record up to here. */
        long checkedCommit;
        /** This instance's commit length when last checked: it never goes down. */
        long lastCommit;
        /** The persistent term when last checked: it never goes down, not even across restarts. */
        long lastTerm;

        Peer(int index, Bytes32 key) {
            this.index = index;
            this.key = key;
        }
    }

    /** The run of one seed. */
    private static final class Simulation {
        final long seed;
        final Random random;
        final List<Peer> peers = new ArrayList<>();
        final List<Bytes32> voters;
        final Map<Bytes32, Integer> indexOf = new HashMap<>();
        final PriorityQueue<Envelope> queue = new PriorityQueue<>((a, b) -> a.at != b.at
                ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
        final Bytes32 writer;
        long writerSeq;
        long now;
        long sent;
        double loss;
        double duplication;
        int maxDelay;
        double straggling;
        /** Each peer's side of the partition: peers on different sides cannot talk. */
        int[] side;
        /** The leader of each term seen so far. */
        final Map<Long, Integer> leaders = new HashMap<>();
        /** Every batch ever seen committed, by index. */
        final List<Batch> committed = new ArrayList<>();
        /** Batches proposed after healing. */
        final Set<Batch> healProposals = new HashSet<>();
        /** Committed batches below this index hold no heal proposal. */
        long healScan;
        boolean healed;
        long events;

        Simulation(long seed) {
            this.seed = seed;
            random = new Random(seed);
            int count = seed % 2 == 0 ? 3 : 5;
            for (int i = 0; i < count; i++) {
                Peer peer = new Peer(i, key(random));
                peers.add(peer);
                indexOf.put(peer.key, i);
            }
            voters = peers.stream().map(peer -> peer.key).toList();
            writer = key(random);
            loss = random.nextDouble() * 0.3;
            duplication = random.nextDouble() * 0.1;
            maxDelay = 1 + random.nextInt(50);
            straggling = random.nextDouble() * 0.05;
            side = new int[count];
        }

        String where() {
            return "seed " + seed + " at " + now + " ms";
        }

        void start(Peer peer) {
            // A restarted peer knows what it applied, or (as if it had not read that yet) nothing.
            long committed = random.nextBoolean() ? peer.log.confirmed() : 0;
            peer.raft = new Raft(peer.key, peer.log, committed, () -> voters, new Random(random.nextLong()), TIMING,
                    (to, message) -> send(peer.index, to, message), now);
            peer.checkedCommit = 0;
            peer.lastCommit = committed;
        }

        void send(int from, Bytes32 to, RaftMessage message) {
            byte[] bytes = RaftCodec.encode(message);
            int copies = random.nextDouble() < loss ? 0 : random.nextDouble() < duplication ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                // Now and then a straggler arrives long after, from a term long over.
                int delay = random.nextDouble() < straggling ? random.nextInt(2_000) : random.nextInt(maxDelay);
                queue.add(new Envelope(now + 1 + delay, sent++, from, indexOf.get(to), bytes));
            }
        }

        void deliver(Envelope envelope) throws StoreException, WireException {
            Peer to = peers.get(envelope.to);
            if (to.raft == null || side[envelope.from] != side[envelope.to]) {
                return;
            }
            to.raft.receive(peers.get(envelope.from).key, RaftCodec.decode(envelope.bytes), now);
            check(to);
        }

        void crash(Peer peer) {
            peer.raft = null;
        }

        void faults() {
            if (random.nextDouble() < 0.003) {
                Peer peer = peers.get(random.nextInt(peers.size()));
                if (peer.raft != null) {
                    crash(peer);
                }
            }
            if (random.nextDouble() < 0.002) {
                // Leaders crash too, often with batches in flight.
                peers.stream().filter(peer -> peer.raft != null && peer.raft.role() == Raft.Role.LEADER)
                        .forEach(this::crash);
            }
            for (Peer peer : peers) {
                if (peer.raft == null && random.nextDouble() < 0.005) {
                    start(peer);
                    check(peer);
                }
            }
            if (random.nextDouble() < 0.002) {
                for (int i = 0; i < side.length; i++) {
                    side[i] = random.nextInt(2);
                }
            } else if (random.nextDouble() < 0.003) {
                Arrays.fill(side, 0);
            }
        }

        void heal() {
            healed = true;
            loss = 0;
            duplication = 0;
            straggling = 0;
            Arrays.fill(side, 0);
            for (Peer peer : peers) {
                if (peer.raft == null) {
                    start(peer);
                    check(peer);
                }
            }
            healScan = committed.size();
        }

        /** One simulated millisecond: faults, deliveries, timers, proposals and applying. */
        void step() throws StoreException, WireException {
            if (!healed) {
                faults();
            }
            while (!queue.isEmpty() && queue.peek().at <= now) {
                deliver(queue.poll());
            }
            for (Peer peer : peers) {
                if (peer.raft != null && now >= peer.raft.nextTickAt()) {
                    peer.raft.tick(now);
                    check(peer);
                }
            }
            for (Peer peer : peers) {
                Raft raft = peer.raft;
                // The real node proposes only once everything before is committed (and applied).
                if (raft != null && raft.role() == Raft.Role.LEADER && raft.commitLength() == peer.log.length()
                        && random.nextDouble() < 0.2) {
                    List<EntryId> entries = random.nextInt(5) == 0 ? List.of() : List.of(new EntryId(writer, writerSeq++));
                    Batch batch = new Batch(peer.log.length(), raft.term(), entries);
                    raft.propose(batch, now);
                    if (healed) {
                        healProposals.add(batch);
                    }
                    check(peer);
                }
                if (raft != null && random.nextBoolean()) {
                    // Applying lags a little behind committing.
                    peer.log.confirm(raft.commitLength());
                }
            }
        }

        /** The invariants, after an event at {@code peer}. */
        void check(Peer peer) {
            events++;
            Raft raft = peer.raft;
            MemoryRaftLog log = peer.log;
            long term = raft.term();
            assertThat(term).as("%s: peer %d's term goes down", where(), peer.index).isGreaterThanOrEqualTo(peer.lastTerm);
            peer.lastTerm = term;
            if (raft.role() == Raft.Role.LEADER) {
                Integer leader = leaders.putIfAbsent(term, peer.index);
                assertThat(leader == null ? peer.index : leader)
                        .as("%s: two leaders in term %d", where(), term).isEqualTo(peer.index);
                assertThat(raft.leader()).as("%s: leader %d knows itself", where(), peer.index).contains(peer.key);
            }
            raft.leader().ifPresent(leader -> {
                Integer known = leaders.get(term);
                if (known != null) {
                    assertThat(leader).as("%s: peer %d follows a non-leader of term %d", where(), peer.index, term)
                            .isEqualTo(peers.get(known).key);
                }
            });
            long length = log.length();
            long commit = raft.commitLength();
            assertThat(commit).as("%s: peer %d's commit length goes down", where(), peer.index)
                    .isGreaterThanOrEqualTo(peer.lastCommit);
            assertThat(commit).as("%s: peer %d commits more than it holds", where(), peer.index)
                    .isLessThanOrEqualTo(length);
            peer.lastCommit = commit;
            long changed = log.takeLowestChange();
            if (changed != Long.MAX_VALUE) {
                for (long i = Math.max(0, changed - 1); i < length; i++) {
                    Batch batch = log.batch(i);
                    assertThat(batch.number()).as("%s: peer %d's batch %d", where(), peer.index, i).isEqualTo(i);
                    assertThat(batch.term()).as("%s: peer %d's log has a batch of a later term than its own", where(),
                            peer.index).isLessThanOrEqualTo(term);
                    if (i > 0) {
                        assertThat(batch.term()).as("%s: peer %d's log goes down in term at %d", where(), peer.index, i)
                                .isGreaterThanOrEqualTo(log.batch(i - 1).term());
                    }
                }
            }
            // Every committed batch, here and anywhere before, is the same; a change below the commit is re-checked.
            for (long i = Math.min(changed, peer.checkedCommit); i < commit; i++) {
                Batch batch = log.batch(i);
                if (i < committed.size()) {
                    assertThat(batch).as("%s: peer %d's committed batch %d", where(), peer.index, i)
                            .isEqualTo(committed.get((int) i));
                } else {
                    committed.add(batch);
                }
            }
            peer.checkedCommit = commit;
        }

        /** True once every peer has committed a batch proposed after healing. */
        boolean healProposalCommittedEverywhere() {
            long everywhere = peers.stream().mapToLong(peer -> peer.raft.commitLength()).min().orElseThrow();
            for (; healScan < everywhere; healScan++) {
                if (healProposals.contains(committed.get((int) healScan))) {
                    return true;
                }
            }
            return false;
        }

        void run() throws StoreException, WireException {
            for (Peer peer : peers) {
                start(peer);
            }
            for (now = 0; now < CHAOS_MILLIS; now++) {
                step();
            }
            heal();
            long healedAt = now;
            for (; !healProposalCommittedEverywhere(); now++) {
                assertThat(now - healedAt).as("%s: nothing new committed everywhere %d ms after healing (%d voters)",
                        where(), HEAL_BOUND_MILLIS, peers.size()).isLessThan(HEAL_BOUND_MILLIS);
                step();
            }
            // Committed prefixes agree pairwise (the record above already implies it; checked plainly here).
            for (Peer a : peers) {
                for (Peer b : peers) {
                    long common = Math.min(a.raft.commitLength(), b.raft.commitLength());
                    assertThat(a.log.all().subList(0, (int) common)).as("%s: peers %d and %d", where(), a.index, b.index)
                            .isEqualTo(b.log.all().subList(0, (int) common));
                }
            }
        }

        /** What the run did, to compare two runs of one seed. */
        String fingerprint() {
            StringBuilder out = new StringBuilder().append(events).append(' ').append(now).append(' ').append(leaders);
            for (Peer peer : peers) {
                out.append(' ').append(peer.log.all()).append(peer.log.currentTerm());
            }
            return out.toString();
        }
    }

    private static Simulation runSeed(long seed) {
        Simulation simulation = new Simulation(seed);
        try {
            simulation.run();
        } catch (Throwable e) {
            throw new AssertionError("Raft simulation failed on seed " + seed + " at " + simulation.now
                    + " ms; replay it with -Dintercom.simulation.first-seed=" + seed
                    + " -Dintercom.raft.simulation.seeds=1: " + e.getMessage(), e);
        }
        return simulation;
    }

    @Test
    void safeUnderLossReorderingPartitionsAndCrashesAndLiveOnceHealed() {
        long committedTotal = 0;
        long terms = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            Simulation simulation = runSeed(seed);
            committedTotal += simulation.committed.size();
            terms += simulation.leaders.size();
        }
        // The runs did something: batches were committed and leadership changed hands (on average:
        // a replayed single seed may be a quiet one).
        if (SEEDS >= 20) {
            assertThat(committedTotal).isGreaterThan(SEEDS * 20L);
            assertThat(terms).isGreaterThan(SEEDS * 3L);
        }
    }

    @Test
    void aSeedReplaysExactly() {
        long seed = FIRST_SEED + 1;
        assertThat(runSeed(seed).fingerprint()).isEqualTo(runSeed(seed).fingerprint());
    }

    // ---------------------------------------------------------------------------------------------
    // Focused scenarios, stepped by hand
    // ---------------------------------------------------------------------------------------------

    private record Sent(Bytes32 from, Bytes32 to, RaftMessage message) {}

    /** Peers whose messages wait in one FIFO queue until a test delivers them. */
    private static final class Cluster {
        final List<Bytes32> voters;
        final Map<Bytes32, MemoryRaftLog> logs = new LinkedHashMap<>();
        final Map<Bytes32, Raft> rafts = new LinkedHashMap<>();
        final List<Sent> queue = new ArrayList<>();
        final List<Sent> delivered = new ArrayList<>();
        final Set<Bytes32> down = new HashSet<>();
        final Random random = new Random(42);

        Cluster(int count) {
            List<Bytes32> keys = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                keys.add(key(i));
            }
            voters = List.copyOf(keys);
            for (Bytes32 key : voters) {
                logs.put(key, new MemoryRaftLog());
            }
        }

        Bytes32 voter(int i) {
            return voters.get(i);
        }

        Raft start(Bytes32 key, long committed, long now) {
            down.remove(key);
            Raft raft = new Raft(key, logs.get(key), committed, () -> voters, new Random(random.nextLong()), TIMING,
                    (to, message) -> queue.add(new Sent(key, to, message)), now);
            rafts.put(key, raft);
            return raft;
        }

        void startAll(long now) {
            voters.forEach(key -> start(key, 0, now));
        }

        Raft raft(Bytes32 key) {
            return rafts.get(key);
        }

        void crash(Bytes32 key) {
            down.add(key);
            rafts.remove(key);
        }

        /** Delivers queued messages that {@code which} accepts, and what they cause, in order; crashed peers get none. */
        void deliver(long now, Predicate<RaftMessage> which) throws StoreException {
            for (boolean any = true; any; ) {
                any = false;
                for (int i = 0; i < queue.size(); i++) {
                    Sent sent = queue.get(i);
                    if (which.test(sent.message)) {
                        queue.remove(i);
                        if (!down.contains(sent.to) && !down.contains(sent.from)) {
                            delivered.add(sent);
                            rafts.get(sent.to).receive(sent.from, sent.message, now);
                        }
                        any = true;
                        break;
                    }
                }
            }
        }

        void deliverAll(long now) throws StoreException {
            deliver(now, message -> true);
        }

        /** Lets {@code key}'s election timer run out, and delivers everything that follows. */
        long elect(Bytes32 key, long now) throws StoreException {
            long at = Math.max(now, raft(key).nextTickAt());
            raft(key).tick(at);
            deliverAll(at);
            return at;
        }

        /** The leader's next heartbeat round, delivered. */
        long heartbeat(Bytes32 leader, long now) throws StoreException {
            long at = Math.max(now, raft(leader).nextTickAt());
            raft(leader).tick(at);
            deliverAll(at);
            return at;
        }

        List<Sent> deliveredTo(Bytes32 to, Class<? extends RaftMessage> type) {
            return delivered.stream().filter(sent -> sent.to.equals(to) && type.isInstance(sent.message)).toList();
        }
    }

    private static Batch batch(long number, long term) {
        return new Batch(number, term, List.of(new EntryId(key(99), number)));
    }

    @Test
    void aSingleVoterElectsItselfOnTheFirstTickAndCommitsAtOnce() throws Exception {
        Cluster cluster = new Cluster(1);
        Bytes32 only = cluster.voter(0);
        Raft raft = cluster.start(only, 0, 0);
        assertThat(raft.role()).isEqualTo(Raft.Role.FOLLOWER);
        raft.tick(0);
        assertThat(raft.role()).isEqualTo(Raft.Role.LEADER);
        assertThat(raft.term()).isEqualTo(1);
        assertThat(raft.leader()).contains(only);
        assertThat(cluster.logs.get(only).votedFor()).contains(only);
        assertThat(cluster.logs.get(only).length()).as("nothing inherited, so no empty batch").isZero();
        raft.propose(batch(0, 1), 0);
        assertThat(raft.commitLength()).isEqualTo(1);
        raft.propose(batch(1, 1), 0);
        assertThat(raft.commitLength()).isEqualTo(2);
        assertThat(cluster.queue).as("no one to send to").isEmpty();

        // Restarted without knowing what it committed: its first tick re-elects it, and an empty batch commits all.
        Raft restarted = cluster.start(only, 0, 5);
        restarted.tick(5);
        assertThat(restarted.role()).isEqualTo(Raft.Role.LEADER);
        assertThat(restarted.term()).isEqualTo(2);
        assertThat(cluster.logs.get(only).all()).containsExactly(batch(0, 1), batch(1, 1), new Batch(2, 2, List.of()));
        assertThat(restarted.commitLength()).isEqualTo(3);
    }

    @Test
    void proposingIsOnlyForTheLeaderAndOnlyForTheNextBatchOfItsTerm() throws Exception {
        Cluster cluster = new Cluster(3);
        cluster.startAll(0);
        Bytes32 a = cluster.voter(0);
        Bytes32 b = cluster.voter(1);
        cluster.elect(a, 0);
        assertThat(cluster.raft(a).role()).isEqualTo(Raft.Role.LEADER);
        assertThatThrownBy(() -> cluster.raft(b).propose(batch(0, 1), 500))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cluster.raft(a).propose(batch(1, 1), 500))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cluster.raft(a).propose(batch(0, 2), 500))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cluster.logs.get(a).length()).isZero();
    }

    @Test
    void afterTheLeaderCrashesTheMajorityElectsAnotherAndKeepsCommitting() throws Exception {
        Cluster cluster = new Cluster(3);
        cluster.startAll(0);
        Bytes32 a = cluster.voter(0);
        long now = cluster.elect(a, 0);
        Raft first = cluster.raft(a);
        assertThat(first.role()).isEqualTo(Raft.Role.LEADER);
        assertThat(first.term()).isEqualTo(1);
        first.propose(batch(0, 1), now);
        cluster.deliverAll(now);
        assertThat(first.commitLength()).isEqualTo(1);
        now = cluster.heartbeat(a, now);
        for (Raft raft : cluster.rafts.values()) {
            assertThat(raft.commitLength()).isEqualTo(1);
            assertThat(raft.leader()).contains(a);
        }

        cluster.crash(a);
        Bytes32 next = cluster.rafts.keySet().stream()
                .min((x, y) -> Long.compare(cluster.raft(x).nextTickAt(), cluster.raft(y).nextTickAt())).orElseThrow();
        now = cluster.elect(next, now);
        Raft second = cluster.raft(next);
        assertThat(second.role()).isEqualTo(Raft.Role.LEADER);
        assertThat(second.term()).isEqualTo(2);
        Bytes32 other = cluster.rafts.keySet().stream().filter(key -> !key.equals(next)).findFirst().orElseThrow();
        assertThat(cluster.raft(other).leader()).contains(next);
        assertThat(cluster.logs.get(next).length()).as("everything it holds is committed: no empty batch").isEqualTo(1);
        second.propose(batch(1, 2), now);
        cluster.deliverAll(now);
        assertThat(second.commitLength()).isEqualTo(2);
        second.propose(batch(2, 2), now);
        cluster.deliverAll(now);
        assertThat(second.commitLength()).isEqualTo(3);

        // The old leader comes back with its log but no memory, and follows.
        Raft back = cluster.start(a, 0, now);
        now = cluster.heartbeat(next, now);
        now = cluster.heartbeat(next, now + 1);
        assertThat(back.role()).isEqualTo(Raft.Role.FOLLOWER);
        assertThat(back.term()).isEqualTo(2);
        assertThat(back.leader()).contains(next);
        assertThat(cluster.logs.get(a).all()).isEqualTo(cluster.logs.get(next).all());
        assertThat(back.commitLength()).isEqualTo(3);
    }

    @Test
    void aNewLeaderCommitsInheritedBatchesOnlyThroughAnEmptyBatchOfItsTerm() throws Exception {
        Cluster cluster = new Cluster(3);
        Bytes32 a = cluster.voter(0);
        Bytes32 b = cluster.voter(1);
        Bytes32 c = cluster.voter(2);
        List<Batch> inherited = List.of(batch(0, 1), batch(1, 1));
        cluster.logs.put(a, new MemoryRaftLog(1, inherited));
        cluster.logs.put(b, new MemoryRaftLog(1, inherited));
        cluster.logs.put(c, new MemoryRaftLog(1, List.of()));
        cluster.startAll(0);
        Raft leader = cluster.raft(a);
        long now = leader.nextTickAt();
        leader.tick(now);
        cluster.deliver(now, message -> message instanceof RaftMessage.VoteRequest
                || message instanceof RaftMessage.VoteReply);
        assertThat(leader.role()).isEqualTo(Raft.Role.LEADER);
        assertThat(leader.term()).isEqualTo(2);
        assertThat(cluster.logs.get(a).all()).containsExactly(batch(0, 1), batch(1, 1), new Batch(2, 2, List.of()));
        assertThat(leader.commitLength()).isZero();

        // A majority holding the inherited batches (b does hold both) is not enough: they are of an earlier term.
        leader.receive(b, new RaftMessage.AppendReply(2, true, 2), now);
        assertThat(leader.commitLength()).isZero();
        // A majority holding the empty batch of this term commits it and everything before.
        cluster.deliverAll(now);
        assertThat(cluster.deliveredTo(a, RaftMessage.AppendReply.class)).extracting(Sent::message)
                .contains(new RaftMessage.AppendReply(2, true, 3));
        assertThat(leader.commitLength()).isEqualTo(3);
        now = cluster.heartbeat(a, now);
        for (Bytes32 key : List.of(b, c)) {
            assertThat(cluster.logs.get(key).all()).isEqualTo(cluster.logs.get(a).all());
            assertThat(cluster.raft(key).commitLength()).isEqualTo(3);
        }
        // Everything is committed: the next leader proposes a real batch.
        leader.propose(batch(3, 2), now);
        cluster.deliverAll(now);
        assertThat(leader.commitLength()).isEqualTo(4);
    }

    @Test
    void aVoteRequestFromANonVoterIsIgnored() throws Exception {
        Cluster cluster = new Cluster(3);
        cluster.startAll(0);
        Bytes32 a = cluster.voter(0);
        Bytes32 stranger = key(77);
        Raft raft = cluster.raft(a);
        raft.receive(stranger, new RaftMessage.VoteRequest(9, 5, 8), 10);
        assertThat(raft.term()).isZero();
        assertThat(cluster.logs.get(a).votedFor()).isEmpty();
        assertThat(raft.role()).isEqualTo(Raft.Role.FOLLOWER);
        assertThat(cluster.queue).isEmpty();

        // The same request from a voter moves the term and gets the vote.
        raft.receive(cluster.voter(1), new RaftMessage.VoteRequest(9, 5, 8), 10);
        assertThat(raft.term()).isEqualTo(9);
        assertThat(cluster.logs.get(a).votedFor()).contains(cluster.voter(1));
        assertThat(cluster.queue).containsExactly(new Sent(a, cluster.voter(1), new RaftMessage.VoteReply(9, true)));
    }

    @Test
    void aTermSeenOnAConfirmedBatchIsNeverStoodForAgain() throws Exception {
        // a learned of a batch of term 4 without any message of that term (it came confirmed).
        Cluster cluster = new Cluster(3);
        Bytes32 a = cluster.voter(0);
        cluster.logs.put(a, new MemoryRaftLog(0, List.of(batch(0, 4))));
        cluster.startAll(0);
        Raft raft = cluster.raft(a);
        raft.observe(4);
        assertThat(raft.term()).isEqualTo(4);
        assertThat(cluster.logs.get(a).votedFor()).isEmpty();
        raft.observe(2);
        assertThat(raft.term()).as("an older term changes nothing").isEqualTo(4);
        cluster.elect(a, 0);
        assertThat(raft.role()).isEqualTo(Raft.Role.LEADER);
        assertThat(raft.term()).as("its election is of a later term than the batch's").isEqualTo(5);
    }

    @Test
    void aVoterGrantsOneVotePerTermAndOnlyToUpToDateCandidates() throws Exception {
        Cluster cluster = new Cluster(3);
        Bytes32 a = cluster.voter(0);
        Bytes32 b = cluster.voter(1);
        Bytes32 c = cluster.voter(2);
        cluster.logs.put(a, new MemoryRaftLog(2, List.of(batch(0, 1), batch(1, 2))));
        cluster.startAll(0);
        Raft raft = cluster.raft(a);
        // Behind: a lower last term, or the same last term and a shorter log.
        raft.receive(b, new RaftMessage.VoteRequest(3, 5, 1), 0);
        raft.receive(b, new RaftMessage.VoteRequest(3, 1, 2), 0);
        assertThat(cluster.queue).extracting(Sent::message).containsExactly(new RaftMessage.VoteReply(3, false),
                new RaftMessage.VoteReply(3, false));
        assertThat(cluster.logs.get(a).votedFor()).isEmpty();
        cluster.queue.clear();
        raft.receive(b, new RaftMessage.VoteRequest(3, 2, 2), 0);
        raft.receive(b, new RaftMessage.VoteRequest(3, 2, 2), 0);
        raft.receive(c, new RaftMessage.VoteRequest(3, 9, 3), 0);
        assertThat(cluster.queue).extracting(Sent::message).containsExactly(new RaftMessage.VoteReply(3, true),
                new RaftMessage.VoteReply(3, true), new RaftMessage.VoteReply(3, false));
        assertThat(cluster.logs.get(a).votedFor()).contains(b);
    }

    @Test
    void aFollowerRejectsAMismatchedPreviousTermAndTheLeaderBacksUpUntilTheLogsMatch() throws Exception {
        Cluster cluster = new Cluster(3);
        Bytes32 a = cluster.voter(0);
        Bytes32 b = cluster.voter(1);
        Bytes32 c = cluster.voter(2);
        // b led term 2 and appended two batches nobody else got.
        cluster.logs.put(a, new MemoryRaftLog(2, List.of(batch(0, 1), batch(1, 1))));
        cluster.logs.put(b, new MemoryRaftLog(2, List.of(batch(0, 1), batch(1, 2), batch(2, 2))));
        cluster.logs.put(c, new MemoryRaftLog(2, List.of(batch(0, 1), batch(1, 1))));
        cluster.startAll(0);
        long now = cluster.elect(a, 0);
        Raft leader = cluster.raft(a);
        assertThat(leader.role()).isEqualTo(Raft.Role.LEADER);
        assertThat(leader.term()).isEqualTo(3);
        assertThat(cluster.deliveredTo(a, RaftMessage.VoteReply.class)).extracting(Sent::message)
                .contains(new RaftMessage.VoteReply(3, false));

        List<RaftMessage> fromB = cluster.deliveredTo(a, RaftMessage.AppendReply.class).stream()
                .filter(sent -> sent.from.equals(b)).map(Sent::message).toList();
        assertThat(fromB).as("b rejects at 3 (its batch 2 is of term 2), then at 2 (its batch 1 too), then matches")
                .containsSubsequence(new RaftMessage.AppendReply(3, false, 2), new RaftMessage.AppendReply(3, false, 1),
                        new RaftMessage.AppendReply(3, true, 3));
        assertThat(cluster.logs.get(b).all()).isEqualTo(cluster.logs.get(a).all())
                .containsExactly(batch(0, 1), batch(1, 1), new Batch(2, 3, List.of()));
        assertThat(leader.commitLength()).isEqualTo(3);
        cluster.heartbeat(a, now);
        assertThat(cluster.raft(b).commitLength()).isEqualTo(3);
        assertThat(cluster.raft(c).commitLength()).isEqualTo(3);
    }

    @Test
    void aStaleTermAppendIsRejectedWithTheCurrentTerm() throws Exception {
        Cluster cluster = new Cluster(3);
        Bytes32 a = cluster.voter(0);
        Bytes32 b = cluster.voter(1);
        cluster.logs.put(b, new MemoryRaftLog(5, List.of()));
        cluster.startAll(0);
        Raft raft = cluster.raft(b);
        raft.receive(a, new RaftMessage.Append(3, 0, 0, List.of(batch(0, 3)), 1), 10);
        assertThat(cluster.queue).containsExactly(new Sent(b, a, new RaftMessage.AppendReply(5, false, 0)));
        assertThat(raft.term()).isEqualTo(5);
        assertThat(raft.leader()).isEmpty();
        assertThat(raft.commitLength()).isZero();
        assertThat(cluster.logs.get(b).length()).isZero();

        // The stale leader learns of the later term from that reply and steps down.
        cluster.queue.clear();
        cluster.logs.put(a, new MemoryRaftLog(0, List.of()));
        Raft stale = cluster.start(a, 0, 0);
        stale.tick(stale.nextTickAt());
        assertThat(stale.role()).isEqualTo(Raft.Role.CANDIDATE);
        stale.receive(b, new RaftMessage.AppendReply(5, false, 0), stale.nextTickAt());
        assertThat(stale.role()).isEqualTo(Raft.Role.FOLLOWER);
        assertThat(stale.term()).isEqualTo(5);
    }

    @Test
    void aCandidateStepsDownOnAnAppendOfItsTerm() throws Exception {
        Cluster cluster = new Cluster(3);
        cluster.startAll(0);
        Bytes32 a = cluster.voter(0);
        Bytes32 b = cluster.voter(1);
        Raft raft = cluster.raft(a);
        raft.tick(raft.nextTickAt());
        assertThat(raft.role()).isEqualTo(Raft.Role.CANDIDATE);
        assertThat(raft.term()).isEqualTo(1);
        cluster.queue.clear();
        raft.receive(b, new RaftMessage.Append(1, 0, 0, List.of(), 0), raft.nextTickAt());
        assertThat(raft.role()).isEqualTo(Raft.Role.FOLLOWER);
        assertThat(raft.leader()).contains(b);
        assertThat(cluster.queue).containsExactly(new Sent(a, b, new RaftMessage.AppendReply(1, true, 0)));
        assertThat(raft.term()).isEqualTo(1);
    }
}
