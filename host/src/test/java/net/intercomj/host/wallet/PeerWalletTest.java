package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.intercomj.api.wallet.Wallet;
import org.junit.jupiter.api.Test;

class PeerWalletTest {

    private static final HexFormat HEX = HexFormat.of();
    static final String ABANDON =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    static final String PUB = "17cea8fa0c8d6993e05bd5f4ad8cff9f413b40d8685bc5e633cbba6f78f5dfc5";
    static final String SECRET = "237425bbeb5aeb9bb52d0cf9a26f337ba1df52fcb051df4b137e8c3a7b1c0405" + PUB;
    static final String ADDRESS = "trac1zl8237sv345e8czm6h62mr8lnaqnksxcdpdute3newax7784mlzspgq04v";
    private static final String VIRUS = "virus shy bid eyebrow remove cool jungle seed elegant ball alarm asset reform "
            + "champion hat scan act remember thumb cloth talent invite unable trouble";

    @Test
    void specVectorFromMnemonic() {
        PeerWallet wallet = PeerWallet.fromMnemonic(ABANDON);
        assertThat(wallet.publicKeyHex()).isEqualTo(PUB);
        assertThat(wallet.publicKey()).isEqualTo(HEX.parseHex(PUB));
        assertThat(wallet.secretKeyHex()).isEqualTo(SECRET);
        assertThat(wallet.secretKey()).isEqualTo(HEX.parseHex(SECRET));
        assertThat(wallet.address()).isEqualTo(ADDRESS);
        assertThat(wallet.hrp()).isEqualTo("trac");
        assertThat(wallet.mnemonic()).contains(ABANDON);
        assertThat(wallet.derivationPath()).contains("m/918'/0'/0'/0'");
        assertThat(PeerWallet.fromMnemonic(ABANDON, "trac", "m/918'/0'/0'/0'").secretKeyHex()).isEqualTo(SECRET);
    }

    @Test
    void specTransactionSignatureVector() {
        Wallet wallet = PeerWallet.fromMnemonic(ABANDON);
        byte[] tx = HEX.parseHex("d9df4ba0e65f14b3fa8b792226efc033e64b5a0bab36224e68241e7bc865c7a9");
        assertThat(HEX.formatHex(wallet.sign(tx))).isEqualTo(
                "a18473856c1bcd44cd760ebb3ecbb6d593e1adcc6cc23e8eba073df5a89ee5ba"
                        + "4b039c702968db2562c949a5d331323ce8464b37d4210029ca7aa171cf6b280b");
    }

    @Test
    void specAdminOperationSignatureVector() {
        PeerWallet wallet = PeerWallet.fromMnemonic(ABANDON);
        String signed = "{\"type\":\"addWriter\",\"key\":\"" + "a".repeat(64) + "\"}" + "04".repeat(32);
        byte[] signature = wallet.sign(signed.getBytes(StandardCharsets.UTF_8));
        assertThat(HEX.formatHex(signature)).isEqualTo(
                "9afdc5e5b8239507ea5054a449bea2161255ad4ae38f442b5494c14e2a88c7f1"
                        + "4cd233c1a011870e6a5b0ff00f086192932131ae25b8be03fac4960f88fa7500");
        assertThat(PeerWallet.verify(signature, signed.getBytes(StandardCharsets.UTF_8), wallet.publicKey())).isTrue();
    }

    @Test
    void upstreamFixtureWithTesttracPrefix() {
        PeerWallet wallet = PeerWallet.fromMnemonic(VIRUS, "testtrac", "m/918'/0'/0'/0'");
        assertThat(wallet.address()).isEqualTo("testtrac166qlmx26m5pxfjfwpys87u9yrvqrfy6ya493lze59t67q8ufu23s2zn5xh");
        assertThat(PeerWallet.fromMnemonic(VIRUS, "testtrac", "m/919'/0'/0'/0'").address())
                .startsWith("testtrac1")
                .isNotEqualTo(wallet.address());
    }

    @Test
    void abandonOnTestnetPathAndPrefix() {
        PeerWallet wallet = PeerWallet.fromMnemonic(ABANDON, "testtrac", DerivationPath.TESTNET);
        assertThat(wallet.publicKeyHex()).isEqualTo("fbc07e633c1833833c3f25703a6f34cb808a86fd1ae341956f0541b9c77c16aa");
        assertThat(wallet.address()).isEqualTo("testtrac1l0q8uceurqecx0ply4cr5me5ewqg4phart35r9t0q4qmn3muz64q95da9v");
    }

    @Test
    void prefixIsPartOfTheDerivation() {
        assertThat(PeerWallet.fromMnemonic(ABANDON, "testtrac", DerivationPath.MAINNET).publicKeyHex()).isNotEqualTo(PUB);
    }

    @Test
    void mnemonicIsNormalisedAndPathWhitespaceRemoved() {
        PeerWallet wallet = PeerWallet.fromMnemonic("  " + ABANDON.toUpperCase() + "\n", "trac", " m/918' / 0'/0'/0' ");
        assertThat(wallet.publicKeyHex()).isEqualTo(PUB);
        assertThat(wallet.mnemonic()).contains(ABANDON);
        assertThat(wallet.derivationPath()).contains("m/918'/0'/0'/0'");
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(() -> PeerWallet.fromMnemonic(ABANDON.replace("about", "abandon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> PeerWallet.fromMnemonic(ABANDON, "trac", "m/918'/0"))
                .hasMessage("Invalid segment: '0'. Only hardened segments (e.g. 0') are supported.");
        assertThatThrownBy(() -> PeerWallet.fromMnemonic(ABANDON, "TRAC", DerivationPath.MAINNET))
                .hasMessageStartingWith("Invalid HRP.");
    }

    @Test
    void generateGivesAFreshTwentyFourWordWallet() {
        PeerWallet a = PeerWallet.generate();
        PeerWallet b = PeerWallet.generate();
        assertThat(a.mnemonic()).hasValueSatisfying(m -> assertThat(m.split(" ")).hasSize(24));
        assertThat(a.derivationPath()).contains(DerivationPath.MAINNET);
        assertThat(a.address()).startsWith("trac1").hasSize(63);
        assertThat(a.publicKeyHex()).isNotEqualTo(b.publicKeyHex());
        assertThat(PeerWallet.fromMnemonic(a.mnemonic().orElseThrow()).publicKeyHex()).isEqualTo(a.publicKeyHex());
    }

    @Test
    void fromSecretKeyTakesTheLibsodiumLayout() {
        PeerWallet wallet = PeerWallet.fromSecretKey(HEX.parseHex(SECRET));
        assertThat(wallet.publicKeyHex()).isEqualTo(PUB);
        assertThat(wallet.address()).isEqualTo(ADDRESS);
        assertThat(wallet.mnemonic()).isEmpty();
        assertThat(wallet.derivationPath()).isEmpty();
        assertThat(PeerWallet.fromSecretKey("testtrac", HEX.parseHex(SECRET)).address()).startsWith("testtrac1");
    }

    @Test
    void fromSecretKeyRejectsWrongSizeAndMismatchedHalves() {
        assertThatThrownBy(() -> PeerWallet.fromSecretKey(new byte[32]))
                .hasMessage("Invalid secret key. Expected a Buffer of length 64, got 32");
        byte[] wrongPublicHalf = HEX.parseHex(SECRET);
        wrongPublicHalf[63] ^= 1;
        assertThatThrownBy(() -> PeerWallet.fromSecretKey(wrongPublicHalf))
                .hasMessage("Invalid secret key: its public half does not match its seed");
    }

    @Test
    void verifyFollowsTheOriginalRules() {
        PeerWallet wallet = PeerWallet.fromMnemonic(ABANDON);
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] signature = wallet.sign(message);
        assertThat(PeerWallet.verify(signature, message, wallet.publicKey())).isTrue();

        byte[] tampered = signature.clone();
        tampered[5] ^= 1;
        assertThat(PeerWallet.verify(tampered, message, wallet.publicKey())).isFalse();
        assertThat(PeerWallet.verify(signature, "hellp".getBytes(StandardCharsets.UTF_8), wallet.publicKey())).isFalse();
        assertThat(PeerWallet.verify(signature, message, PeerWallet.generate().publicKey())).isFalse();
        assertThat(PeerWallet.verify(new byte[63], message, wallet.publicKey())).isFalse();
        assertThat(PeerWallet.verify(signature, message, new byte[31])).isFalse();
        assertThat(PeerWallet.verify(null, message, wallet.publicKey())).isFalse();

        // libsodium accepts a valid signature of an empty message; trac-wallet's verify says false.
        byte[] emptySignature = wallet.sign(new byte[0]);
        assertThat(Ed25519Keys.verify(emptySignature, new byte[0], wallet.publicKey())).isTrue();
        assertThat(PeerWallet.verify(emptySignature, new byte[0], wallet.publicKey())).isFalse();
    }

    @Test
    void verifyRejectsTheSmallOrderForgeryLibsodiumRejects() {
        // Identity point as public key, R = identity and S = 0 satisfy the bare verification equation.
        byte[] identity = HEX.parseHex("0100000000000000000000000000000000000000000000000000000000000000");
        byte[] forged = new byte[64];
        forged[0] = 1;
        assertThat(PeerWallet.verify(forged, "x".getBytes(StandardCharsets.UTF_8), identity)).isFalse();
    }

    @Test
    void toStringShowsNoSecretsAndKeysAreCopies() {
        PeerWallet wallet = PeerWallet.fromMnemonic(ABANDON);
        assertThat(wallet.toString())
                .contains(ADDRESS, PUB)
                .doesNotContain(SECRET.substring(0, 64))
                .doesNotContain("abandon");
        byte[] pub = wallet.publicKey();
        pub[0] ^= 1;
        byte[] secret = wallet.secretKey();
        secret[0] ^= 1;
        assertThat(wallet.publicKeyHex()).isEqualTo(PUB);
        assertThat(wallet.secretKeyHex()).isEqualTo(SECRET);
    }
}
