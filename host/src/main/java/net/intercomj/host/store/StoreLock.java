package net.intercomj.host.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive operating-system lock on a store folder, so two peer processes never open the
 * same store. The lock dies with the process, so a crashed peer never leaves a stale lock.
 * The file holds the owner's process id for the error message of the next contender.
 */
final class StoreLock implements AutoCloseable {

    static final String FILE_NAME = "intercom.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path storeFolder) throws StoreException {
        Path file = storeFolder.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("Cannot write store folder " + storeFolder + ": " + describe(e), e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String owner = readOwner(file);
                channel.close();
                throw new StoreException("Store " + storeFolder + " is already in use by another peer process"
                        + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                        + ". Stop that peer first, or start this one with another store name.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new StoreLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock store folder " + storeFolder + ": " + describe(e), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this same JVM: just as much "in use" as a lock held by another process.
            return null;
        }
    }

    private static String readOwner(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    static String describe(IOException e) {
        String reason = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return reason == null || reason.isBlank() ? kind : kind + " (" + reason + ")";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already failing; the first error is the one worth reporting.
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
