package net.intercomj.host.subnet.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.order.Batch;

/**
 * A {@link RaftLog} in memory, for tests: every change is "durable" at once, so it outlives the
 * {@link Raft} that wrote it (a crashed peer restarts with a new {@code Raft} on the same log).
 * Its first {@link #confirmed()} batches stand for the confirmed log: {@link #putFrom} refuses to
 * replace them, as {@link RaftStore} does. It also remembers the lowest index written since
 * {@link #takeLowestChange()}, so a simulation re-checks only what may have changed.
 */
final class MemoryRaftLog implements RaftLog {

    private long term;
    private Optional<Bytes32> vote = Optional.empty();
    private final List<Batch> batches = new ArrayList<>();
    private long confirmed;
    private long lowestChange = Long.MAX_VALUE;

    MemoryRaftLog() {}

    /** A log already holding {@code batches}, in term {@code term} with no vote. */
    MemoryRaftLog(long term, List<Batch> batches) {
        this.term = term;
        for (Batch batch : batches) {
            if (batch.number() != this.batches.size()) {
                throw new IllegalArgumentException("Batch " + batch.number() + " is not next");
            }
            this.batches.add(batch);
        }
    }

    @Override
    public long currentTerm() {
        return term;
    }

    @Override
    public Optional<Bytes32> votedFor() {
        return vote;
    }

    @Override
    public void setTermAndVote(long newTerm, Optional<Bytes32> newVote) {
        term = newTerm;
        vote = newVote;
    }

    @Override
    public long length() {
        return batches.size();
    }

    @Override
    public long termAt(long index) {
        if (index < 0) {
            return 0;
        }
        if (index >= batches.size()) {
            throw new IllegalArgumentException("The Raft log has no batch " + index);
        }
        return batches.get((int) index).term();
    }

    @Override
    public List<Batch> batches(long from, int max) {
        if (from < 0 || from >= batches.size()) {
            return List.of();
        }
        return List.copyOf(batches.subList((int) from, (int) Math.min(batches.size(), from + max)));
    }

    @Override
    public void putFrom(long from, List<Batch> put) {
        if (from < 0 || from > batches.size()) {
            throw new IllegalArgumentException("Cannot put batches from " + from + " into a log of " + batches.size());
        }
        for (int i = 0; i < put.size(); i++) {
            if (put.get(i).number() != from + i) {
                throw new IllegalArgumentException("Batch " + put.get(i).number() + " put at " + (from + i));
            }
        }
        int same = 0;
        while (same < put.size() && from + same < batches.size()
                && batches.get((int) (from + same)).term() == put.get(same).term()) {
            same++;
        }
        if (same == put.size()) {
            return;
        }
        long start = from + same;
        if (start < confirmed) {
            throw new IllegalStateException("Raft asks to replace confirmed batch " + start);
        }
        batches.subList((int) start, batches.size()).clear();
        batches.addAll(put.subList(same, put.size()));
        lowestChange = Math.min(lowestChange, start);
    }

    /** How many batches count as confirmed (applied): {@link #putFrom} never replaces them. */
    long confirmed() {
        return confirmed;
    }

    /** Marks the first {@code count} batches confirmed; the count never goes down. */
    void confirm(long count) {
        if (count > batches.size()) {
            throw new IllegalArgumentException("Cannot confirm " + count + " of " + batches.size() + " batches");
        }
        confirmed = Math.max(confirmed, count);
    }

    /** Batch {@code index}. */
    Batch batch(long index) {
        return batches.get((int) index);
    }

    /** Every batch, in order. */
    List<Batch> all() {
        return List.copyOf(batches);
    }

    /** The lowest index written since the last call ({@link Long#MAX_VALUE}: none), and forgets it. */
    long takeLowestChange() {
        long lowest = lowestChange;
        lowestChange = Long.MAX_VALUE;
        return lowest;
    }
}
