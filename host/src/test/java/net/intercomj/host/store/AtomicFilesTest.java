package net.intercomj.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeReplacesAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("x.json");
        AtomicFiles.write(file, "one".getBytes(), false);
        AtomicFiles.write(file, "two".getBytes(), false);
        assertThat(Files.readString(file)).isEqualTo("two");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void createNeverOverwrites() throws Exception {
        Path file = Files.writeString(dir.resolve("keep.json"), "original");
        assertThatThrownBy(() -> AtomicFiles.create(file, "new".getBytes(), true))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("original");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void publishingNeverReplacesAFileThatAppearedAfterTheCheck() throws Exception {
        // Another process wins the race between the existence check and the publish.
        Path file = dir.resolve("keypair.json");
        Path temp = Files.writeString(dir.resolve(".keypair.json.1.tmp"), "new wallet");
        Files.writeString(file, "the other process's wallet");
        assertThat(AtomicFiles.publishWithoutReplacing(temp, file)).isFalse();
        assertThat(Files.readString(file)).isEqualTo("the other process's wallet");

        Path fresh = dir.resolve("fresh.json");
        assertThat(AtomicFiles.publishWithoutReplacing(temp, fresh)).isTrue();
        assertThat(Files.readString(fresh)).isEqualTo("new wallet");
    }

    @Test
    void createdFilesAreReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("db/secret.json");
        AtomicFiles.create(file, "s".getBytes(), true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
