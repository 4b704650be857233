package net.intercomj.api.plugin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writing a plugin's files ({@link PluginContext#dataFolder()}) so that a crash never leaves half of one. */
public final class DataFiles {

    private DataFiles() {}

    /**
     * Replaces {@code file} with {@code text} (UTF-8) in one step: the text goes to
     * {@code <file>.tmp}, is flushed to the disk, and the temporary file is renamed over
     * {@code file}. A reader sees the old content or the new one, never a mix; after a failure
     * the old file is left as it was and the temporary file is removed.
     *
     * @throws IOException when the file cannot be written
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException | RuntimeException ignored) {
                // The temporary file may be what failed (a folder in its place); the real file is untouched.
            }
            throw e;
        }
    }
}
