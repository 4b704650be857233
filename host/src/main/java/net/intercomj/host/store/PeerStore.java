package net.intercomj.host.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An open peer store folder, {@code <peer-stores-directory>/<peer-store-name>/}, held exclusively
 * by this process until {@link #close()}.
 *
 * <pre>
 * stores/&lt;peer&gt;/
 *   intercom.lock          process lock (holds the owner's pid)
 *   subnet-bootstrap.hex   the subnet this peer belongs to (64 hex + LF)
 *   terminal.history       terminal history
 *   db/keypair.json        wallet (upstream keystore format)
 *   db/writer.key          this peer's writer key for the subnet log
 *   db/state/              the database of the subnet plane
 * </pre>
 */
public final class PeerStore implements AutoCloseable {

    private final Path folder;
    private final StoreLock lock;

    private PeerStore(Path folder, StoreLock lock) {
        this.folder = folder;
        this.lock = lock;
    }

    /**
     * Creates the folder if needed and locks it.
     *
     * @throws StoreException if the folder cannot be created or written, or another process holds it
     */
    public static PeerStore open(Path folder) throws StoreException {
        Path db = folder.resolve("db");
        try {
            Files.createDirectories(db);
        } catch (FileSystemException e) {
            throw new StoreException("Cannot create store folder " + folder + ": " + StoreLock.describe(e), e);
        } catch (IOException e) {
            throw new StoreException("Cannot create store folder " + folder + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(db)) {
            throw new StoreException("Cannot write store folder " + folder + ": permission denied");
        }
        return new PeerStore(folder, StoreLock.acquire(folder));
    }

    /** The store folder as configured (relative paths stay relative, as the banner prints them). */
    public Path folder() {
        return folder;
    }

    /** The wallet file, {@code db/keypair.json}. */
    public Path keypairFile() {
        return folder.resolve("db").resolve("keypair.json");
    }

    /** The writer key file, {@code db/writer.key}. */
    public Path writerKeyFile() {
        return folder.resolve("db").resolve("writer.key");
    }

    /** The subnet bootstrap file, {@code subnet-bootstrap.hex}. */
    public Path subnetBootstrapFile() {
        return folder.resolve("subnet-bootstrap.hex");
    }

    /** The folder of the subnet plane's database, {@code db/state} (created by the plane that uses it). */
    public Path databaseFolder() {
        return folder.resolve("db").resolve("state");
    }

    /** The terminal's history file. */
    public Path historyFile() {
        return folder.resolve("terminal.history");
    }

    /** Releases the lock; the folder and its files stay. */
    @Override
    public void close() throws IOException {
        lock.close();
    }
}
