package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import net.intercomj.host.wallet.WalletException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * File life cycle and bad input. Uses a keystore with memoised full-strength Argon2i and a fixed
 * salt, so the whole class derives only a handful of keys (see {@link TestKeystores}).
 */
class KeypairFileTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Keystore KEYSTORE = TestKeystores.memoisedWithFixedSalt();
    private static final byte[] EMPTY = new byte[0];
    private static final PeerWallet ABANDON = PeerWallet.fromMnemonic(PeerWalletTest.ABANDON);

    @TempDir
    Path dir;

    private static String sealed(Map<String, String> plaintext) {
        return KEYSTORE.encryptPlaintext(JsJson.pretty(plaintext).getBytes(StandardCharsets.UTF_8), EMPTY);
    }

    private static Map<String, String> v1(String publicKey, String secretKey, String mnemonic, String path) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("publicKey", publicKey);
        data.put("secretKey", secretKey);
        data.put("mnemonic", mnemonic);
        data.put("derivationPath", path);
        return data;
    }

    private static Map<String, String> v2(String version, String mnemonic) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("addressPrefix", "trac");
        data.put("publicKey", PeerWalletTest.PUB);
        data.put("secretKey", PeerWalletTest.SECRET);
        data.put("address", PeerWalletTest.ADDRESS);
        if (mnemonic != null) {
            data.put("mnemonic", mnemonic);
            data.put("derivationPath", DerivationPath.MAINNET);
        }
        if (version != null) {
            data.put("version", version);
        }
        return data;
    }

    private static String goodFile() {
        return KEYSTORE.encrypt(ABANDON, EMPTY);
    }

    private static String replaceField(String file, String field, String json) {
        return file.replaceFirst("\"" + field + "\":\"[0-9a-f]*\"", "\"" + field + "\":" + json);
    }

    static Stream<Arguments> badFiles() {
        String other = PeerWallet.generate().publicKeyHex();
        return Stream.of(
                bad("truncated", f -> f.substring(0, f.length() / 2), Kind.MALFORMED, "not valid JSON (truncated or corrupt)"),
                bad("empty file", f -> "", Kind.MALFORMED, "not valid JSON (truncated or corrupt)"),
                bad("garbage", f -> "\u0000\u0001PK\u0003\u0004 not json", Kind.MALFORMED, "not valid JSON (truncated or corrupt)"),
                bad("trailing garbage", f -> f + "}", Kind.MALFORMED, "not valid JSON (truncated or corrupt)"),
                bad("array", f -> "[" + f + "]", Kind.MALFORMED,
                        "not a wallet keystore (expected a JSON object with nonce, salt and ciphertext)"),
                bad("missing salt", f -> f.replaceFirst("\"salt\":\"[0-9a-f]*\",", ""), Kind.MALFORMED, "missing field \"salt\""),
                bad("missing nonce", f -> f.replaceFirst("\"nonce\":\"[0-9a-f]*\",", ""), Kind.MALFORMED, "missing field \"nonce\""),
                bad("missing ciphertext", f -> f.replaceFirst(",\"ciphertext\":\"[0-9a-f]*\"", ""), Kind.MALFORMED,
                        "missing field \"ciphertext\""),
                bad("null salt", f -> replaceField(f, "salt", "null"), Kind.MALFORMED, "missing field \"salt\""),
                bad("numeric salt", f -> replaceField(f, "salt", "12"), Kind.MALFORMED, "field \"salt\" is not a hex string"),
                bad("bad hex salt", f -> replaceField(f, "salt", "\"" + "zz".repeat(16) + "\""), Kind.MALFORMED,
                        "field \"salt\" is not valid hex"),
                bad("odd-length nonce", f -> replaceField(f, "nonce", "\"" + "0".repeat(47) + "\""), Kind.MALFORMED,
                        "field \"nonce\" is not valid hex"),
                bad("short nonce", f -> replaceField(f, "nonce", "\"" + "00".repeat(23) + "\""), Kind.MALFORMED,
                        "field \"nonce\" has 23 bytes, expected 24"),
                bad("short ciphertext", f -> replaceField(f, "ciphertext", "\"" + "00".repeat(15) + "\""), Kind.MALFORMED,
                        "field \"ciphertext\" is too short (15 bytes, at least 16 needed)"),
                bad("tampered ciphertext", KeypairFileTest::flipLastCiphertextDigit, Kind.DECRYPTION_FAILED,
                        "wrong password or corrupted data (decryption failed)"),
                bad("swapped publicKey and secretKey",
                        f -> sealed(v1(PeerWalletTest.SECRET, PeerWalletTest.PUB, null, null)), Kind.INVALID_KEYS,
                        "Invalid public key format. Please provide a valid hex string (publicKey has 64 bytes, expected 32)"),
                bad("publicKey of another wallet",
                        f -> sealed(v1(other, PeerWalletTest.SECRET, null, null)), Kind.INVALID_KEYS,
                        "publicKey does not match secretKey"),
                bad("secret key with another public half",
                        f -> sealed(v1(other, PeerWalletTest.SECRET.substring(0, 64) + other, null, null)), Kind.INVALID_KEYS,
                        "publicKey does not match secretKey"),
                bad("missing publicKey",
                        f -> sealed(v1(null, PeerWalletTest.SECRET, null, null)), Kind.INVALID_KEYS,
                        "Invalid public key format. Please provide a valid hex string (publicKey is missing)"),
                bad("bad hex secretKey",
                        f -> sealed(v1(PeerWalletTest.PUB, "x" + PeerWalletTest.SECRET.substring(1), null, null)),
                        Kind.INVALID_KEYS,
                        "Invalid secret key format. Please provide a valid hex string (secretKey is not valid hex)"),
                bad("plaintext not JSON",
                        f -> KEYSTORE.encryptPlaintext("{\"publicKey\":".getBytes(StandardCharsets.UTF_8), EMPTY),
                        Kind.INVALID_KEYS, "Decrypted data does not contain valid keys"),
                bad("plaintext not UTF-8",
                        f -> KEYSTORE.encryptPlaintext(new byte[] {'{', (byte) 0xff, '}'}, EMPTY),
                        Kind.INVALID_KEYS, "Decrypted data does not contain valid keys"),
                bad("unsupported version", f -> sealed(v2("2.0.0", null)), Kind.INVALID_KEYS,
                        "Imported keystore version is not supported"),
                bad("v2 mnemonic of another wallet", f -> sealed(v2("1.0.0", Bip39.generate())), Kind.INVALID_KEYS,
                        "Imported keystore publicKey does not match the derived wallet"));
    }

    private static Arguments bad(String name, Function<String, String> content, Kind kind, String reason) {
        return Arguments.of(name, content, kind, reason);
    }

    private static String flipLastCiphertextDigit(String file) {
        int end = file.lastIndexOf('"');
        char last = file.charAt(end - 1);
        return file.substring(0, end - 1) + (last == '0' ? '1' : '0') + file.substring(end);
    }

    private record Snapshot(byte[] bytes, FileTime modified, List<Path> folder) {
        static Snapshot of(Path file) throws IOException {
            try (Stream<Path> list = Files.list(file.getParent())) {
                return new Snapshot(Files.readAllBytes(file), Files.getLastModifiedTime(file), list.sorted().toList());
            }
        }

        void assertUnchanged(Path file) throws IOException {
            Snapshot now = of(file);
            assertThat(now.bytes).isEqualTo(bytes);
            assertThat(now.modified).isEqualTo(modified);
            assertThat(now.folder).isEqualTo(folder);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFilesAreReportedWithTheFileNameAndLeftUntouched(String name, Function<String, String> content, Kind kind,
                                                           String reason) throws IOException {
        Path file = dir.resolve("stores/a/db/keypair.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content.apply(goodFile()), StandardCharsets.ISO_8859_1);
        Snapshot before = Snapshot.of(file);

        assertThatThrownBy(() -> KeypairFile.open(KEYSTORE, file, EMPTY, "trac"))
                .isInstanceOf(WalletException.class)
                .hasMessage("Cannot open wallet file " + file + ": " + reason + ". The file was left untouched.")
                .extracting(e -> ((WalletException) e).kind()).isEqualTo(kind);
        before.assertUnchanged(file);
    }

    @Test
    void wrongPasswordIsReportedAndTheFileLeftUntouched() throws Exception {
        Path file = dir.resolve("keypair.json");
        KeypairFile.create(KEYSTORE, file, ABANDON, EMPTY);
        Snapshot before = Snapshot.of(file);
        assertThatThrownBy(() -> KeypairFile.open(KEYSTORE, file, "wrong".getBytes(StandardCharsets.UTF_8), "trac"))
                .isInstanceOf(WalletException.class)
                .hasMessage("Cannot open wallet file " + file
                        + ": wrong password or corrupted data (decryption failed). The file was left untouched.");
        before.assertUnchanged(file);
    }

    @Test
    void missingFileAndDirectoryAreReported() throws IOException {
        Path missing = dir.resolve("nope/keypair.json");
        assertThatThrownBy(() -> KeypairFile.open(KEYSTORE, missing, EMPTY, "trac"))
                .hasMessage("Cannot open wallet file " + missing + ": File " + missing + " not found.")
                .extracting(e -> ((WalletException) e).kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(missing.getParent()).doesNotExist();

        Path folder = Files.createDirectory(dir.resolve("keypair.json"));
        assertThatThrownBy(() -> KeypairFile.open(KEYSTORE, folder, EMPTY, "trac"))
                .hasMessage("Cannot open wallet file " + folder
                        + ": it is a directory, not a wallet file. The file was left untouched.");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void createThenOpenRoundTrips() throws Exception {
        Path file = dir.resolve("deep/er/db/keypair.json");
        KeypairFile.create(KEYSTORE, file, ABANDON, EMPTY);

        assertThat(file).isRegularFile();
        assertThat(Files.readString(file)).matches("\\{\"nonce\":\"[0-9a-f]{48}\",\"salt\":\"[0-9a-f]{32}\",\"ciphertext\":\"[0-9a-f]+\"}");
        try (Stream<Path> list = Files.list(file.getParent())) {
            assertThat(list).containsExactly(file);
        }
        PeerWallet back = KeypairFile.open(KEYSTORE, file, null, "trac");
        assertThat(back.secretKeyHex()).isEqualTo(PeerWalletTest.SECRET);
        assertThat(back.address()).isEqualTo(PeerWalletTest.ADDRESS);
        assertThat(back.mnemonic()).contains(PeerWalletTest.ABANDON);
        assertThat(back.derivationPath()).contains(DerivationPath.MAINNET);
    }

    @Test
    void createdFilesAreOwnerOnly() throws Exception {
        assumeThat(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)).isTrue();
        Path file = dir.resolve("keypair.json");
        KeypairFile.create(KEYSTORE, file, ABANDON, EMPTY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void createNeverOverwrites() throws Exception {
        Path file = dir.resolve("keypair.json");
        Files.writeString(file, "precious, not even a keystore");
        Snapshot before = Snapshot.of(file);
        assertThatThrownBy(() -> KeypairFile.create(KEYSTORE, file, ABANDON, EMPTY))
                .isInstanceOf(WalletException.class)
                .hasMessage("Cannot create wallet file " + file + ": File " + file
                        + " already exists. Refusing to overwrite it; the existing file was left untouched.")
                .extracting(e -> ((WalletException) e).kind()).isEqualTo(Kind.ALREADY_EXISTS);
        before.assertUnchanged(file);
    }

    @Test
    void loadOrCreateCreatesOnceThenOnlyReads() throws Exception {
        Path file = dir.resolve("stores/peer/db/keypair.json");
        PeerWallet created = KeypairFile.loadOrCreate(KEYSTORE, file, EMPTY, "trac", DerivationPath.MAINNET);
        assertThat(created.mnemonic()).hasValueSatisfying(m -> assertThat(m.split(" ")).hasSize(24));
        Snapshot afterCreate = Snapshot.of(file);

        PeerWallet loaded = KeypairFile.loadOrCreate(KEYSTORE, file, EMPTY, "trac", DerivationPath.MAINNET);
        assertThat(loaded.secretKeyHex()).isEqualTo(created.secretKeyHex());
        assertThat(loaded.mnemonic()).isEqualTo(created.mnemonic());
        afterCreate.assertUnchanged(file);
    }

    @Test
    void loadOrCreateDoesNotReplaceAFileItCannotOpen() throws Exception {
        Path file = dir.resolve("keypair.json");
        Files.writeString(file, "{\"nonce\":");
        Snapshot before = Snapshot.of(file);
        assertThatThrownBy(() -> KeypairFile.loadOrCreate(KEYSTORE, file, EMPTY, "trac", DerivationPath.MAINNET))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON");
        before.assertUnchanged(file);
    }

    @Test
    void storedInvalidMnemonicAndPathAreDroppedLikeTracWallet104() throws Exception {
        Path file = dir.resolve("keypair.json");
        Files.writeString(file, sealed(v1(PeerWalletTest.PUB, PeerWalletTest.SECRET, "not a mnemonic", "44/0")));
        PeerWallet wallet = KeypairFile.open(KEYSTORE, file, EMPTY, "trac");
        assertThat(wallet.publicKeyHex()).isEqualTo(PeerWalletTest.PUB);
        assertThat(wallet.mnemonic()).isEmpty();
        assertThat(wallet.derivationPath()).isEmpty();
    }

    @Test
    void storedMnemonicIsNormalised() throws Exception {
        Path file = dir.resolve("keypair.json");
        Files.writeString(file, sealed(v1(PeerWalletTest.PUB, PeerWalletTest.SECRET,
                " " + PeerWalletTest.ABANDON.toUpperCase() + " ", DerivationPath.MAINNET)));
        assertThat(KeypairFile.open(KEYSTORE, file, EMPTY, "trac").mnemonic()).contains(PeerWalletTest.ABANDON);
    }

    @Test
    void versionTwoLayoutsWithAndWithoutMnemonicOpen() throws Exception {
        Path hd = dir.resolve("hd.json");
        Files.writeString(hd, sealed(v2("1.0.0", PeerWalletTest.ABANDON)));
        assertThat(KeypairFile.open(KEYSTORE, hd, EMPTY, "trac").mnemonic()).contains(PeerWalletTest.ABANDON);

        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, sealed(v2(null, null)));
        PeerWallet wallet = KeypairFile.open(KEYSTORE, plain, EMPTY, "trac");
        assertThat(wallet.address()).isEqualTo(PeerWalletTest.ADDRESS);
        assertThat(wallet.mnemonic()).isEmpty();
    }

    @Test
    void publicEntryPointsUseTheRealKeystore() throws Exception {
        Path file = dir.resolve("real/keypair.json");
        PeerWallet created = KeypairFile.loadOrCreate(file, null);
        PeerWallet opened = KeypairFile.open(file, new byte[0]);
        assertThat(opened.publicKeyHex()).isEqualTo(created.publicKeyHex());
        assertThat(opened.address()).isEqualTo(created.address()).startsWith("trac1");
        assertThat(HEX.parseHex(opened.secretKeyHex())).hasSize(64);
        assertThatThrownBy(() -> KeypairFile.create(file, created, null))
                .extracting(e -> ((WalletException) e).kind()).isEqualTo(Kind.ALREADY_EXISTS);
    }
}
