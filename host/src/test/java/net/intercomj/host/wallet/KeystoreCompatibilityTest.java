package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Opens keypair.json files written by the original npm packages (see compat/README.md). */
class KeystoreCompatibilityTest {

    private static void assertAbandonWallet(PeerWallet wallet) {
        assertThat(wallet.publicKeyHex()).isEqualTo(PeerWalletTest.PUB);
        assertThat(wallet.secretKeyHex()).isEqualTo(PeerWalletTest.SECRET);
        assertThat(wallet.address()).isEqualTo(PeerWalletTest.ADDRESS);
        assertThat(wallet.mnemonic()).contains(PeerWalletTest.ABANDON);
        assertThat(wallet.derivationPath()).contains("m/918'/0'/0'/0'");
    }

    @Test
    void opensTheFileTracWalletWritesWithTheEmptyPassword() throws Exception {
        Path file = Vectors.path("compat/keypair-trac-wallet-1.0.1-empty-password.json");
        byte[] before = Files.readAllBytes(file);
        assertAbandonWallet(KeypairFile.open(file, new byte[0]));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void opensTheFileTracWalletWritesWithAPassword() throws Exception {
        Path file = Vectors.path("compat/keypair-trac-wallet-1.0.1-password.json");
        assertAbandonWallet(KeypairFile.open(file, "correct horse battery staple".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void wrongPasswordOnTheOriginalFileIsReportedAndTheFileKept() throws Exception {
        Path file = Vectors.path("compat/keypair-trac-wallet-1.0.1-password.json");
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> KeypairFile.open(file, new byte[0]))
                .isInstanceOf(WalletException.class)
                .hasMessage("Cannot open wallet file " + file
                        + ": wrong password or corrupted data (decryption failed). The file was left untouched.")
                .extracting(e -> ((WalletException) e).kind()).isEqualTo(WalletException.Kind.DECRYPTION_FAILED);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void opensTheVersionTwoLayout() throws Exception {
        assertAbandonWallet(KeypairFile.open(Vectors.path("compat/keypair-v2-layout-empty-password.json"), null));
    }
}
