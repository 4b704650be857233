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
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
 *
 * <p>Every access goes through this class, under a read lock that {@link #close} takes for
 * writing: a network thread still reading while the peer shuts down gets a
 * {@link RocksDBException} saying the store is closed, never a use of freed native memory.
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
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final String what;
    // Guarded by lock.
    private boolean closed;

    private RocksStore(RocksDB db, DBOptions options, List<ColumnFamilyHandle> handles, List<String> names, String what) {
        this.db = db;
        this.what = what;
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
            return new RocksStore(db, options, handles, List.of(families), what);
        } catch (RocksDBException | IOException e) {
            handles.forEach(ColumnFamilyHandle::close);
            options.close();
            throw new StoreException("Cannot open " + what + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The column family named {@code name} at open. */
    public ColumnFamilyHandle family(String name) {
        ColumnFamilyHandle handle = families.get(name);
        if (handle == null) {
            throw new IllegalArgumentException("No column family " + name);
        }
        return handle;
    }

    /** The value of {@code key} in {@code family}, or null. */
    public byte[] get(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
        lock.readLock().lock();
        try {
            requireOpen();
            return db.get(family, key);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Fills a write batch: the puts and deletes of one atomic write. */
    @FunctionalInterface
    public interface Changes {
        void into(WriteBatch batch) throws RocksDBException;
    }

    /** Writes {@code changes} atomically. */
    public void write(Changes changes) throws RocksDBException {
        write(changes, writeOptions);
    }

    /**
     * Writes {@code changes} atomically and waits until they are on the disk itself:
     * {@link #write} survives a killed process, this also a lost machine (what Raft's votes need).
     */
    public void writeDurably(Changes changes) throws RocksDBException {
        write(changes, durableWriteOptions);
    }

    // The batch is filled under the lock too: its column family handles are freed at close.
    private void write(Changes changes, WriteOptions options) throws RocksDBException {
        lock.readLock().lock();
        try (WriteBatch batch = new WriteBatch()) {
            requireOpen();
            changes.into(batch);
            db.write(options, batch);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code reader} with an iterator over {@code family}, closed afterwards; the store stays
     * open meanwhile.
     */
    public <T> T iterate(ColumnFamilyHandle family, Function<RocksIterator, T> reader) throws RocksDBException {
        lock.readLock().lock();
        try (RocksIterator iterator = openIterator(family)) {
            return reader.apply(iterator);
        } finally {
            lock.readLock().unlock();
        }
    }

    private RocksIterator openIterator(ColumnFamilyHandle family) throws RocksDBException {
        requireOpen();
        return db.newIterator(family);
    }

    /** Calls {@code entry} with every key and value of {@code family}, in key order. */
    public void forEach(ColumnFamilyHandle family, BiConsumer<byte[], byte[]> entry) throws RocksDBException {
        iterate(family, iterator -> {
            for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
                entry.accept(iterator.key(), iterator.value());
            }
            return null;
        });
    }

    private void requireOpen() throws RocksDBException {
        if (closed) {
            throw new RocksDBException(what + " is closed");
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
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
        handles.forEach(ColumnFamilyHandle::close);
        writeOptions.close();
        durableWriteOptions.close();
        db.close();
        options.close();
    }
}
