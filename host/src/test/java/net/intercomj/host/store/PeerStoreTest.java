package net.intercomj.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerStoreTest {

    @TempDir
    Path dir;

    @Test
    void createsTheLayoutAndNamesItsFiles() throws Exception {
        Path folder = dir.resolve("stores").resolve("admin");
        try (PeerStore store = PeerStore.open(folder)) {
            assertThat(folder.resolve("db")).isDirectory();
            assertThat(store.keypairFile()).isEqualTo(folder.resolve("db/keypair.json"));
            assertThat(store.subnetBootstrapFile()).isEqualTo(folder.resolve("subnet-bootstrap.hex"));
            assertThat(store.databaseFolder()).isEqualTo(folder.resolve("db/state"));
            assertThat(Files.readString(folder.resolve(StoreLock.FILE_NAME)).trim())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aSecondOpenOfTheSameStoreIsRefusedUntilTheFirstCloses() throws Exception {
        Path folder = dir.resolve("peer");
        try (PeerStore first = PeerStore.open(folder)) {
            assertThatThrownBy(() -> PeerStore.open(folder))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("Store " + folder + " is already in use by another peer process")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        try (PeerStore again = PeerStore.open(folder)) {
            assertThat(again.folder()).isEqualTo(folder);
        }
    }

    @Test
    void anUnwritableStoreFolderIsAClearError() throws Exception {
        // Tests run as root here, so permissions cannot make a folder unwritable; a regular
        // file where the stores directory should be can.
        Path blocker = Files.writeString(dir.resolve("stores"), "not a folder");
        assertThatThrownBy(() -> PeerStore.open(blocker.resolve("admin")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot create store folder " + blocker.resolve("admin"));
        assertThat(Files.readString(blocker)).isEqualTo("not a folder");
    }
}
