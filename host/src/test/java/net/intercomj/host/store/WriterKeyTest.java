package net.intercomj.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterKeyTest {

    @TempDir
    Path dir;

    @Test
    void isCreatedOnceAndReadBackUnchanged() throws Exception {
        Path file = dir.resolve("db/writer.key");
        WriterKey created = WriterKey.loadOrCreate(file);
        WriterKey reread = WriterKey.loadOrCreate(file);
        assertThat(created.publicKeyHex()).matches("[0-9a-f]{64}").isEqualTo(reread.publicKeyHex());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void differentStoresGetDifferentKeys() throws Exception {
        assertThat(WriterKey.loadOrCreate(dir.resolve("a")).publicKeyHex())
                .isNotEqualTo(WriterKey.loadOrCreate(dir.resolve("b")).publicKeyHex());
    }

    @Test
    void aCorruptFileIsAnErrorAndIsLeftUntouched() throws Exception {
        Path file = Files.writeString(dir.resolve("writer.key"), "12");
        assertThatThrownBy(() -> WriterKey.loadOrCreate(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Invalid writer key file " + file);
        assertThat(Files.readString(file)).isEqualTo("12");
    }
}
