package net.intercomj.host.subnet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import net.intercomj.api.network.Network;
import net.intercomj.api.network.Registration;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.apply.AppliedBatch;
import net.intercomj.host.subnet.apply.SubnetState;
import net.intercomj.host.subnet.log.EntryException;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ApplyPaused;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.order.CausalOrder;
import net.intercomj.host.subnet.order.Checkpoint;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedLog;
import net.intercomj.host.subnet.raft.Raft;
import net.intercomj.host.subnet.raft.RaftCodec;
import net.intercomj.host.subnet.raft.RaftMessage;
import net.intercomj.host.subnet.raft.RaftStore;
import net.intercomj.host.subnet.replication.ConsensusSignature;
import net.intercomj.host.subnet.replication.ReplicationMessage;
import net.intercomj.host.subnet.replication.SubnetReplication;
import net.intercomj.host.subnet.view.ConfirmedView;
import net.intercomj.host.subnet.view.ViewReader;
import net.intercomj.host.wallet.Ed25519Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's part in a subnet: its writer logs, the confirmed log, the views, replication with
 * the other peers, and, on the indexer, the ordering. One apply thread does all the state
 * changes, woken whenever entries or batches arrive or this peer appends; everything else only
 * reads.
 *
 * <p>The indexers agree on batches through {@link Raft} ({@link Indexing}): a batch is stored
 * in the confirmed log with the signatures of a majority of the indexers, never before, so the
 * confirmed log holds only batches readers accept.
 *
 * <p>A reader (and an indexer that is behind) takes batches from any peer, only with signatures
 * of a majority of the indexers its confirmed view names, applies them, and compares the
 * resulting checkpoint with the signed one; a difference stops its apply for good, naming the
 * batch (non-determinism or a different contract must not go unnoticed).
 */
public final class SubnetNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubnetNode.class);
    /** Unordered entries considered per writer when rebuilding the unconfirmed view. */
    private static final int PENDING_PER_WRITER = 4096;

    /** Where a subnet's data lives and who this peer is in it. */
    public record Config(Path folder, Bytes32 subnet, byte[] topic, WriterKey writerKey) {}

    private final Bytes32 subnet;
    private final WriterKey writerKey;
    private final Bytes32 self;
    private final WriterLogStore logs;
    private final ConfirmedLog confirmedLog;
    private final ConfirmedView view;
    private final SubnetState state;
    private final Consumer<String> applyLog;
    private final Map<EntryId, CompletableFuture<OpResult>> waiting = new ConcurrentHashMap<>();
    private final TreeMap<Long, ConfirmedBatch> received = new TreeMap<>();
    private final List<Runnable> viewListeners = new CopyOnWriteArrayList<>();
    private volatile RequestHandler requestHandler = (body, reply) -> { };
    private final List<ReplyListener> replyListeners = new CopyOnWriteArrayList<>();
    private final Set<EntryId> appendedForOthers = ConcurrentHashMap.newKeySet();
    private final Set<String> writerRequestsAppended = ConcurrentHashMap.newKeySet();
    private final Set<Bytes32> namedByReceivedBatches = ConcurrentHashMap.newKeySet();
    private volatile SubnetReplication replication;

    /** How often an idle leader sends, and how long followers wait before an election; the same on every indexer. */
    static final Raft.Timing RAFT_TIMING = new Raft.Timing(100, 600);
    private final RaftStore raftLog;
    private Indexing indexing;
    private volatile List<Bytes32> voters = List.of();
    private volatile SubnetStats.Consensus consensus = new SubnetStats.Consensus("reader", 0, Optional.empty());
    private final ConcurrentLinkedQueue<Inbound> raftInbox = new ConcurrentLinkedQueue<>();

    /** A Raft message received, to be handled on the apply thread. */
    private record Inbound(Bytes32 from, byte[] message) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    // Guarded by lock.
    private boolean signalled;
    private boolean closed;
    private final ReentrantLock appendLock = new ReentrantLock();
    private volatile String halted;
    // Why apply waits (for a contract version or an MSB record this peer lacks), or null; resume() retries.
    private volatile String paused;
    // The last pause reason shown, so a retry that pauses again at the same op stays quiet.
    private volatile String lastPause;
    // Counts resume() calls, so a step that pauses after a contract arrived mid-step retries at once.
    private final AtomicLong resumes = new AtomicLong();
    private final AtomicLong batchesAvailable = new AtomicLong();
    // Whether entries were stored since the unconfirmed view was last brought up to date.
    private final AtomicBoolean entriesArrived = new AtomicBoolean(true);
    private final PendingEntries pending;
    private final CatchUpProgress progress = new CatchUpProgress(System::nanoTime);
    // Whether to (re)send the request to become a writer when auto-add is on: at start and on each new peer.
    private volatile boolean writerRequestDue = true;
    private Thread applyThread;

    private SubnetNode(Config config, WriterLogStore logs, ConfirmedLog confirmedLog, RaftStore raftLog,
            ConfirmedView view, SubnetState state, Consumer<String> applyLog) {
        this.subnet = config.subnet();
        this.writerKey = config.writerKey();
        this.self = Bytes32.of(config.writerKey().publicKey());
        this.logs = logs;
        this.confirmedLog = confirmedLog;
        this.view = view;
        this.state = state;
        this.raftLog = raftLog;
        this.pending = new PendingEntries(logs, PENDING_PER_WRITER);
        this.applyLog = applyLog;
    }

    /**
     * Opens the subnet's stores in {@code config.folder()}, finishes applying what the confirmed
     * log holds beyond the view (after a crash), and starts replicating and applying.
     *
     * @param ops      the op types this subnet runs
     * @param applyLog receives the apply log's lines ({@code Admin added: …}) of confirmed ops
     */
    public static SubnetNode start(Config config, Network network, OpApplier ops, Consumer<String> applyLog)
            throws StoreException {
        WriterLogStore logs = WriterLogStore.open(config.folder().resolve("logs"), config.subnet());
        ConfirmedLog confirmedLog = null;
        RaftStore raftLog = null;
        ConfirmedView view = null;
        try {
            confirmedLog = ConfirmedLog.open(config.folder().resolve("confirmed"));
            raftLog = RaftStore.open(config.folder().resolve("raft"), confirmedLog);
            view = ConfirmedView.open(config.folder().resolve("view"));
            SubnetState state = new SubnetState(ops, view, checkpointAfter(confirmedLog, view.appliedBatches()));
            SubnetNode node = new SubnetNode(config, logs, confirmedLog, raftLog, view, state, applyLog);
            try {
                node.catchUpView();
                node.updateUnconfirmed(List.of());
            } catch (ApplyPaused e) {
                // A stored op needs what this peer gets only later (its MSB starts after the subnet,
                // a contract may still load): apply waits there, and resume() retries.
                node.pause(e.getMessage());
            }
            node.voters = node.readVoters();
            node.indexing = Indexing.start(config.subnet(), node.self, config.writerKey()::sign, logs, confirmedLog, raftLog,
                    state, () -> node.voters, Membership::mayChangeIndexers, new SplittableRandom(), RAFT_TIMING,
                    node.new IndexingOutbox(), now());
            node.replication = SubnetReplication.start(network, logs, confirmedLog, config.subnet(), node.self,
                    config.topic(),
                    new SubnetReplication.Listener() {
                        @Override
                        public void onStored(LogEntry entry) {
                            node.pending.stored(entry);
                            node.entriesArrived.set(true);
                            node.signal();
                        }

                        @Override
                        public void onBatches(List<ConfirmedBatch> batches) {
                            node.receive(batches);
                        }

                        @Override
                        public void onWriterRequest(String op) {
                            node.onWriterRequest(op);
                        }

                        @Override
                        public void onPeer() {
                            node.askToWriteAgain();
                        }

                        @Override
                        public boolean acceptsWriter(Bytes32 writer) {
                            return node.acceptsWriter(writer);
                        }

                        @Override
                        public void onBatchesAvailable(long count) {
                            node.batchesAvailable.accumulateAndGet(count, Math::max);
                        }

                        @Override
                        public void onConsensus(Bytes32 from, byte[] message) {
                            node.raftInbox.add(new Inbound(from, message));
                            node.signal();
                        }

                        @Override
                        public void onRequest(String body, Consumer<String> reply) {
                            node.requestHandler.onRequest(body, reply);
                        }

                        @Override
                        public void onReply(long id, String body) {
                            node.replyListeners.forEach(listener -> listener.onReply(id, body));
                        }

                        @Override
                        public void onCheckpointSignature(ReplicationMessage.CheckpointSignature signature) {
                            node.indexing.onSignature(signature);
                            node.signal();
                        }
                    });
            node.applyThread = Thread.ofVirtual().name("subnet-apply " + config.subnet().shortHex())
                    .start(node::applyLoop);
            node.signal();
            return node;
        } catch (StoreException | RuntimeException e) {
            if (view != null) {
                view.close();
            }
            if (raftLog != null) {
                raftLog.close();
            }
            if (confirmedLog != null) {
                confirmedLog.close();
            }
            logs.close();
            throw e;
        }
    }

    // ---- what others see

    public Bytes32 subnet() {
        return subnet;
    }

    /** This peer's writer key. */
    public Bytes32 writerKey() {
        return self;
    }

    public ViewReader confirmed() {
        return state.confirmed();
    }

    public ViewReader unconfirmed() {
        return state.unconfirmed();
    }

    /** Whether this peer may append, as far as it knows (its unconfirmed view). */
    public boolean isWriter() {
        return Membership.isWriter(state.unconfirmed(), self.toHex());
    }

    /** Whether this peer is an indexer in its confirmed view. */
    public boolean isIndexer() {
        return voters.contains(self);
    }

    /** Why apply stopped, if it did. */
    public Optional<String> halted() {
        return Optional.ofNullable(halted);
    }

    /** Numbers for {@code /stats}. */
    public SubnetStats stats() {
        long known = logs.lengths().values().stream().mapToLong(Long::longValue).sum();
        long confirmedEntries = confirmedLog.lengths().values().stream().mapToLong(Long::longValue).sum();
        return new SubnetStats(logs.lengths().size(), Membership.writerCount(state.confirmed()), indexers(),
                known, confirmedEntries, confirmedLog.batchCount(), view.appliedBatches(), state.rollbacks(),
                replication == null ? 0 : replication.peerCount(), halted, paused, consensus);
    }

    // ---- appending

    /**
     * Appends {@code op} to this peer's log and replicates it.
     *
     * @return a future completed with the op's result once it is confirmed and applied
     * @throws SubnetException if this peer is not a writer, or the op is too large
     */
    public CompletableFuture<OpResult> append(JsonNode op) throws SubnetException {
        return append(op, true);
    }

    /** @param own whether the op is this peer's (its rejection is shown) or one appended for another peer */
    private CompletableFuture<OpResult> append(JsonNode op, boolean own) throws SubnetException {
        if (!isWriter()) {
            throw new SubnetException("Peer is not writable.");
        }
        appendLock.lock();
        try {
            long length = logs.length(self);
            LogEntry previous = length == 0 ? null : logs.get(self, length - 1).orElseThrow();
            List<EntryId> heads = new ArrayList<>();
            for (Map.Entry<Bytes32, Long> log : logs.lengths().entrySet()) {
                if (!log.getKey().equals(self) && log.getValue() > 0 && heads.size() < LogEntry.MAX_HEADS) {
                    heads.add(new EntryId(log.getKey(), log.getValue() - 1));
                }
            }
            LogEntry entry;
            try {
                entry = LogEntry.append(subnet, self, previous, heads, System.currentTimeMillis(), CanonicalJson.write(op),
                        writerKey::sign);
            } catch (IllegalArgumentException e) {
                throw new SubnetException("Cannot append: " + e.getMessage(), e);
            }
            CompletableFuture<OpResult> result = new CompletableFuture<>();
            waiting.put(entry.id(), result);
            if (!own) {
                appendedForOthers.add(entry.id());
            }
            try {
                replication.append(entry);
            } catch (EntryException e) {
                waiting.remove(entry.id());
                throw new SubnetException("Cannot append: " + e.getMessage(), e);
            }
            pending.stored(entry);
            entriesArrived.set(true);
            signal();
            return result;
        } catch (StoreException e) {
            throw new SubnetException("Cannot append: " + e.getMessage(), e);
        } finally {
            appendLock.unlock();
        }
    }

    // ---- the apply thread

    private void signal() {
        lock.lock();
        try {
            signalled = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whose logs to replicate: writers of the unconfirmed view, and writers named by confirmed
     * batches received (whose entries must be here to apply them, even if they are writers no more).
     */
    private boolean acceptsWriter(Bytes32 writer) {
        return Membership.isWriter(state.unconfirmed(), writer.toHex()) || namedByReceivedBatches.contains(writer);
    }

    private void receive(List<ConfirmedBatch> batches) {
        lock.lock();
        try {
            for (ConfirmedBatch batch : batches) {
                if (batch.batch().number() >= confirmedLog.batchCount()
                        && received.putIfAbsent(batch.batch().number(), batch) == null) {
                    batch.batch().entries().forEach(id -> namedByReceivedBatches.add(id.writer()));
                }
            }
            signalled = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void applyLoop() {
        while (true) {
            lock.lock();
            try {
                // Raft's timers run only on indexers; others wait for something to arrive.
                long wait = isIndexer() ? Math.max(1, indexing.nextStepAt() - now()) : Long.MAX_VALUE;
                long waitNanos = TimeUnit.MILLISECONDS.toNanos(wait);
                while (!signalled && !closed && waitNanos > 0) {
                    waitNanos = work.awaitNanos(waitNanos);
                }
                if (closed) {
                    return;
                }
                signalled = false;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            long attempt = resumes.get();
            try {
                step();
            } catch (ApplyPaused e) {
                pause(e.getMessage());
                if (resumes.get() != attempt) {
                    // What apply lacked arrived while this step ran: try again now, not at the next change.
                    resume();
                }
            } catch (StoreException | RuntimeException e) {
                halt("Subnet apply failed: " + e.getMessage());
                LOG.error("Subnet apply failed", e);
                return;
            }
        }
    }

    private static long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    /**
     * Takes in what is ready: Raft's messages and timers, batches from other peers, committed
     * batches to sign and store, the leader's next proposal, then the unconfirmed view.
     */
    private void step() throws StoreException {
        if (halted != null) {
            return;
        }
        if (paused != null) {
            stepWhilePaused();
            return;
        }
        if (view.appliedBatches() < confirmedLog.batchCount()) {
            // The catch-up at start paused: finish it before anything else.
            catchUpView();
            voters = readVoters();
            entriesArrived.set(true);
        }
        long now = now();
        for (Inbound inbound = raftInbox.poll(); inbound != null; inbound = raftInbox.poll()) {
            try {
                indexing.receive(inbound.from(), RaftCodec.decode(inbound.message()), now);
            } catch (WireException e) {
                LOG.warn("Subnet: a Raft message from indexer {} is malformed: {}", inbound.from().shortHex(), e.getMessage());
            }
        }
        List<EntryId> confirmedNow = new ArrayList<>();
        boolean progressed = acceptReceived(confirmedNow);
        if (halted != null) {
            return;
        }
        for (AppliedBatch applied : indexing.step(now, this::store)) {
            applied.batch().entries().forEach(confirmedNow::add);
            progressed = true;
        }
        if (progressed) {
            replication.announceBatches();
        }
        // Most rounds are Raft messages and signatures: the pending entries are re-read only when they changed.
        if (entriesArrived.getAndSet(false) || !confirmedNow.isEmpty()) {
            updateUnconfirmed(confirmedNow);
        }
        replication.recheckWriters();
        requestWriterIfAutoAdd();
        consensus = indexing.status();
        notifyViewListeners();
    }

    /**
     * While apply waits for a contract: confirmed batches are still applied up to the first that
     * needs it, so the confirmed view stops exactly there; nothing else runs. An indexer takes no
     * part in ordering meanwhile (its Raft messages are dropped, it sends none), so if it led,
     * the indexers that can apply elect another leader instead of waiting for it.
     */
    private void stepWhilePaused() throws StoreException {
        raftInbox.clear();
        if (view.appliedBatches() < confirmedLog.batchCount()) {
            // Paused in the catch-up at start: received batches wait until it is done.
            return;
        }
        if (acceptReceived(new ArrayList<>())) {
            notifyViewListeners();
        }
    }

    private void notifyViewListeners() {
        for (Runnable listener : viewListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A subnet view listener failed", e);
            }
        }
    }

    private void sendRaft(Bytes32 to, RaftMessage message) {
        replication.sendConsensus(ConsensusSignature.seal(subnet, self, to, RaftCodec.encode(message), writerKey::sign));
    }

    /** The indexers of the confirmed view as keys: Raft's voters. */
    private List<Bytes32> readVoters() {
        return indexers().stream().map(Bytes32::fromHex).toList();
    }

    /**
     * Calls {@code listener} on the apply thread after each round that may have changed the
     * views; it must return quickly.
     *
     * @return closing it removes the listener
     */
    public Registration onViewsChanged(Runnable listener) {
        viewListeners.add(listener);
        return () -> viewListeners.remove(listener);
    }

    // ---- requests between peers (the MSB's settlement requests travel this way)

    /** Answers requests from linked peers; it runs on the network's threads and must return quickly. */
    @FunctionalInterface
    public interface RequestHandler {
        /** A request's {@code body}; {@code reply} sends an answer back to the peer that asked. */
        void onRequest(String body, Consumer<String> reply);
    }

    /** Receives the replies to this peer's requests. */
    @FunctionalInterface
    public interface ReplyListener {
        void onReply(long id, String body);
    }

    /** Sets who answers requests; by default they go unanswered. */
    public void handleRequests(RequestHandler handler) {
        requestHandler = java.util.Objects.requireNonNull(handler, "handler");
    }

    /** Calls {@code listener} with every reply; closing the registration removes it. */
    public Registration onReplies(ReplyListener listener) {
        replyListeners.add(listener);
        return () -> replyListeners.remove(listener);
    }

    /**
     * Sends a request to every linked peer of this network.
     *
     * @return how many peers it was sent to
     */
    public int request(long id, String body) {
        return replication.request(id, body);
    }

    // ---- joining as a writer while auto-add is on (spec §2.3, with the request signed: fix of §9 item 9)

    private void askToWriteAgain() {
        writerRequestDue = true;
        signal();
    }

    /** A peer that is not a writer asks the others to add it, once per new peer, while auto-add is on. */
    private void requestWriterIfAutoAdd() {
        if (!writerRequestDue || isWriter() || !autoAddOn()) {
            return;
        }
        writerRequestDue = false;
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("key", self.toHex());
        ObjectNode op = OpSignature.sign(subnet, "autoAddWriter", self.toHex(), value, writerKey::sign);
        replication.requestWriter(CanonicalJson.write(op));
    }

    /**
     * Another peer's request to become a writer: a writer appends it when auto-add is on, the
     * request is a well-signed {@code autoAddWriter} of a key that is not a writer yet. Apply
     * checks all of it again.
     */
    private void onWriterRequest(String text) {
        try {
            JsonNode op = CanonicalJson.parse(text);
            String key = op.path("key").asText("");
            if (!isWriter() || !autoAddOn() || !"autoAddWriter".equals(op.path("type").asText(null))
                    || !OpContext.KEY_HEX.matcher(key).matches() || Membership.isWriter(state.unconfirmed(), key)
                    || !OpSignature.verify(subnet, op, key) || !writerRequestsAppended.add(key)) {
                return;
            }
            // Appended once per key, unless apply refuses it (auto-add turned off meanwhile): then a later request may retry.
            append(op, false).thenAccept(result -> {
                if (result instanceof OpResult.Rejected) {
                    writerRequestsAppended.remove(key);
                }
            });
        } catch (JsonProcessingException | SubnetException e) {
            LOG.debug("Subnet: writer request not appended: {}", e.getMessage());
        }
    }

    private boolean autoAddOn() {
        return state.unconfirmed().get(ViewKeys.AUTO_ADD_WRITERS).map("\"on\""::equals).orElse(false);
    }

    /** Applies received batches that come next and whose entries are here. */
    private boolean acceptReceived(List<EntryId> confirmedNow) throws StoreException {
        boolean progressed = false;
        while (true) {
            ConfirmedBatch next;
            lock.lock();
            try {
                received.headMap(confirmedLog.batchCount()).clear();
                next = received.get(confirmedLog.batchCount());
            } finally {
                lock.unlock();
            }
            if (next == null) {
                return progressed;
            }
            List<LogEntry> entries = new ArrayList<>();
            for (EntryId id : next.batch().entries()) {
                Optional<LogEntry> entry = logs.get(id.writer(), id.seq());
                if (entry.isEmpty()) {
                    // Replication brings it; the next signal retries.
                    return progressed;
                }
                entries.add(entry.get());
            }
            long number = next.batch().number();
            if (!signedByMajority(next)) {
                LOG.warn("Subnet: batch {} lacks signatures of a majority of the indexers; ignored", number);
                forget(number);
                return progressed;
            }
            AppliedBatch applied = state.compute(next.batch(), entries);
            if (!applied.checkpoint().logHash().equals(next.checkpoint().logHash())) {
                LOG.warn("Subnet: batch {} does not match its signed log hash; ignored", number);
                forget(number);
                return progressed;
            }
            if (!applied.checkpoint().stateHash().equals(next.checkpoint().stateHash())) {
                halt("Subnet apply stopped at batch " + number + ": the state hash after it is "
                        + applied.checkpoint().stateHash().toHex() + " here but " + next.checkpoint().stateHash().toHex()
                        + " at the indexers (" + suspect(applied) + ")");
                return progressed;
            }
            store(next, applied);
            applied.batch().entries().forEach(confirmedNow::add);
            progressed = true;
            progress.applied(confirmedLog.batchCount(), batchesAvailable.get(), entries.size()).ifPresent(applyLog);
        }
    }

    private void forget(long number) {
        lock.lock();
        try {
            received.remove(number);
        } finally {
            lock.unlock();
        }
    }

    private boolean signedByMajority(ConfirmedBatch batch) {
        List<String> indexerKeys = indexers();
        byte[] signed = batch.checkpoint().signedBytes(subnet);
        long valid = batch.signatures().stream()
                .filter(signature -> indexerKeys.contains(signature.indexer().toHex()))
                .filter(signature -> Ed25519Keys.verify(signature.signature(), signed, signature.indexer().toByteArray()))
                .map(ConfirmedBatch.IndexerSignature::indexer).distinct().count();
        return valid > indexerKeys.size() / 2;
    }

    /** Stores a batch in the confirmed log, then its writes in the view; a crash between is repaired at start. */
    private void store(ConfirmedBatch confirmed, AppliedBatch applied) throws StoreException {
        confirmedLog.append(confirmed, applied.entries());
        indexing.confirmed(confirmed);
        state.commit(applied);
        voters = readVoters();
        report(applied);
    }

    private void report(AppliedBatch applied) {
        for (int i = 0; i < applied.entries().size(); i++) {
            LogEntry entry = applied.entries().get(i);
            OpResult result = applied.results().get(i);
            switch (result) {
                case OpResult.Applied ok when ok.logLine() != null -> applyLog.accept(ok.logLine());
                case OpResult.Applied ok -> { }
                case OpResult.Rejected rejected when entry.writer().equals(self) && !appendedForOthers.contains(entry.id()) ->
                        applyLog.accept("Op rejected: " + rejected.reason());
                case OpResult.Rejected rejected -> LOG.debug("Subnet: op {} rejected: {}", entry.id(), rejected.reason());
            }
            appendedForOthers.remove(entry.id());
            CompletableFuture<OpResult> waiter = waiting.remove(entry.id());
            if (waiter != null) {
                waiter.complete(result);
            }
        }
    }

    private void updateUnconfirmed(List<EntryId> confirmedNow) throws StoreException {
        Map<Bytes32, Long> confirmedLengths = confirmedLog.lengths();
        state.updateUnconfirmed(confirmedNow, CausalOrder.order(confirmedLengths, pending.after(confirmedLengths)).ordered());
    }

    /** After a crash between storing a batch and applying it, applies what the log holds beyond the view. */
    private void catchUpView() throws StoreException {
        while (view.appliedBatches() < confirmedLog.batchCount()) {
            ConfirmedBatch confirmed = confirmedLog.batch(view.appliedBatches()).orElseThrow();
            List<LogEntry> entries = new ArrayList<>();
            for (EntryId id : confirmed.batch().entries()) {
                entries.add(logs.get(id.writer(), id.seq()).orElseThrow(
                        () -> new StoreException("The confirmed log names entry " + id + ", which is not stored")));
            }
            AppliedBatch applied = state.compute(confirmed.batch(), entries);
            if (!applied.checkpoint().equals(confirmed.checkpoint())) {
                throw new StoreException("Re-applying confirmed batch " + confirmed.batch().number()
                        + " gives a different checkpoint than the one stored");
            }
            state.commit(applied);
        }
    }

    private static Checkpoint checkpointAfter(ConfirmedLog log, long batches) throws StoreException {
        return batches == 0 ? Checkpoint.GENESIS : log.batch(batches - 1).orElseThrow(
                () -> new StoreException("The view is ahead of the confirmed log")).checkpoint();
    }

    /** Who to suspect when a batch's state differs: the contract the subnet pinned while applying it, if any. */
    private String suspect(AppliedBatch applied) {
        Optional<String> pin = Optional.ofNullable(applied.writes().get(ViewKeys.CONTRACT)).flatMap(write -> write)
                .or(() -> state.confirmed().get(ViewKeys.CONTRACT));
        return pin.map(json -> "the contract " + json + " is not deterministic, or differs between peers")
                .orElse("a different contract, or a non-deterministic one");
    }

    /** The indexers of the confirmed view; before the first batch, the subnet's creator. */
    private List<String> indexers() {
        List<String> keys = Membership.indexers(state.confirmed());
        return keys.isEmpty() && view.appliedBatches() == 0 ? List.of(subnet.toHex()) : keys;
    }

    private void pause(String reason) {
        boolean changed = !reason.equals(lastPause);
        paused = reason;
        lastPause = reason;
        if (changed) {
            LOG.warn("Subnet apply paused: {}", reason);
            applyLog.accept("Subnet apply paused: " + reason);
        }
    }

    /**
     * Retries an apply that paused for what this peer lacked (call after loading a contract or
     * when the MSB replica advanced); if it is still missing, apply pauses again at the same op.
     */
    public void resume() {
        resumes.incrementAndGet();
        if (paused == null) {
            return;
        }
        paused = null;
        lock.lock();
        try {
            signalled = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Why apply waits, if it does: a contract version or an MSB record this peer lacks. */
    public Optional<String> paused() {
        return Optional.ofNullable(paused);
    }

    private void halt(String reason) {
        halted = reason;
        LOG.error(reason);
        applyLog.accept(reason);
    }

    /** Sends the indexing's messages through replication. */
    private final class IndexingOutbox implements Indexing.Outbox {
        @Override
        public void toIndexer(Bytes32 to, RaftMessage message) {
            sendRaft(to, message);
        }

        @Override
        public void toAll(ReplicationMessage.CheckpointSignature signature) {
            replication.broadcast(signature);
        }

        @Override
        public void missing(Bytes32 writer) {
            if (namedByReceivedBatches.add(writer)) {
                replication.recheckWriters();
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        if (replication != null) {
            replication.close();
        }
        if (applyThread != null) {
            try {
                applyThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waiting.values().forEach(waiter -> waiter.cancel(false));
        view.close();
        raftLog.close();
        confirmedLog.close();
        logs.close();
    }
}
