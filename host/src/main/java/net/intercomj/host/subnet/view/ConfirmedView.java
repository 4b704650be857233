package net.intercomj.host.subnet.view;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.store.StoreException;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The confirmed state, on disk (RocksDB). Each confirmed batch's writes go in one atomic write
 * together with the number of batches applied, so after a crash the view is exactly at a batch
 * boundary: never half a batch, never a batch twice.
 */
public final class ConfirmedView implements ViewReader, AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private static final byte[] APPLIED = "applied-batches".getBytes(StandardCharsets.US_ASCII);

    private final RocksDB db;
    private final DBOptions options;
    private final List<ColumnFamilyHandle> handles;
    private final ColumnFamilyHandle state;
    private final ColumnFamilyHandle meta;
    private final WriteOptions writeOptions = new WriteOptions();
    private volatile long appliedBatches;

    private ConfirmedView(RocksDB db, DBOptions options, List<ColumnFamilyHandle> handles) throws RocksDBException {
        this.db = db;
        this.options = options;
        this.handles = handles;
        this.state = handles.get(1);
        this.meta = handles.get(2);
        byte[] applied = db.get(meta, APPLIED);
        this.appliedBatches = applied == null ? 0 : ByteBuffer.wrap(applied).getLong();
    }

    /** Opens the view in {@code folder}, creating it empty on first use. */
    public static ConfirmedView open(Path folder) throws StoreException {
        DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        List<ColumnFamilyDescriptor> families = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                new ColumnFamilyDescriptor("state".getBytes(StandardCharsets.US_ASCII)),
                new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.US_ASCII)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            return new ConfirmedView(RocksDB.open(options, folder.toString(), families, handles), options, handles);
        } catch (RocksDBException | IOException e) {
            handles.forEach(ColumnFamilyHandle::close);
            options.close();
            throw new StoreException("Cannot open the subnet view in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** How many confirmed batches the view holds. */
    public long appliedBatches() {
        return appliedBatches;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            byte[] value = db.get(state, key.getBytes(StandardCharsets.UTF_8));
            return value == null ? Optional.empty() : Optional.of(new String(value, StandardCharsets.UTF_8));
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot read " + key + " from the subnet view: " + e.getMessage(), e);
        }
    }

    /**
     * Applies confirmed batch number {@code batch} (counting from 0): sets each key to its value,
     * or deletes it when the value is empty, all at once.
     *
     * @throws IllegalArgumentException if {@code batch} is not the next one
     */
    public synchronized void apply(long batch, Map<String, Optional<String>> writes) throws StoreException {
        if (batch != appliedBatches) {
            throw new IllegalArgumentException("The subnet view holds " + appliedBatches + " batches; batch " + batch
                    + " cannot be applied next");
        }
        try (WriteBatch write = new WriteBatch()) {
            for (Map.Entry<String, Optional<String>> entry : writes.entrySet()) {
                byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
                if (entry.getValue().isPresent()) {
                    write.put(state, key, entry.getValue().get().getBytes(StandardCharsets.UTF_8));
                } else {
                    write.delete(state, key);
                }
            }
            write.put(meta, APPLIED, ByteBuffer.allocate(Long.BYTES).putLong(batch + 1).array());
            db.write(writeOptions, write);
        } catch (RocksDBException e) {
            throw new StoreException("Cannot apply batch " + batch + " to the subnet view: " + e.getMessage(), e);
        }
        appliedBatches = batch + 1;
    }

    @Override
    public synchronized void close() {
        handles.forEach(ColumnFamilyHandle::close);
        writeOptions.close();
        db.close();
        options.close();
    }
}
