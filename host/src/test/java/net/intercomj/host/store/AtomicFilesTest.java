package net.intercomj.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
