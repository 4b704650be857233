package net.intercomj.host.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Whole-file writes that never leave a half-written file behind: the bytes go to a temporary
 * file in the same folder, are forced to disk, and then replace the target in one rename.
 * A crash leaves either the old file or the new one, never a mix.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content} atomically; readable by the owner only if {@code ownerOnly}. */
    public static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        writeAtomically(target, content, ownerOnly, true);
    }

    /**
     * Writes {@code target} atomically only if it does not exist yet.
     *
     * @throws FileAlreadyExistsException if it exists (the existing file is left untouched)
     */
    public static void create(Path target, byte[] content, boolean ownerOnly) throws IOException {
        writeAtomically(target, content, ownerOnly, false);
    }

    private static void writeAtomically(Path target, byte[] content, boolean ownerOnly, boolean replace)
            throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            if (ownerOnly && Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (replace) {
                moveReplacing(temp, target);
            } else {
                // A hard link fails if the target exists, so creation never clobbers a file that
                // appeared meanwhile (e.g. written by another process).
                Files.createLink(target, temp);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceFolder(folder);
    }

    private static void moveReplacing(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform lets a folder be opened, which is fine. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: the data itself is already forced.
        }
    }
}
