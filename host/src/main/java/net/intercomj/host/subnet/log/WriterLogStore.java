package net.intercomj.host.subnet.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.store.RocksStore;
import net.intercomj.host.store.StoreException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * Every writer's log of one subnet, on disk (RocksDB). An entry is stored only after it passed
 * {@link EntryCheck} against the entry before it, together with its log's new length in one
 * atomic write, so the store never holds a gap, a broken chain or an entry twice.
 *
 * <p>Keys: {@code entries} holds {@code writer (32) · seq (8, big-endian)} → the encoded entry,
 * so one writer's entries are contiguous and in order; {@code lengths} holds {@code writer} →
 * its log's length.
 */
public final class WriterLogStore implements AutoCloseable {

    /** What became of an entry offered to the store. */
    public enum Appended {
        /** Stored: it was the next entry of its log. */
        STORED,
        /** Already stored, byte for byte: nothing to do (replication may offer an entry twice). */
        DUPLICATE
    }

    private final RocksStore rocks;
    private final ColumnFamilyHandle entries;
    private final ColumnFamilyHandle lengths;
    private final EntryCheck check;
    private final Map<Bytes32, Long> lengthCache = new ConcurrentHashMap<>();

    private WriterLogStore(RocksStore rocks, Bytes32 subnet) throws RocksDBException {
        this.rocks = rocks;
        this.entries = rocks.family("entries");
        this.lengths = rocks.family("lengths");
        this.check = new EntryCheck(subnet);
        rocks.forEach(lengths, (writer, length) -> lengthCache.put(Bytes32.of(writer), RocksStore.readLong(length)));
    }

    /**
     * Opens the logs in {@code folder}, creating it on first use.
     *
     * @param subnet the subnet whose entries this store holds; entries signed for another are refused
     */
    public static WriterLogStore open(Path folder, Bytes32 subnet) throws StoreException {
        RocksStore rocks = RocksStore.open(folder, "the subnet logs", "entries", "lengths");
        try {
            return new WriterLogStore(rocks, subnet);
        } catch (RocksDBException e) {
            rocks.close();
            throw new StoreException("Cannot open the subnet logs in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores {@code entry} if it is the next entry of its writer's log.
     *
     * @throws EntryException when it does not continue the log (a gap, a fork, a broken chain)
     *                        or is not signed by its writer for this subnet; nothing is stored
     */
    public synchronized Appended append(LogEntry entry) throws EntryException, StoreException {
        long length = length(entry.writer());
        if (entry.seq() < length) {
            Optional<LogEntry> stored = get(entry.writer(), entry.seq());
            if (stored.isPresent() && stored.get().equals(entry)) {
                return Appended.DUPLICATE;
            }
            throw new EntryException("Entry " + entry.id() + " differs from the one stored at that position: the writer forked its log");
        }
        LogEntry previous = length == 0 ? null
                : get(entry.writer(), length - 1).orElseThrow(() -> new IllegalStateException(
                        "The subnet logs lost entry " + new EntryId(entry.writer(), length - 1)));
        check.next(previous, entry);
        try {
            rocks.write(batch -> {
                batch.put(entries, key(entry.writer(), entry.seq()), EntryCodec.encode(entry));
                batch.put(lengths, entry.writer().toByteArray(), RocksStore.longBytes(entry.seq() + 1));
            });
        } catch (RocksDBException e) {
            throw new StoreException("Cannot store entry " + entry.id() + ": " + e.getMessage(), e);
        }
        lengthCache.put(entry.writer(), entry.seq() + 1);
        return Appended.STORED;
    }

    /** How many entries of {@code writer}'s log are stored. */
    public long length(Bytes32 writer) {
        return lengthCache.getOrDefault(writer, 0L);
    }

    /** The length of every log stored, by writer, in key order. */
    public Map<Bytes32, Long> lengths() {
        return Collections.unmodifiableMap(new TreeMap<>(lengthCache));
    }

    /** Entry {@code seq} of {@code writer}'s log. */
    public Optional<LogEntry> get(Bytes32 writer, long seq) throws StoreException {
        try {
            byte[] encoded = rocks.get(entries, key(writer, seq));
            return encoded == null ? Optional.empty() : Optional.of(EntryCodec.decode(encoded));
        } catch (RocksDBException | WireException e) {
            throw new StoreException("Cannot read entry " + new EntryId(writer, seq) + ": " + e.getMessage(), e);
        }
    }

    /** Up to {@code max} entries of {@code writer}'s log from {@code from}, in order. */
    public List<LogEntry> range(Bytes32 writer, long from, int max) throws StoreException {
        long end = Math.min(length(writer), from + max);
        try {
            List<byte[]> stored = rocks.iterate(entries, iterator -> {
                List<byte[]> values = new ArrayList<>();
                iterator.seek(key(writer, from));
                for (long seq = from; seq < end && iterator.isValid(); seq++, iterator.next()) {
                    values.add(iterator.value());
                }
                return values;
            });
            List<LogEntry> found = new ArrayList<>(stored.size());
            for (byte[] value : stored) {
                found.add(EntryCodec.decode(value));
            }
            return found;
        } catch (RocksDBException | WireException e) {
            throw new StoreException("Cannot read the log of " + writer.shortHex() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] key(Bytes32 writer, long seq) {
        byte[] key = new byte[Bytes32.LENGTH + Long.BYTES];
        writer.copyTo(key, 0);
        System.arraycopy(RocksStore.longBytes(seq), 0, key, Bytes32.LENGTH, Long.BYTES);
        return key;
    }

    @Override
    public synchronized void close() {
        rocks.close();
    }
}
