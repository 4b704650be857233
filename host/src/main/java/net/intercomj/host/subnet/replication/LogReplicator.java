package net.intercomj.host.subnet.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.log.EntryCodec;
import net.intercomj.host.subnet.log.EntryException;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedBatches;

/**
 * Replication with one other peer of the subnet, over one link. It tells the other side how long
 * its logs are, asks for the entries it lacks (one request in flight per log, at most
 * {@link ReplicationMessage#MAX_ITEMS} entries each), answers the other side's requests, and
 * stores what arrives only through {@link WriterLogStore#append}, so every entry is checked and
 * stored once. After a reconnect a new replicator resumes from what is stored.
 *
 * <p>One replicator per link; its methods may be called from several threads.
 */
public final class LogReplicator {

    /**
     * What an incoming message led to.
     *
     * @param stored   entries stored because of it, in order
     * @param rejected why entries were refused (the rest of that message is dropped); empty when none were
     * @param batches  confirmed batches received, not yet checked: the caller verifies and applies them
     * @param writerRequest the other side's request to become a writer, not yet checked
     * @param request the other side's {@link ReplicationMessage.Request}, to answer (or not) with {@link LogReplicator#reply}
     * @param reply   the other side's answer to one of this peer's requests
     */
    public record Received(List<LogEntry> stored, List<String> rejected, List<ConfirmedBatch> batches,
            Optional<String> writerRequest, Optional<ReplicationMessage.Request> request,
            Optional<ReplicationMessage.Reply> reply) {
        public Received {
            stored = List.copyOf(stored);
            rejected = List.copyOf(rejected);
            batches = List.copyOf(batches);
            Objects.requireNonNull(writerRequest, "writerRequest");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reply, "reply");
        }

        Received(List<LogEntry> stored, List<String> rejected, List<ConfirmedBatch> batches) {
            this(stored, rejected, batches, Optional.empty(), Optional.empty(), Optional.empty());
        }

        static final Received NOTHING = new Received(List.of(), List.of(), List.of());
    }

    /** Most entry bytes one {@link ReplicationMessage.Data} carries (the mux frame limit is 8 MiB). */
    static final int MAX_DATA_BYTES = 4 << 20;

    private final WriterLogStore store;
    private final ConfirmedBatches confirmed;
    private final Predicate<Bytes32> accepts;
    private final Consumer<ReplicationMessage> outbox;
    private final Map<Bytes32, Long> remoteLengths = new HashMap<>();
    private final Map<Bytes32, Long> requested = new HashMap<>();
    private long remoteBatches;
    private long nextBatchWanted;
    private boolean batchesRequested;

    /**
     * @param confirmed the confirmed batches to serve and to count from
     * @param outbox    sends a message to the other peer
     */
    public LogReplicator(WriterLogStore store, ConfirmedBatches confirmed, Consumer<ReplicationMessage> outbox) {
        this(store, confirmed, writer -> true, outbox);
    }

    /**
     * @param accepts which writers' logs to fetch and store: the others' entries are neither asked
     *                for nor kept (a peer that is no writer cannot fill others' disks); call
     *                {@link #recheck} when the answer may have changed
     */
    public LogReplicator(WriterLogStore store, ConfirmedBatches confirmed, Predicate<Bytes32> accepts,
            Consumer<ReplicationMessage> outbox) {
        this.store = store;
        this.confirmed = confirmed;
        this.accepts = accepts;
        this.outbox = outbox;
    }

    /** The set of accepted writers may have grown: ask for the logs that are now wanted. */
    public synchronized void recheck() {
        List.copyOf(remoteLengths.keySet()).forEach(this::requestMore);
    }

    /** The link opened: tell the other side every log length. */
    public void open() {
        List<ReplicationMessage.LogLength> logs = new ArrayList<>();
        store.lengths().forEach((writer, length) -> logs.add(new ReplicationMessage.LogLength(writer, length)));
        for (int from = 0; from < logs.size(); from += ReplicationMessage.MAX_ITEMS) {
            outbox.accept(new ReplicationMessage.Have(logs.subList(from, Math.min(logs.size(), from + ReplicationMessage.MAX_ITEMS))));
        }
        announceBatches();
    }

    /** Asks the other side to append this peer's {@code autoAddWriter} op. */
    public void requestWriter(String op) {
        outbox.accept(new ReplicationMessage.WriterRequest(op));
    }

    /**
     * Sends the other side a request: its answer, if it gives one, arrives as {@link Received#reply}
     * with the same {@code id}.
     */
    public void request(long id, String body) {
        outbox.accept(new ReplicationMessage.Request(id, body));
    }

    /**
     * Answers the other side's request {@code id}. Nothing checks that such a request arrived or
     * was not answered already: matching replies to requests is the requester's business.
     */
    public void reply(long id, String body) {
        outbox.accept(new ReplicationMessage.Reply(id, body));
    }

    /** This peer confirmed or accepted new batches: tell the other side how many it holds. */
    public void announceBatches() {
        outbox.accept(new ReplicationMessage.BatchesHave(confirmed.batchCount()));
    }

    /** This peer stored new entries of {@code writer}'s log (its own, or from another link): tell the other side. */
    public void announce(Bytes32 writer) {
        outbox.accept(new ReplicationMessage.Have(List.of(new ReplicationMessage.LogLength(writer, store.length(writer)))));
    }

    /** Handles a message from the other side. */
    public synchronized Received receive(ReplicationMessage message) throws StoreException {
        return switch (message) {
            case ReplicationMessage.Have have -> {
                for (ReplicationMessage.LogLength log : have.logs()) {
                    remoteLengths.merge(log.writer(), log.length(), Math::max);
                    requestMore(log.writer());
                }
                yield Received.NOTHING;
            }
            case ReplicationMessage.Want want -> {
                outbox.accept(new ReplicationMessage.Data(want.writer(),
                        withinBudget(store.range(want.writer(), want.from(), want.count()))));
                yield Received.NOTHING;
            }
            case ReplicationMessage.Data data -> store(data);
            case ReplicationMessage.BatchesHave have -> {
                remoteBatches = Math.max(remoteBatches, have.count());
                requestBatches();
                yield Received.NOTHING;
            }
            case ReplicationMessage.BatchesWant want -> {
                List<ConfirmedBatch> batches = new ArrayList<>();
                for (long number = want.from(); number < want.from() + want.count(); number++) {
                    Optional<ConfirmedBatch> batch = confirmed.batch(number);
                    if (batch.isEmpty()) {
                        break;
                    }
                    batches.add(batch.get());
                }
                outbox.accept(new ReplicationMessage.BatchesData(batches));
                yield Received.NOTHING;
            }
            case ReplicationMessage.BatchesData data -> {
                batchesRequested = false;
                if (!data.batches().isEmpty()) {
                    nextBatchWanted = Math.max(nextBatchWanted, data.batches().getLast().batch().number() + 1);
                    requestBatches();
                }
                yield new Received(List.of(), List.of(), data.batches());
            }
            case ReplicationMessage.WriterRequest request -> new Received(List.of(), List.of(), List.of(),
                    Optional.of(request.op()), Optional.empty(), Optional.empty());
            // Requests and replies are the caller's to answer and match: the replicator only hands them on.
            case ReplicationMessage.Request request -> new Received(List.of(), List.of(), List.of(),
                    Optional.empty(), Optional.of(request), Optional.empty());
            case ReplicationMessage.Reply reply -> new Received(List.of(), List.of(), List.of(),
                    Optional.empty(), Optional.empty(), Optional.of(reply));
            // The indexers' messages: the session hands them to the subnet.
            case ReplicationMessage.Consensus consensus -> Received.NOTHING;
            case ReplicationMessage.CheckpointSignature signature -> Received.NOTHING;
        };
    }

    /**
     * The first entries of {@code entries} that fit in {@link #MAX_DATA_BYTES} (at least one): a
     * message must fit in one mux frame, and the asking side asks again for the rest.
     */
    private static List<LogEntry> withinBudget(List<LogEntry> entries) {
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            bytes += EntryCodec.encode(entries.get(i)).length + 8;
            if (bytes > MAX_DATA_BYTES && i > 0) {
                return entries.subList(0, i);
            }
        }
        return entries;
    }

    private void requestBatches() {
        long local = Math.max(confirmed.batchCount(), nextBatchWanted);
        if (remoteBatches <= local || batchesRequested) {
            return;
        }
        batchesRequested = true;
        outbox.accept(new ReplicationMessage.BatchesWant(local,
                (int) Math.min(ReplicationMessage.MAX_BATCHES, remoteBatches - local)));
    }

    private Received store(ReplicationMessage.Data data) throws StoreException {
        requested.remove(data.writer());
        if (!accepts.test(data.writer())) {
            // No longer (or not yet) a writer here: nothing kept; a recheck asks again if it becomes one.
            return Received.NOTHING;
        }
        List<LogEntry> stored = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (LogEntry entry : data.entries()) {
            try {
                if (store.append(entry) == WriterLogStore.Appended.STORED) {
                    stored.add(entry);
                }
            } catch (EntryException e) {
                rejected.add(e.getMessage());
                // The other side's copy of this log is bad from here on: ask no more of it.
                remoteLengths.put(data.writer(), store.length(data.writer()));
                break;
            }
        }
        if (rejected.isEmpty() && !data.entries().isEmpty()) {
            requestMore(data.writer());
        }
        return new Received(stored, rejected, List.of());
    }

    private void requestMore(Bytes32 writer) {
        long local = store.length(writer);
        long remote = remoteLengths.getOrDefault(writer, 0L);
        if (remote <= local || requested.containsKey(writer) || !accepts.test(writer)) {
            return;
        }
        int count = (int) Math.min(ReplicationMessage.MAX_ITEMS, remote - local);
        requested.put(writer, local);
        outbox.accept(new ReplicationMessage.Want(writer, local, count));
    }
}
