package net.intercomj.host.subnet.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;

/**
 * What the indexers' leader proposes next: the entries its store holds that are not confirmed
 * yet, in {@link CausalOrder}, one batch at a time. The leader proposes only once everything
 * before is confirmed, so the confirmed lengths are where the next batch starts.
 */
public final class BatchProposer {

    private final WriterLogStore logs;
    private final ConfirmedLog confirmed;
    private final Predicate<LogEntry> changesIndexers;

    /** A proposer for tests of ordering alone: no entry ends a batch early. */
    public BatchProposer(WriterLogStore logs, ConfirmedLog confirmed) {
        this(logs, confirmed, entry -> false);
    }

    /**
     * @param changesIndexers whether an entry's op may change the indexers: a batch ends right
     *                        after such an entry, so each batch changes the indexers at most once
     *                        (Raft's single-step membership change)
     */
    public BatchProposer(WriterLogStore logs, ConfirmedLog confirmed, Predicate<LogEntry> changesIndexers) {
        this.logs = logs;
        this.confirmed = confirmed;
        this.changesIndexers = changesIndexers;
    }

    /** A batch ready to be confirmed, with its entries in order. */
    public record Proposal(Batch batch, List<LogEntry> entries) {}

    /**
     * The next batch to confirm: up to {@link Batch#MAX_ENTRIES} of the stored entries not yet
     * confirmed that can be ordered. Nothing is stored: Raft replicates it, and once committed
     * it is appended to the confirmed log with its checkpoint.
     *
     * @param term the proposing leader's term
     * @return the proposal, or empty when nothing is waiting
     */
    public synchronized Optional<Proposal> propose(long term) throws StoreException {
        Map<Bytes32, Long> confirmedLengths = confirmed.lengths();
        List<LogEntry> pending = new ArrayList<>();
        for (Map.Entry<Bytes32, Long> log : logs.lengths().entrySet()) {
            long from = confirmedLengths.getOrDefault(log.getKey(), 0L);
            long count = Math.min(log.getValue() - from, Batch.MAX_ENTRIES);
            if (count > 0) {
                pending.addAll(logs.range(log.getKey(), from, (int) count));
            }
        }
        List<LogEntry> ordered = CausalOrder.order(confirmedLengths, pending).ordered();
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        int end = Math.min(ordered.size(), Batch.MAX_ENTRIES);
        for (int i = 0; i < end; i++) {
            if (changesIndexers.test(ordered.get(i))) {
                end = i + 1;
                break;
            }
        }
        List<LogEntry> entries = List.copyOf(ordered.subList(0, end));
        return Optional.of(new Proposal(new Batch(confirmed.batchCount(), term, entries.stream().map(LogEntry::id).toList()),
                entries));
    }
}
