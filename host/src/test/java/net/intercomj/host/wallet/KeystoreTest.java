package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keystore format and crypto; Argon2i runs at full strength, at most four times in this class. */
class KeystoreTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Keystore KEYSTORE = TestKeystores.memoisedWithFixedSalt();

    @Test
    void argon2iMatchesLibsodiumCryptoPwhash() {
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        long start = System.nanoTime();
        byte[] key = Keystore.deriveKey("password".getBytes(StandardCharsets.UTF_8), salt);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Argon2i v1.3, 3 passes, 256 MiB, 1 lane: one derivation took " + millis + " ms");
        // Values from sodium.crypto_pwhash(..., OPSLIMIT_MODERATE, MEMLIMIT_MODERATE, ALG_ARGON2I13).
        assertThat(HEX.formatHex(key)).isEqualTo("2ec58ba5ebd76698f082bdc788a7d4f2d2d0196da67261cd6ec6f675f3f4c86a");
        assertThat(HEX.formatHex(Keystore.deriveKey(new byte[0], salt)))
                .isEqualTo("51d84d2cc4c482dd89e302b5120f86dc28177e9ec2d0f97c2ab2050a44c5c011");
    }

    @Test
    void parametersAreLibsodiumModerate() {
        assertThat(Keystore.ARGON2_ITERATIONS).isEqualTo(3);
        assertThat(Keystore.ARGON2_MEMORY_KIB * 1024L).isEqualTo(268_435_456L);
        assertThat(Keystore.ARGON2_PARALLELISM).isEqualTo(1);
    }

    @Test
    void helloRoundTripHasTheSpecSizes() throws Exception {
        String file = KEYSTORE.encryptPlaintext("hello".getBytes(StandardCharsets.UTF_8), new byte[0]);
        JsonNode json = JSON.readTree(file);
        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("nonce", "salt", "ciphertext");
        assertThat(HEX.parseHex(json.get("nonce").asText())).hasSize(24);
        assertThat(HEX.parseHex(json.get("salt").asText())).hasSize(16);
        assertThat(HEX.parseHex(json.get("ciphertext").asText())).hasSize(21);
        assertThat(new String(KEYSTORE.decryptPlaintext(file.getBytes(StandardCharsets.UTF_8), null), StandardCharsets.UTF_8))
                .isEqualTo("hello");
    }

    @Test
    void writesCompactJsonAndReadsItBack() throws Exception {
        PeerWallet wallet = PeerWallet.fromMnemonic(PeerWalletTest.ABANDON);
        String file = KEYSTORE.encrypt(wallet, new byte[0]);
        assertThat(file).matches("\\{\"nonce\":\"[0-9a-f]{48}\",\"salt\":\"[0-9a-f]{32}\",\"ciphertext\":\"[0-9a-f]+\"}");
        PeerWallet back = KEYSTORE.decrypt(file.getBytes(StandardCharsets.UTF_8), new byte[0], "trac");
        assertThat(back.secretKeyHex()).isEqualTo(PeerWalletTest.SECRET);
        assertThat(back.address()).isEqualTo(PeerWalletTest.ADDRESS);
        assertThat(back.mnemonic()).contains(PeerWalletTest.ABANDON);
        assertThat(back.derivationPath()).contains("m/918'/0'/0'/0'");
        assertThat(KEYSTORE.decrypt(file.getBytes(StandardCharsets.UTF_8), new byte[0], "testtrac").address())
                .startsWith("testtrac1");
    }

    @Test
    void walletWithoutMnemonicIsStoredWithNulls() throws Exception {
        PeerWallet wallet = PeerWallet.fromSecretKey(HEX.parseHex(PeerWalletTest.SECRET));
        assertThat(Keystore.plaintextJson(wallet)).isEqualTo("{\n  \"publicKey\": \"" + PeerWalletTest.PUB
                + "\",\n  \"secretKey\": \"" + PeerWalletTest.SECRET + "\",\n  \"mnemonic\": null,\n"
                + "  \"derivationPath\": null\n}");
        String file = KEYSTORE.encrypt(wallet, new byte[0]);
        PeerWallet back = KEYSTORE.decrypt(file.getBytes(StandardCharsets.UTF_8), new byte[0], "trac");
        assertThat(back.mnemonic()).isEmpty();
        assertThat(back.derivationPath()).isEmpty();
        assertThat(back.publicKeyHex()).isEqualTo(PeerWalletTest.PUB);
    }

    @Test
    void plaintextIsByteForByteWhatTracWalletEncrypts() throws Exception {
        byte[] original = Files.readAllBytes(Vectors.path("compat/keypair-trac-wallet-1.0.1-empty-password.json"));
        byte[] plaintext = KEYSTORE.decryptPlaintext(original, new byte[0]);
        String ours = Keystore.plaintextJson(PeerWallet.fromMnemonic(PeerWalletTest.ABANDON));
        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(ours);
        // sha256 of the decrypted plaintext as computed in Node (compat/README.md).
        assertThat(HEX.formatHex(Bip39.sha256(plaintext)))
                .isEqualTo("b2a5be3a8b22f391e1ade1490f69eba77605db0e223adddc4e7f161e234b00af");
        assertThat(plaintext).hasSize(382);
        assertThat(List.of(ours.split("\n"))).first().isEqualTo("{");
    }
}
