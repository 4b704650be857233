package net.intercomj.host.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * One RocksDB database with named column families, opened and closed as a unit: what the subnet's
 * logs, confirmed log and view are stored in. Writes go through {@link #write} as atomic batches.
 */
public final class RocksStore implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final DBOptions options;
    private final List<ColumnFamilyHandle> handles;
    private final Map<String, ColumnFamilyHandle> families;
    private final WriteOptions writeOptions = new WriteOptions();
    private final WriteOptions durableWriteOptions = new WriteOptions().setSync(true);

    private RocksStore(RocksDB db, DBOptions options, List<ColumnFamilyHandle> handles, List<String> names) {
        this.db = db;
        this.options = options;
        this.handles = handles;
        this.families = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            families.put(names.get(i), handles.get(i + 1));
        }
    }

    /**
     * Opens the database in {@code folder}, creating it and the column families on first use.
     *
     * @param what     what it holds, for error messages, e.g. {@code the subnet logs}
     * @param families the column families besides the default one
     */
    public static RocksStore open(Path folder, String what, String... families) throws StoreException {
        DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
        for (String family : families) {
            descriptors.add(new ColumnFamilyDescriptor(family.getBytes(StandardCharsets.US_ASCII)));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            RocksDB db = RocksDB.open(options, folder.toString(), descriptors, handles);
            return new RocksStore(db, options, handles, List.of(families));
        } catch (RocksDBException | IOException e) {
            handles.forEach(ColumnFamilyHandle::close);
            options.close();
            throw new StoreException("Cannot open " + what + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The database, for reads and iterators. */
    public RocksDB db() {
        return db;
    }

    /** The column family named {@code name} at open. */
    public ColumnFamilyHandle family(String name) {
        ColumnFamilyHandle handle = families.get(name);
        if (handle == null) {
            throw new IllegalArgumentException("No column family " + name);
        }
        return handle;
    }

    /** Writes {@code batch} atomically. */
    public void write(WriteBatch batch) throws RocksDBException {
        db.write(writeOptions, batch);
    }

    /**
     * Writes {@code batch} atomically and waits until it is on the disk itself: {@link #write}
     * survives a killed process, this also a lost machine (what Raft's votes and log need).
     */
    public void writeDurably(WriteBatch batch) throws RocksDBException {
        db.write(durableWriteOptions, batch);
    }

    /** Calls {@code entry} with every key and value of {@code family}, in key order. */
    public void forEach(ColumnFamilyHandle family, BiConsumer<byte[], byte[]> entry) {
        try (RocksIterator iterator = db.newIterator(family)) {
            for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
                entry.accept(iterator.key(), iterator.value());
            }
        }
    }

    /** {@code value} as 8 big-endian bytes: keys in this form sort in numeric order. */
    public static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    /** The number {@link #longBytes} wrote. */
    public static long readLong(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    @Override
    public void close() {
        handles.forEach(ColumnFamilyHandle::close);
        writeOptions.close();
        durableWriteOptions.close();
        db.close();
        options.close();
    }
}
