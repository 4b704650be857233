package net.intercomj.host.subnet.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
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
import net.intercomj.host.store.StoreException;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

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

    static {
        RocksDB.loadLibrary();
    }

    /** What became of an entry offered to the store. */
    public enum Appended {
        /** Stored: it was the next entry of its log. */
        STORED,
        /** Already stored, byte for byte: nothing to do (replication may offer an entry twice). */
        DUPLICATE
    }

    private final RocksDB db;
    private final DBOptions options;
    private final ColumnFamilyHandle entries;
    private final ColumnFamilyHandle lengths;
    private final List<ColumnFamilyHandle> handles;
    private final WriteOptions writeOptions = new WriteOptions();
    private final EntryCheck check;
    private final Map<Bytes32, Long> lengthCache = new ConcurrentHashMap<>();

    private WriterLogStore(RocksDB db, DBOptions options, List<ColumnFamilyHandle> handles, Bytes32 subnet) {
        this.db = db;
        this.options = options;
        this.handles = handles;
        this.entries = handles.get(1);
        this.lengths = handles.get(2);
        this.check = new EntryCheck(subnet);
    }

    /**
     * Opens the logs in {@code folder}, creating it on first use.
     *
     * @param subnet the subnet whose entries this store holds; entries signed for another are refused
     */
    public static WriterLogStore open(Path folder, Bytes32 subnet) throws StoreException {
        DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        List<ColumnFamilyDescriptor> families = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                new ColumnFamilyDescriptor("entries".getBytes()),
                new ColumnFamilyDescriptor("lengths".getBytes()));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            RocksDB db = RocksDB.open(options, folder.toString(), families, handles);
            WriterLogStore store = new WriterLogStore(db, options, handles, subnet);
            store.loadLengths();
            return store;
        } catch (RocksDBException | IOException e) {
            handles.forEach(ColumnFamilyHandle::close);
            options.close();
            throw new StoreException("Cannot open the subnet logs in " + folder + ": " + e.getMessage(), e);
        }
    }

    private void loadLengths() {
        try (RocksIterator iterator = db.newIterator(lengths)) {
            for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
                lengthCache.put(Bytes32.of(iterator.key()), ByteBuffer.wrap(iterator.value()).getLong());
            }
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
        try (WriteBatch batch = new WriteBatch()) {
            batch.put(entries, key(entry.writer(), entry.seq()), EntryCodec.encode(entry));
            batch.put(lengths, entry.writer().toByteArray(), ByteBuffer.allocate(Long.BYTES).putLong(entry.seq() + 1).array());
            db.write(writeOptions, batch);
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
            byte[] encoded = db.get(entries, key(writer, seq));
            return encoded == null ? Optional.empty() : Optional.of(EntryCodec.decode(encoded));
        } catch (RocksDBException | WireException e) {
            throw new StoreException("Cannot read entry " + new EntryId(writer, seq) + ": " + e.getMessage(), e);
        }
    }

    /** Up to {@code max} entries of {@code writer}'s log from {@code from}, in order. */
    public List<LogEntry> range(Bytes32 writer, long from, int max) throws StoreException {
        List<LogEntry> found = new ArrayList<>();
        long end = Math.min(length(writer), from + max);
        try (RocksIterator iterator = db.newIterator(entries)) {
            iterator.seek(key(writer, from));
            for (long seq = from; seq < end && iterator.isValid(); seq++, iterator.next()) {
                found.add(EntryCodec.decode(iterator.value()));
            }
        } catch (WireException e) {
            throw new StoreException("Cannot read the log of " + writer.shortHex() + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static byte[] key(Bytes32 writer, long seq) {
        ByteBuffer key = ByteBuffer.allocate(Bytes32.LENGTH + Long.BYTES);
        key.put(writer.toByteArray()).putLong(seq);
        return key.array();
    }

    @Override
    public synchronized void close() {
        handles.forEach(ColumnFamilyHandle::close);
        writeOptions.close();
        db.close();
        options.close();
    }
}
