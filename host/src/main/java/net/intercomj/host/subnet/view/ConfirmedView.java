package net.intercomj.host.subnet.view;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.RocksStore;
import net.intercomj.host.subnet.order.Checkpoint;
import net.intercomj.host.store.StoreException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The confirmed state, on disk (RocksDB). Each confirmed batch's writes go in one atomic write
 * together with the number of batches applied, so after a crash the view is exactly at a batch
 * boundary: never half a batch, never a batch twice.
 */
public final class ConfirmedView implements ViewReader, AutoCloseable {

    private static final byte[] APPLIED = "applied-batches".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATE_HASH = "state-hash".getBytes(StandardCharsets.US_ASCII);

    private final RocksStore rocks;
    private final ColumnFamilyHandle state;
    private final ColumnFamilyHandle meta;
    private volatile long appliedBatches;
    private volatile Bytes32 stateHash;

    private ConfirmedView(RocksStore rocks) throws RocksDBException {
        this.rocks = rocks;
        this.state = rocks.family("state");
        this.meta = rocks.family("meta");
        byte[] applied = rocks.get(meta, APPLIED);
        this.appliedBatches = applied == null ? 0 : RocksStore.readLong(applied);
        byte[] hash = rocks.get(meta, STATE_HASH);
        this.stateHash = hash == null ? Checkpoint.ZERO : Bytes32.of(hash);
    }

    /** Opens the view in {@code folder}, creating it empty on first use. */
    public static ConfirmedView open(Path folder) throws StoreException {
        RocksStore rocks = RocksStore.open(folder, "the subnet view", "state", "meta");
        try {
            return new ConfirmedView(rocks);
        } catch (RocksDBException e) {
            rocks.close();
            throw new StoreException("Cannot read the subnet view in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** How many confirmed batches the view holds. */
    public long appliedBatches() {
        return appliedBatches;
    }

    /** The state hash after the applied batches (see {@link Checkpoint}). */
    public Bytes32 stateHash() {
        return stateHash;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            byte[] value = rocks.get(state, key.getBytes(StandardCharsets.UTF_8));
            return value == null ? Optional.empty() : Optional.of(new String(value, StandardCharsets.UTF_8));
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot read " + key + " from the subnet view: " + e.getMessage(), e);
        }
    }

    /**
     * Applies confirmed batch number {@code batch} (counting from 0): sets each key to its value,
     * or deletes it when the value is empty, all at once, with the state hash after it.
     *
     * @throws IllegalArgumentException if {@code batch} is not the next one
     */
    public synchronized void apply(long batch, Map<String, Optional<String>> writes, Bytes32 newStateHash)
            throws StoreException {
        if (batch != appliedBatches) {
            throw new IllegalArgumentException("The subnet view holds " + appliedBatches + " batches; batch " + batch
                    + " cannot be applied next");
        }
        try {
            rocks.write(write -> {
                for (Map.Entry<String, Optional<String>> entry : writes.entrySet()) {
                    byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
                    if (entry.getValue().isPresent()) {
                        write.put(state, key, entry.getValue().get().getBytes(StandardCharsets.UTF_8));
                    } else {
                        write.delete(state, key);
                    }
                }
                write.put(meta, APPLIED, RocksStore.longBytes(batch + 1));
                write.put(meta, STATE_HASH, newStateHash.toByteArray());
            });
        } catch (RocksDBException e) {
            throw new StoreException("Cannot apply batch " + batch + " to the subnet view: " + e.getMessage(), e);
        }
        stateHash = newStateHash;
        appliedBatches = batch + 1;
    }

    @Override
    public synchronized void close() {
        rocks.close();
    }
}
