package net.intercomj.host.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Whole-file writes that never leave a half-written file behind: the bytes go to a temporary
 * file in the same folder, are forced to disk, and then take the target's name in one step.
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
     * Writes {@code target} atomically only if it does not exist yet; parent folders are created.
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
        if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp", permissions(folder, ownerOnly));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (replace) {
                moveReplacing(temp, target);
            } else if (!publishWithoutReplacing(temp, target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceFolder(folder);
    }

    /**
     * Gives {@code temp} the name {@code target} without ever replacing a file.
     *
     * @return {@code false} if the name is taken
     */
    static boolean publishWithoutReplacing(Path temp, Path target) throws IOException {
        try {
            // A hard link fails atomically if the name is taken, even when two processes race.
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            // FAT, some network shares: fall back to a rename right after a last check.
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static void moveReplacing(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] permissions(Path folder, boolean ownerOnly) throws IOException {
        if (ownerOnly && Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** Makes the new directory entry durable; not every platform lets a folder be opened, which is fine. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: the data itself is already forced.
        }
    }
}
