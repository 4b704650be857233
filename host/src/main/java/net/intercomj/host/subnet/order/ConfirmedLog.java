package net.intercomj.host.subnet.order;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The confirmed log on disk: the batches in order, and per writer how many of its entries they
 * hold. A batch is accepted only if it is the next one and every entry in it comes right after
 * its writer's confirmed entries and after its heads, so the confirmed log never skips, repeats
 * or reorders an entry.
 */
public final class ConfirmedLog implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final DBOptions options;
    private final List<ColumnFamilyHandle> handles;
    private final ColumnFamilyHandle batches;
    private final ColumnFamilyHandle lengths;
    private final WriteOptions writeOptions = new WriteOptions();
    private final Map<Bytes32, Long> confirmedLengths = new HashMap<>();
    private long batchCount;

    private ConfirmedLog(RocksDB db, DBOptions options, List<ColumnFamilyHandle> handles) {
        this.db = db;
        this.options = options;
        this.handles = handles;
        this.batches = handles.get(1);
        this.lengths = handles.get(2);
        try (RocksIterator iterator = db.newIterator(lengths)) {
            for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
                confirmedLengths.put(Bytes32.of(iterator.key()), ByteBuffer.wrap(iterator.value()).getLong());
            }
        }
        try (RocksIterator iterator = db.newIterator(batches)) {
            iterator.seekToLast();
            batchCount = iterator.isValid() ? ByteBuffer.wrap(iterator.key()).getLong() + 1 : 0;
        }
    }

    /** Opens the confirmed log in {@code folder}, creating it empty on first use. */
    public static ConfirmedLog open(Path folder) throws StoreException {
        DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        List<ColumnFamilyDescriptor> families = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                new ColumnFamilyDescriptor("batches".getBytes(StandardCharsets.US_ASCII)),
                new ColumnFamilyDescriptor("lengths".getBytes(StandardCharsets.US_ASCII)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            return new ConfirmedLog(RocksDB.open(options, folder.toString(), families, handles), options, handles);
        } catch (RocksDBException | IOException e) {
            handles.forEach(ColumnFamilyHandle::close);
            options.close();
            throw new StoreException("Cannot open the confirmed log in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** How many batches are confirmed. */
    public synchronized long batchCount() {
        return batchCount;
    }

    /** Per writer, how many of its entries are confirmed, in key order. */
    public synchronized Map<Bytes32, Long> lengths() {
        return Collections.unmodifiableMap(new TreeMap<>(confirmedLengths));
    }

    /**
     * Appends {@code batch} as the next confirmed batch.
     *
     * @param entries the batch's entries, in its order: their heads are checked against what is confirmed
     * @throws IllegalArgumentException naming the first rule the batch breaks; nothing is stored then
     */
    public synchronized void append(Batch batch, List<LogEntry> entries) throws StoreException {
        if (batch.number() != batchCount) {
            throw new IllegalArgumentException("Batch " + batch.number() + " is not next: " + batchCount + " are confirmed");
        }
        if (!entries.stream().map(LogEntry::id).toList().equals(batch.entries())) {
            throw new IllegalArgumentException("Batch " + batch.number() + ": the entries given are not the batch's");
        }
        Map<Bytes32, Long> after = new HashMap<>(confirmedLengths);
        for (LogEntry entry : entries) {
            long confirmed = after.getOrDefault(entry.writer(), 0L);
            if (entry.seq() != confirmed) {
                throw new IllegalArgumentException("Batch " + batch.number() + ": entry " + entry.id()
                        + " does not come next in its log (" + confirmed + " confirmed)");
            }
            for (EntryId head : entry.heads()) {
                if (head.seq() >= after.getOrDefault(head.writer(), 0L)) {
                    throw new IllegalArgumentException("Batch " + batch.number() + ": entry " + entry.id()
                            + " comes before its head " + head);
                }
            }
            after.put(entry.writer(), confirmed + 1);
        }
        try (WriteBatch write = new WriteBatch()) {
            write.put(batches, ByteBuffer.allocate(Long.BYTES).putLong(batch.number()).array(), encode(batch));
            for (Map.Entry<Bytes32, Long> length : after.entrySet()) {
                if (!length.getValue().equals(confirmedLengths.get(length.getKey()))) {
                    write.put(lengths, length.getKey().toByteArray(),
                            ByteBuffer.allocate(Long.BYTES).putLong(length.getValue()).array());
                }
            }
            db.write(writeOptions, write);
        } catch (RocksDBException e) {
            throw new StoreException("Cannot store batch " + batch.number() + ": " + e.getMessage(), e);
        }
        confirmedLengths.putAll(after);
        batchCount++;
    }

    /** Confirmed batch {@code number}. */
    public Optional<Batch> batch(long number) throws StoreException {
        try {
            byte[] stored = db.get(batches, ByteBuffer.allocate(Long.BYTES).putLong(number).array());
            return stored == null ? Optional.empty() : Optional.of(decode(number, stored));
        } catch (RocksDBException | WireException e) {
            throw new StoreException("Cannot read batch " + number + ": " + e.getMessage(), e);
        }
    }

    private static byte[] encode(Batch batch) {
        WireWriter out = new WireWriter().uvarint(batch.entries().size());
        batch.entries().forEach(id -> out.bytes32(id.writer()).uvarint(id.seq()));
        return out.toByteArray();
    }

    private static Batch decode(long number, byte[] stored) throws WireException {
        WireReader in = new WireReader(stored);
        int count = in.uvarint("batch size", Batch.MAX_ENTRIES);
        List<EntryId> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new EntryId(in.bytes32("batch entry writer"), in.uvarint("batch entry seq")));
        }
        in.expectEnd("batch");
        return new Batch(number, entries);
    }

    @Override
    public synchronized void close() {
        handles.forEach(ColumnFamilyHandle::close);
        writeOptions.close();
        db.close();
        options.close();
    }
}
