package net.intercomj.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.intercomj.host.cli.SubnetBootstraps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubnetBootstrapTest {

    private static final String OWN = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("subnet-bootstrap.hex");
    }

    @Test
    void firstRunWithoutBootstrapCreatesANewSubnetAndWritesTheFile() throws Exception {
        SubnetBootstrap result = SubnetBootstrap.resolve(Optional.empty(), file(), OWN);
        assertThat(result).isEqualTo(new SubnetBootstrap(OWN, SubnetBootstrap.Source.NEW, true));
        assertThat(Files.readString(file())).isEqualTo(OWN + "\n");
        assertThat(Files.size(file())).isEqualTo(65);
    }

    @Test
    void laterRunsReadTheFile() throws Exception {
        Files.writeString(file(), OTHER + "\n");
        SubnetBootstrap result = SubnetBootstrap.resolve(Optional.empty(), file(), OWN);
        assertThat(result).isEqualTo(new SubnetBootstrap(OTHER, SubnetBootstrap.Source.FILE, false));
    }

    @Test
    void aJoinersFlagIsRememberedForTheNextRun() throws Exception {
        // The original never persisted a flag-given bootstrap, so a restart without the flag
        // silently created a new subnet.
        SubnetBootstrap first = SubnetBootstrap.resolve(Optional.of(OTHER), file(), OWN);
        assertThat(first).isEqualTo(new SubnetBootstrap(OTHER, SubnetBootstrap.Source.CONFIGURED, true));
        SubnetBootstrap restart = SubnetBootstrap.resolve(Optional.empty(), file(), OWN);
        assertThat(restart.hex()).isEqualTo(OTHER);
    }

    @Test
    void theFlagWinsButNeverOverwritesAnExistingFile() throws Exception {
        Files.writeString(file(), OWN + "\n");
        SubnetBootstrap result = SubnetBootstrap.resolve(Optional.of(OTHER), file(), OWN);
        assertThat(result).isEqualTo(new SubnetBootstrap(OTHER, SubnetBootstrap.Source.CONFIGURED, false));
        assertThat(Files.readString(file())).isEqualTo(OWN + "\n");
    }

    @Test
    void anInvalidFileIsAnErrorAndIsLeftUntouched() throws Exception {
        Files.writeString(file(), "xyz\n");
        assertThatThrownBy(() -> SubnetBootstrap.resolve(Optional.empty(), file(), OWN))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Invalid subnet bootstrap file " + file());
        assertThat(Files.readString(file())).isEqualTo("xyz\n");
    }

    @Test
    void aFileNamingTheMsbBootstrapIsRefused() throws Exception {
        Files.writeString(file(), SubnetBootstraps.MSB_MAINNET_BOOTSTRAP + "\n");
        assertThatThrownBy(() -> SubnetBootstrap.resolve(Optional.empty(), file(), OWN))
                .isInstanceOf(StoreException.class)
                .hasMessage("Subnet bootstrap cannot equal MSB bootstrap. (in " + file() + ")");
        assertThat(Files.readString(file())).isEqualTo(SubnetBootstraps.MSB_MAINNET_BOOTSTRAP + "\n");
    }
}
