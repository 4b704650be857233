package net.intercomj.host.subnet.raft;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.store.RocksStore;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.order.Batch;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedLog;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The Raft log of one peer on RocksDB: the confirmed log is its committed beginning, and this
 * store keeps the rest (batches received or proposed but not confirmed here yet), with the term
 * and the vote. A batch leaves the tail once it is confirmed ({@link #confirmed}).
 *
 * <p>The term and vote are written with fsync. The batches are written like every other store
 * of the peer, to RocksDB's log without fsync: they survive a killed process, not a power cut.
 * An fsync per batch costs 5–7 ms on the machine of {@code docs/benchmarks.md}, more than the
 * whole round of ordering otherwise; a power cut on a majority of the indexers at once could
 * then lose a batch they had acknowledged.
 */
public final class RaftStore implements RaftLog, AutoCloseable {

    private static final byte[] TERM = {'t'};
    private static final byte[] VOTE = {'v'};

    private final RocksStore rocks;
    private final ColumnFamilyHandle meta;
    private final ColumnFamilyHandle tailFamily;
    private final ConfirmedLog confirmed;
    private final TreeMap<Long, Batch> tail = new TreeMap<>();
    private long term;
    private Optional<Bytes32> vote = Optional.empty();

    private RaftStore(RocksStore rocks, ConfirmedLog confirmed) throws StoreException {
        this.rocks = rocks;
        this.meta = rocks.family("meta");
        this.tailFamily = rocks.family("tail");
        this.confirmed = confirmed;
        try {
            byte[] storedTerm = rocks.get(meta, TERM);
            term = storedTerm == null ? 0 : RocksStore.readLong(storedTerm);
            byte[] storedVote = rocks.get(meta, VOTE);
            vote = storedVote == null ? Optional.empty() : Optional.of(Bytes32.of(storedVote));
        } catch (RocksDBException e) {
            throw new StoreException("Cannot read the Raft term: " + e.getMessage(), e);
        }
        List<String> unreadable = new ArrayList<>();
        try {
            rocks.forEach(tailFamily, (key, value) -> {
                try {
                    WireReader in = new WireReader(value);
                    Batch batch = RaftCodec.decodeBatch(in);
                    in.expectEnd("Raft batch");
                    tail.put(batch.number(), batch);
                } catch (WireException e) {
                    unreadable.add("batch " + RocksStore.readLong(key) + ": " + e.getMessage());
                }
            });
        } catch (RocksDBException e) {
            throw new StoreException("Cannot read the Raft log: " + e.getMessage(), e);
        }
        if (!unreadable.isEmpty()) {
            throw new StoreException("The Raft log is unreadable at " + unreadable.getFirst());
        }
        // A crash between confirming a batch and removing it from the tail leaves it here; and if
        // the confirmed batch differs in term from the tail's, the tail's batches after it lost too.
        long confirmedCount = confirmed.batchCount();
        boolean lost = false;
        for (Batch held : tail.headMap(confirmedCount).values()) {
            lost |= confirmed.batch(held.number()).map(ConfirmedBatch::batch).map(Batch::term)
                    .filter(confirmedTerm -> confirmedTerm != held.term()).isPresent();
        }
        Map<Long, Batch> stale = lost ? tail : tail.headMap(confirmedCount);
        if (!stale.isEmpty()) {
            try {
                rocks.writeDurably(write -> {
                    for (Long key : stale.keySet()) {
                        write.delete(tailFamily, RocksStore.longBytes(key));
                    }
                });
            } catch (RocksDBException e) {
                throw new StoreException("Cannot drop confirmed batches from the Raft log: " + e.getMessage(), e);
            }
            stale.clear();
        }
    }

    /** Opens the Raft store in {@code folder}, on top of {@code confirmed}. */
    public static RaftStore open(Path folder, ConfirmedLog confirmed) throws StoreException {
        RocksStore rocks = RocksStore.open(folder, "the Raft log", "meta", "tail");
        try {
            return new RaftStore(rocks, confirmed);
        } catch (StoreException | RuntimeException e) {
            rocks.close();
            throw e;
        }
    }

    @Override
    public synchronized long currentTerm() {
        return term;
    }

    @Override
    public synchronized Optional<Bytes32> votedFor() {
        return vote;
    }

    @Override
    public synchronized void setTermAndVote(long newTerm, Optional<Bytes32> newVote) throws StoreException {
        try {
            rocks.writeDurably(write -> {
                write.put(meta, TERM, RocksStore.longBytes(newTerm));
                if (newVote.isPresent()) {
                    write.put(meta, VOTE, newVote.get().toByteArray());
                } else {
                    write.delete(meta, VOTE);
                }
            });
        } catch (RocksDBException e) {
            throw new StoreException("Cannot store the Raft term: " + e.getMessage(), e);
        }
        term = newTerm;
        vote = newVote;
    }

    @Override
    public synchronized long length() {
        return tail.isEmpty() ? confirmed.batchCount() : Math.max(confirmed.batchCount(), tail.lastKey() + 1);
    }

    @Override
    public synchronized long termAt(long index) throws StoreException {
        if (index < 0) {
            return 0;
        }
        return batchAt(index).orElseThrow(() -> new IllegalArgumentException("The Raft log has no batch " + index))
                .term();
    }

    @Override
    public synchronized List<Batch> batches(long from, int max) throws StoreException {
        List<Batch> batches = new ArrayList<>();
        for (long index = from; index < from + max; index++) {
            Optional<Batch> batch = batchAt(index);
            if (batch.isEmpty()) {
                break;
            }
            batches.add(batch.get());
        }
        return batches;
    }

    @Override
    public synchronized void putFrom(long from, List<Batch> batches) throws StoreException {
        // What the log holds already stays, with all after it, up to the first batch that differs in term.
        long length = length();
        int skip = 0;
        while (skip < batches.size() && from + skip < length && termAt(from + skip) == batches.get(skip).term()) {
            skip++;
        }
        if (skip == batches.size()) {
            return;
        }
        long start = from + skip;
        if (start < confirmed.batchCount()) {
            throw new IllegalStateException("Raft asks to replace confirmed batch " + start);
        }
        List<Batch> replacing = batches.subList(skip, batches.size());
        try {
            rocks.write(write -> {
                for (Long stale : tail.tailMap(start).keySet()) {
                    write.delete(tailFamily, RocksStore.longBytes(stale));
                }
                for (Batch batch : replacing) {
                    WireWriter out = new WireWriter();
                    RaftCodec.encodeBatch(batch, out);
                    write.put(tailFamily, RocksStore.longBytes(batch.number()), out.toByteArray());
                }
            });
        } catch (RocksDBException e) {
            throw new StoreException("Cannot store Raft batches from " + start + ": " + e.getMessage(), e);
        }
        tail.tailMap(start).clear();
        replacing.forEach(batch -> tail.put(batch.number(), batch));
    }

    /**
     * {@code batch} was just appended to the confirmed log: it leaves the tail, and if the tail
     * held a different batch there (one of a term that lost), that one and all after it go.
     */
    public synchronized void confirmed(ConfirmedBatch batch) throws StoreException {
        long number = batch.batch().number();
        Batch held = tail.get(number);
        Map<Long, Batch> removed = held != null && held.term() != batch.batch().term()
                ? tail : tail.headMap(number, true);
        if (removed.isEmpty()) {
            return;
        }
        try {
            rocks.write(write -> {
                for (Long key : removed.keySet()) {
                    write.delete(tailFamily, RocksStore.longBytes(key));
                }
            });
        } catch (RocksDBException e) {
            throw new StoreException("Cannot update the Raft log after batch " + number + ": " + e.getMessage(), e);
        }
        removed.clear();
    }

    /** Batches beyond the confirmed log, for {@code /stats}. */
    public synchronized int tailSize() {
        return tail.size();
    }

    private Optional<Batch> batchAt(long index) throws StoreException {
        if (index < confirmed.batchCount()) {
            return confirmed.batch(index).map(ConfirmedBatch::batch);
        }
        return Optional.ofNullable(tail.get(index));
    }

    @Override
    public synchronized void close() {
        rocks.close();
    }
}
