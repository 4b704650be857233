package net.intercomj.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesTheWholeFileInFoldersItCreates() throws Exception {
        Path file = dir.resolve("a/b/state.json");
        DataFiles.writeAtomically(file, "{\"v\":1,\"name\":\"zoë\"}\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"v\":1,\"name\":\"zoë\"}\n");
        DataFiles.writeAtomically(file, "2");
        assertThat(Files.readString(file)).isEqualTo("2");
        assertThat(file.resolveSibling("state.json.tmp")).doesNotExist();
    }

    @Test
    void aFailedWriteLeavesTheOldFileAsItWas() throws Exception {
        Path file = dir.resolve("state.json");
        DataFiles.writeAtomically(file, "old");
        // Something in the temporary file's place: the write cannot happen.
        Files.createDirectories(dir.resolve("state.json.tmp").resolve("blocker"));
        assertThatThrownBy(() -> DataFiles.writeAtomically(file, "new")).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo("old");
    }
}
