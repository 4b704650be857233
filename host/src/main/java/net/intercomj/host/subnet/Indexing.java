package net.intercomj.host.subnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.apply.AppliedBatch;
import net.intercomj.host.subnet.apply.SubnetState;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.subnet.order.Batch;
import net.intercomj.host.subnet.order.BatchProposer;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedLog;
import net.intercomj.host.subnet.raft.Raft;
import net.intercomj.host.subnet.raft.RaftMessage;
import net.intercomj.host.subnet.raft.RaftStore;
import net.intercomj.host.subnet.replication.ReplicationMessage;
import net.intercomj.host.wallet.Ed25519Keys;

/**
 * What a peer does towards ordering while it is an indexer: it runs {@link Raft} with the other
 * indexers; as leader it proposes the next batch once the one before is confirmed (one batch in
 * flight, so a membership change always takes effect before the next batch is proposed); it
 * applies the next batch in memory as soon as it may sign it (see {@link #signable}), signs the
 * checkpoint after it, sends the signature to every peer, and hands the batch to be stored once a
 * majority of the indexers signed the same checkpoint. A majority of signatures proves the batch
 * committed, so the confirmed log holds only committed batches, and only batches that readers
 * accept.
 *
 * <p>It opens no socket and reads no clock, so the subnet's simulation drives it as the peer
 * does. One thread drives it, except {@link #onSignature}, which any thread may call.
 */
final class Indexing {

    /** Where its messages go. */
    interface Outbox {
        /** A Raft message for one indexer. */
        void toIndexer(Bytes32 to, RaftMessage message);

        /** This indexer's checkpoint signature, for every peer. */
        void toAll(ReplicationMessage.CheckpointSignature signature);

        /** A committed batch names entries of {@code writer} that are not here yet. */
        void missing(Bytes32 writer);
    }

    /** Stores a batch that a majority of the indexers signed: confirmed log, then view. */
    interface Store {
        void store(ConfirmedBatch confirmed, AppliedBatch applied) throws StoreException;
    }

    /** Batches beyond the confirmed one whose signatures are kept while they arrive early. */
    private static final int SIGNATURE_WINDOW = 64;

    private final Bytes32 subnet;
    private final Bytes32 self;
    private final UnaryOperator<byte[]> sign;
    private final WriterLogStore logs;
    private final ConfirmedLog confirmedLog;
    private final RaftStore raftLog;
    private final SubnetState state;
    private final Supplier<List<Bytes32>> voters;
    private final Raft.Timing timing;
    private final Outbox outbox;
    private final BatchProposer proposer;
    private final Raft raft;
    /** Other indexers' signatures of checkpoints not yet confirmed here, by batch number. */
    private final Map<Long, Map<Bytes32, ConfirmedBatch.IndexerSignature>> signatures = new ConcurrentHashMap<>();
    // The committed batch applied in memory and signed, waiting for a majority of signatures.
    private Signing signing;

    /** A committed batch applied in memory, with this indexer's signature, waiting for others'. */
    private record Signing(AppliedBatch applied, ConfirmedBatch.IndexerSignature own, long sentAt) {
        long number() {
            return applied.batch().number();
        }
    }

    /**
     * @param sign            signs with this peer's writer key
     * @param voters          the indexers of the confirmed view, as it is now
     * @param changesIndexers whether an entry's op may change the indexers (a batch ends after one)
     */
    private Indexing(Bytes32 subnet, Bytes32 self, UnaryOperator<byte[]> sign, WriterLogStore logs, ConfirmedLog confirmedLog,
            RaftStore raftLog, SubnetState state, Supplier<List<Bytes32>> voters, Predicate<LogEntry> changesIndexers,
            RandomGenerator random, Raft.Timing timing, Outbox outbox, long now) {
        this.subnet = subnet;
        this.self = self;
        this.sign = sign;
        this.logs = logs;
        this.confirmedLog = confirmedLog;
        this.raftLog = raftLog;
        this.state = state;
        this.voters = voters;
        this.timing = timing;
        this.outbox = outbox;
        this.proposer = new BatchProposer(logs, confirmedLog, changesIndexers);
        this.raft = new Raft(self, raftLog, confirmedLog.batchCount(), voters, random, timing, outbox::toIndexer, now);
    }

    /** Starts indexing, with Raft's term at least that of the last confirmed batch. */
    static Indexing start(Bytes32 subnet, Bytes32 self, UnaryOperator<byte[]> sign, WriterLogStore logs,
            ConfirmedLog confirmedLog, RaftStore raftLog, SubnetState state, Supplier<List<Bytes32>> voters,
            Predicate<LogEntry> changesIndexers, RandomGenerator random, Raft.Timing timing, Outbox outbox, long now)
            throws StoreException {
        Indexing indexing = new Indexing(subnet, self, sign, logs, confirmedLog, raftLog, state, voters, changesIndexers,
                random, timing, outbox, now);
        long count = confirmedLog.batchCount();
        if (count > 0) {
            indexing.raft.observe(raftLog.termAt(count - 1));
        }
        return indexing;
    }

    /** Handles a Raft message from another indexer. */
    void receive(Bytes32 from, RaftMessage message, long now) throws StoreException {
        raft.receive(from, message, now);
    }

    /** Keeps another indexer's signature of a checkpoint until this indexer has the batch too. */
    void onSignature(ReplicationMessage.CheckpointSignature signature) {
        long confirmedCount = confirmedLog.batchCount();
        long number = signature.number();
        if (number < confirmedCount || number >= confirmedCount + SIGNATURE_WINDOW
                || !voters.get().contains(signature.signature().indexer())) {
            return;
        }
        signatures.computeIfAbsent(number, n -> new ConcurrentHashMap<>())
                .put(signature.signature().indexer(), signature.signature());
    }

    /**
     * Runs Raft's timers, stores the committed batches a majority signed and, on the leader,
     * proposes what waits.
     *
     * @return the batches stored, in order
     */
    List<AppliedBatch> step(long now, Store store) throws StoreException {
        raft.tick(now);
        List<AppliedBatch> stored = new ArrayList<>();
        confirmCommitted(now, store, stored);
        // A sole indexer commits and confirms each batch at once, so it goes on while entries wait.
        while (proposeIfLeader(now) && confirmCommitted(now, store, stored)) {
            // next batch
        }
        return stored;
    }

    /** A batch entered the confirmed log (here or from another peer): Raft's log and the signatures kept follow. */
    void confirmed(ConfirmedBatch batch) throws StoreException {
        raftLog.confirmed(batch);
        raft.observe(batch.batch().term());
        long count = confirmedLog.batchCount();
        signatures.keySet().removeIf(number -> number < count);
    }

    /** When {@link #step} next has timed work to do (an election, a heartbeat, a signature to send again). */
    long nextStepAt() {
        long next = raft.nextTickAt();
        return signing == null ? next : Math.min(next, signing.sentAt() + timing.heartbeatMillis());
    }

    /** This peer's place in Raft, for {@code /stats}. */
    SubnetStats.Consensus status() {
        boolean indexer = voters.get().contains(self);
        return new SubnetStats.Consensus(indexer ? raft.role().name().toLowerCase(Locale.ROOT) : "reader",
                raft.term(), raft.leader().map(Bytes32::toHex));
    }

    private boolean proposeIfLeader(long now) throws StoreException {
        if (raft.role() != Raft.Role.LEADER || raftLog.length() != confirmedLog.batchCount()) {
            return false;
        }
        Optional<BatchProposer.Proposal> next = proposer.propose(raft.term());
        if (next.isEmpty()) {
            return false;
        }
        raft.propose(next.get().batch(), now);
        return true;
    }

    /**
     * Signs the next batch once it may be signed, and stores it once a majority of the indexers
     * signed the same checkpoint.
     *
     * @return whether a batch was stored
     */
    private boolean confirmCommitted(long now, Store store, List<AppliedBatch> stored) throws StoreException {
        boolean progressed = false;
        while (voters.get().contains(self)) {
            long number = confirmedLog.batchCount();
            Optional<Batch> batch = signable(number);
            if (batch.isEmpty()) {
                return progressed;
            }
            if (signing == null || !signing.applied().batch().equals(batch.get())) {
                Optional<List<LogEntry>> entries = entriesOf(batch.get());
                if (entries.isEmpty()) {
                    return progressed;
                }
                AppliedBatch applied = state.compute(batch.get(), entries.get());
                ConfirmedBatch.IndexerSignature own = new ConfirmedBatch.IndexerSignature(self,
                        sign.apply(applied.checkpoint().signedBytes(subnet)));
                signing = new Signing(applied, own, now);
                outbox.toAll(new ReplicationMessage.CheckpointSignature(number, own));
            }
            List<ConfirmedBatch.IndexerSignature> valid = signaturesOf(signing);
            if (valid.size() <= voters.get().size() / 2) {
                if (now - signing.sentAt() >= timing.heartbeatMillis()) {
                    // Lost on the way, or sent before a peer was linked: send it again.
                    outbox.toAll(new ReplicationMessage.CheckpointSignature(number, signing.own()));
                    signing = new Signing(signing.applied(), signing.own(), now);
                }
                return progressed;
            }
            AppliedBatch applied = signing.applied();
            signing = null;
            store.store(new ConfirmedBatch(applied.batch(), applied.checkpoint(), valid), applied);
            stored.add(applied);
            progressed = true;
        }
        return progressed;
    }

    /**
     * Batch {@code number} of the Raft log, if this indexer may sign it: once it is committed, or
     * as soon as it holds it while the term the batch was proposed in is still its own. A batch
     * of the current term held by a majority is committed (Raft §5.4.2), so a majority of such
     * signatures proves what a commit would, a round trip earlier; a batch of an earlier term is
     * signed only once committed, since a majority holding it does not make it so (Raft's
     * figure 8).
     */
    private Optional<Batch> signable(long number) throws StoreException {
        if (raftLog.length() <= number) {
            return Optional.empty();
        }
        Batch batch = raftLog.batches(number, 1).getFirst();
        boolean committed = raft.commitLength() > number;
        // Only the leader of a term makes batches of that term, so holding one in it means the leader sent it.
        boolean ofThisTerm = batch.term() == raft.term();
        return committed || ofThisTerm ? Optional.of(batch) : Optional.empty();
    }

    /** The entries of {@code batch}, if all are here. */
    private Optional<List<LogEntry>> entriesOf(Batch batch) throws StoreException {
        List<LogEntry> entries = new ArrayList<>();
        for (EntryId id : batch.entries()) {
            Optional<LogEntry> entry = logs.get(id.writer(), id.seq());
            if (entry.isEmpty()) {
                outbox.missing(id.writer());
                return Optional.empty();
            }
            entries.add(entry.get());
        }
        return Optional.of(entries);
    }

    /** This indexer's signature and the indexers' signatures received for the same checkpoint. */
    private List<ConfirmedBatch.IndexerSignature> signaturesOf(Signing pending) {
        byte[] signed = pending.applied().checkpoint().signedBytes(subnet);
        List<Bytes32> current = voters.get();
        List<ConfirmedBatch.IndexerSignature> valid = new ArrayList<>();
        valid.add(pending.own());
        Map<Bytes32, ConfirmedBatch.IndexerSignature> received = signatures.getOrDefault(pending.number(), Map.of());
        for (ConfirmedBatch.IndexerSignature signature : received.values()) {
            if (!signature.indexer().equals(self) && current.contains(signature.indexer())
                    && Ed25519Keys.verify(signature.signature(), signed, signature.indexer().toByteArray())) {
                valid.add(signature);
            }
        }
        return valid;
    }
}
