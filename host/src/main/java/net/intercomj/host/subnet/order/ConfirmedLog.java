package net.intercomj.host.subnet.order;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.store.RocksStore;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The confirmed log on disk: the batches in order, and per writer how many of its entries they
 * hold. A batch is accepted only if it is the next one and every entry in it comes right after
 * its writer's confirmed entries and after its heads, so the confirmed log never skips, repeats
 * or reorders an entry.
 */
public final class ConfirmedLog implements ConfirmedBatches, AutoCloseable {

    private final RocksStore rocks;
    private final ColumnFamilyHandle batches;
    private final ColumnFamilyHandle lengths;
    private final Map<Bytes32, Long> confirmedLengths = new HashMap<>();
    private long batchCount;
    private Checkpoint checkpoint = Checkpoint.GENESIS;

    private ConfirmedLog(RocksStore rocks) throws RocksDBException {
        this.rocks = rocks;
        this.batches = rocks.family("batches");
        this.lengths = rocks.family("lengths");
        rocks.forEach(lengths, (writer, length) -> confirmedLengths.put(Bytes32.of(writer), RocksStore.readLong(length)));
        byte[][] last = rocks.iterate(batches, iterator -> {
            iterator.seekToLast();
            return iterator.isValid() ? new byte[][] {iterator.key(), iterator.value()} : null;
        });
        batchCount = last == null ? 0 : RocksStore.readLong(last[0]) + 1;
        if (last != null) {
            checkpoint = decodeStored(last[1]).checkpoint();
        }
    }

    private static ConfirmedBatch decodeStored(byte[] stored) {
        try {
            return ConfirmedBatchCodec.decode(stored);
        } catch (WireException e) {
            throw new IllegalStateException("The confirmed log's last batch is unreadable: " + e.getMessage(), e);
        }
    }

    /** Opens the confirmed log in {@code folder}, creating it empty on first use. */
    public static ConfirmedLog open(Path folder) throws StoreException {
        RocksStore rocks = RocksStore.open(folder, "the confirmed log", "batches", "lengths");
        try {
            return new ConfirmedLog(rocks);
        } catch (IllegalStateException | RocksDBException e) {
            rocks.close();
            throw new StoreException("Cannot open the confirmed log in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** How many batches are confirmed. */
    @Override
    public synchronized long batchCount() {
        return batchCount;
    }

    /** Per writer, how many of its entries are confirmed, in key order. */
    public synchronized Map<Bytes32, Long> lengths() {
        return Collections.unmodifiableMap(new TreeMap<>(confirmedLengths));
    }

    /** The checkpoint after the last confirmed batch ({@link Checkpoint#GENESIS} when there is none). */
    public synchronized Checkpoint checkpoint() {
        return checkpoint;
    }

    /**
     * Appends {@code confirmed} as the next confirmed batch.
     *
     * @param entries the batch's entries, in its order: their heads are checked against what is
     *                confirmed, their hashes against the checkpoint's log hash
     * @throws IllegalArgumentException naming the first rule the batch breaks; nothing is stored then
     */
    public synchronized void append(ConfirmedBatch confirmed, List<LogEntry> entries) throws StoreException {
        Batch batch = confirmed.batch();
        if (batch.number() != batchCount) {
            throw new IllegalArgumentException("Batch " + batch.number() + " is not next: " + batchCount + " are confirmed");
        }
        if (!entries.stream().map(LogEntry::id).toList().equals(batch.entries())) {
            throw new IllegalArgumentException("Batch " + batch.number() + ": the entries given are not the batch's");
        }
        Map<Bytes32, Long> after = new HashMap<>(confirmedLengths);
        for (LogEntry entry : entries) {
            long confirmedLength = after.getOrDefault(entry.writer(), 0L);
            if (entry.seq() != confirmedLength) {
                throw new IllegalArgumentException("Batch " + batch.number() + ": entry " + entry.id()
                        + " does not come next in its log (" + confirmedLength + " confirmed)");
            }
            for (EntryId head : entry.heads()) {
                if (head.seq() >= after.getOrDefault(head.writer(), 0L)) {
                    throw new IllegalArgumentException("Batch " + batch.number() + ": entry " + entry.id()
                            + " comes before its head " + head);
                }
            }
            after.put(entry.writer(), confirmedLength + 1);
        }
        if (!checkpoint.nextLogHash(batch, entries).equals(confirmed.checkpoint().logHash())) {
            throw new IllegalArgumentException("Batch " + batch.number() + ": its checkpoint's log hash does not match"
                    + " its entries");
        }
        try {
            rocks.write(write -> {
                write.put(batches, RocksStore.longBytes(batch.number()), ConfirmedBatchCodec.encode(confirmed));
                for (Map.Entry<Bytes32, Long> length : after.entrySet()) {
                    if (!length.getValue().equals(confirmedLengths.get(length.getKey()))) {
                        write.put(lengths, length.getKey().toByteArray(), RocksStore.longBytes(length.getValue()));
                    }
                }
            });
        } catch (RocksDBException e) {
            throw new StoreException("Cannot store batch " + batch.number() + ": " + e.getMessage(), e);
        }
        confirmedLengths.putAll(after);
        batchCount++;
        checkpoint = confirmed.checkpoint();
    }

    /** Confirmed batch {@code number}, with its checkpoint and signatures. */
    @Override
    public Optional<ConfirmedBatch> batch(long number) throws StoreException {
        try {
            byte[] stored = rocks.get(batches, RocksStore.longBytes(number));
            return stored == null ? Optional.empty() : Optional.of(ConfirmedBatchCodec.decode(stored));
        } catch (RocksDBException | WireException e) {
            throw new StoreException("Cannot read batch " + number + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        rocks.close();
    }
}
