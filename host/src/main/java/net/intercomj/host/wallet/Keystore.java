package net.intercomj.host.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import net.intercomj.host.wallet.WalletException.Kind;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The {@code keypair.json} format of {@code trac-wallet}:
 * {@code {"nonce":hex24,"salt":hex16,"ciphertext":hex}}, where the ciphertext is a libsodium
 * secretbox ({@link SecretBox}) under a key derived from the password and salt with Argon2i v1.3
 * (3 passes, 256 MiB, 1 lane: libsodium's {@code OPSLIMIT/MEMLIMIT_MODERATE}).
 *
 * <p>The plaintext written is trac-wallet 1.0.4's layout, pretty-printed like
 * {@code JSON.stringify(obj, null, 2)}: {@code publicKey}, {@code secretKey}, {@code mnemonic},
 * {@code derivationPath}. Reading also accepts the 2.x layout ({@code addressPrefix},
 * {@code address}, {@code version}). An empty password is the norm: trac-peer never asks for
 * one, so the file is obfuscated rather than protected.
 *
 * <p>Errors are {@link WalletException}s whose message is the bare reason (no file name, no
 * trailing period); {@link KeypairFile} adds the file and the outcome.
 */
public final class Keystore {

    /** Secretbox nonce size. */
    public static final int NONCE_SIZE = SecretBox.NONCE_SIZE;
    /** Argon2 salt size ({@code crypto_pwhash_SALTBYTES}). */
    public static final int SALT_SIZE = 16;
    /** Derived key size. */
    public static final int KEY_SIZE = SecretBox.KEY_SIZE;
    /** Argon2i passes ({@code crypto_pwhash_OPSLIMIT_MODERATE}). */
    public static final int ARGON2_ITERATIONS = 3;
    /** Argon2i memory in KiB: 268435456 bytes ({@code crypto_pwhash_MEMLIMIT_MODERATE}). */
    public static final int ARGON2_MEMORY_KIB = 262_144;
    /** Argon2i lanes; libsodium always uses one. */
    public static final int ARGON2_PARALLELISM = 1;
    /** The only 2.x keystore version the original accepts. */
    public static final String SUPPORTED_VERSION = "1.0.0";

    /** Far above any real keystore (about 1 KB); stops a wrong path from loading a huge file. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    // trac-wallet 1.0.4's sanitizeDerivationPath: stored paths not matching it are dropped, not fatal.
    private static final Pattern STORED_PATH = Pattern.compile("m(/[0-9]+'?)+");

    /** Password-to-key function; production uses {@link #deriveKey}, tests may memoise it. */
    @FunctionalInterface
    interface PasswordKdf {
        byte[] derive(byte[] password, byte[] salt);
    }

    private final PasswordKdf kdf;
    private final SecureRandom random;

    Keystore(PasswordKdf kdf, SecureRandom random) {
        this.kdf = Objects.requireNonNull(kdf, "kdf");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A keystore with the production parameters and a fresh {@link SecureRandom}. */
    public static Keystore standard() {
        return new Keystore(Keystore::deriveKey, new SecureRandom());
    }

    /**
     * Argon2i v1.3 with the fixed keystore parameters (libsodium {@code crypto_pwhash},
     * {@code ALG_ARGON2I13}). Takes about a second and 256 MiB of heap.
     *
     * @param password any bytes, empty allowed
     * @param salt     16 bytes
     * @return the 32-byte secretbox key
     */
    public static byte[] deriveKey(byte[] password, byte[] salt) {
        Objects.requireNonNull(password, "password");
        if (salt.length != SALT_SIZE) {
            throw new IllegalArgumentException("Argon2 salt must be " + SALT_SIZE + " bytes, got " + salt.length);
        }
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_i)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(ARGON2_ITERATIONS)
                .withMemoryAsKB(ARGON2_MEMORY_KIB)
                .withParallelism(ARGON2_PARALLELISM)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[KEY_SIZE];
        generator.generateBytes(password, key);
        return key;
    }

    /**
     * Encrypts a wallet into the text of a {@code keypair.json} file (fresh nonce and salt).
     *
     * @param password the password bytes; {@code null} means empty, as in the original
     */
    public String encrypt(PeerWallet wallet, byte[] password) {
        byte[] plaintext = plaintextJson(wallet).getBytes(StandardCharsets.UTF_8);
        try {
            return encryptPlaintext(plaintext, password);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Seals arbitrary plaintext into the file format (tests use it to build odd keystores). */
    String encryptPlaintext(byte[] plaintext, byte[] password) {
        byte[] nonce = new byte[NONCE_SIZE];
        byte[] salt = new byte[SALT_SIZE];
        random.nextBytes(nonce);
        random.nextBytes(salt);
        byte[] key = kdf.derive(password == null ? new byte[0] : password, salt);
        try {
            byte[] ciphertext = SecretBox.seal(key, nonce, plaintext);
            Map<String, String> file = new LinkedHashMap<>();
            file.put("nonce", HEX.formatHex(nonce));
            file.put("salt", HEX.formatHex(salt));
            file.put("ciphertext", HEX.formatHex(ciphertext));
            return JsJson.compact(file);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Decrypts the bytes of a {@code keypair.json} file into a wallet.
     *
     * <p>Checks, in order: JSON structure; {@code salt}, {@code nonce}, {@code ciphertext} present
     * and valid hex of the right size; the MAC; the plaintext's keys (sizes, and that the seed
     * yields the stored public key); for the 2.x layout the {@code version} and, when a mnemonic is
     * stored, that it derives the same key. An invalid stored mnemonic or path is dropped, not
     * fatal, as in trac-wallet 1.0.4.
     *
     * @param password the password bytes; {@code null} means empty
     * @param hrp      prefix for the resulting wallet's address (the 1.0.4 layout stores none)
     * @throws WalletException with a bare reason as message
     */
    public PeerWallet decrypt(byte[] fileContent, byte[] password, String hrp) throws WalletException {
        TracAddress.requireValidHrp(hrp);
        byte[] plaintext = decryptPlaintext(fileContent, password);
        try {
            return parsePlaintext(plaintext, hrp);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Steps up to the MAC check; returns the plaintext bytes. */
    byte[] decryptPlaintext(byte[] fileContent, byte[] password) throws WalletException {
        if (fileContent.length > MAX_FILE_BYTES) {
            throw new WalletException(Kind.MALFORMED, "too large to be a wallet keystore ("
                    + fileContent.length + " bytes)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(fileContent);
        } catch (IOException e) {
            throw new WalletException(Kind.MALFORMED, "not valid JSON (truncated or corrupt)", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new WalletException(Kind.MALFORMED, "not valid JSON (truncated or corrupt)");
        }
        if (!root.isObject()) {
            throw new WalletException(Kind.MALFORMED,
                    "not a wallet keystore (expected a JSON object with nonce, salt and ciphertext)");
        }
        // Same order as the original's check: salt, nonce, ciphertext.
        byte[] salt = hexField(root, "salt");
        byte[] nonce = hexField(root, "nonce");
        byte[] ciphertext = hexField(root, "ciphertext");
        requireSize("salt", salt, SALT_SIZE);
        requireSize("nonce", nonce, NONCE_SIZE);
        if (ciphertext.length < SecretBox.MAC_SIZE) {
            throw new WalletException(Kind.MALFORMED, "field \"ciphertext\" is too short (" + ciphertext.length
                    + " bytes, at least " + SecretBox.MAC_SIZE + " needed)");
        }
        byte[] key = kdf.derive(password == null ? new byte[0] : password, salt);
        try {
            return SecretBox.open(key, nonce, ciphertext).orElseThrow(() -> new WalletException(
                    Kind.DECRYPTION_FAILED, "wrong password or corrupted data (decryption failed)"));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The plaintext trac-wallet 1.0.4 encrypts: {@code JSON.stringify({publicKey, secretKey,
     * mnemonic, derivationPath}, null, 2)}, absent values as {@code null}.
     */
    static String plaintextJson(PeerWallet wallet) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("publicKey", wallet.publicKeyHex());
        data.put("secretKey", wallet.secretKeyHex());
        data.put("mnemonic", wallet.mnemonic().orElse(null));
        data.put("derivationPath", wallet.derivationPath().orElse(null));
        return JsJson.pretty(data);
    }

    private static PeerWallet parsePlaintext(byte[] plaintext, String hrp) throws WalletException {
        JsonNode data;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext))
                    .toString();
            data = JSON.readTree(text);
        } catch (CharacterCodingException | JsonProcessingException e) {
            throw new WalletException(Kind.INVALID_KEYS, "Decrypted data does not contain valid keys", e);
        }
        if (data == null || !data.isObject()) {
            throw new WalletException(Kind.INVALID_KEYS, "Decrypted data does not contain valid keys");
        }
        byte[] publicKey = keyField(data, "publicKey", Ed25519Keys.PUBLIC_KEY_SIZE,
                "Invalid public key format. Please provide a valid hex string");
        byte[] secretKey = keyField(data, "secretKey", Ed25519Keys.SECRET_KEY_SIZE,
                "Invalid secret key format. Please provide a valid hex string");
        try {
            byte[] derived = Ed25519Keys.publicKey(Arrays.copyOf(secretKey, Ed25519Keys.SEED_SIZE));
            if (!Arrays.equals(derived, publicKey)
                    || !Arrays.equals(publicKey, 0, 32, secretKey, Ed25519Keys.SEED_SIZE, Ed25519Keys.SECRET_KEY_SIZE)) {
                throw new WalletException(Kind.INVALID_KEYS, "publicKey does not match secretKey");
            }
            JsonNode version = data.get("version");
            if (version != null && !version.isNull()
                    && !(version.isTextual() && version.textValue().equals(SUPPORTED_VERSION))) {
                throw new WalletException(Kind.INVALID_KEYS, "Imported keystore version is not supported");
            }
            String mnemonic = optionalText(data, "mnemonic").flatMap(Bip39::sanitize).orElse(null);
            String path = optionalText(data, "derivationPath").map(String::strip)
                    .filter(p -> STORED_PATH.matcher(p).matches()).orElse(null);
            if (data.has("addressPrefix") && mnemonic != null) {
                checkDerivesSameKey(data, mnemonic, path, publicKey);
            }
            return PeerWallet.fromParts(hrp, secretKey, mnemonic, path);
        } finally {
            Arrays.fill(secretKey, (byte) 0);
        }
    }

    /** The 2.x importer re-derives from the mnemonic; a file whose key does not match is refused. */
    private static void checkDerivesSameKey(JsonNode data, String mnemonic, String path, byte[] publicKey)
            throws WalletException {
        String prefix = optionalText(data, "addressPrefix").orElse("");
        PeerWallet derived;
        try {
            derived = PeerWallet.fromMnemonic(mnemonic, prefix, path == null ? DerivationPath.MAINNET : path);
        } catch (IllegalArgumentException e) {
            throw new WalletException(Kind.INVALID_KEYS,
                    "Imported keystore has an invalid addressPrefix or derivationPath (" + e.getMessage() + ")", e);
        }
        if (!Arrays.equals(derived.publicKey(), publicKey)) {
            throw new WalletException(Kind.INVALID_KEYS, "Imported keystore publicKey does not match the derived wallet");
        }
    }

    private static byte[] hexField(JsonNode root, String name) throws WalletException {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new WalletException(Kind.MALFORMED, "missing field \"" + name + "\"");
        }
        if (!node.isTextual()) {
            throw new WalletException(Kind.MALFORMED, "field \"" + name + "\" is not a hex string");
        }
        try {
            return HEX.parseHex(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new WalletException(Kind.MALFORMED, "field \"" + name + "\" is not valid hex", e);
        }
    }

    private static void requireSize(String name, byte[] value, int size) throws WalletException {
        if (value.length != size) {
            throw new WalletException(Kind.MALFORMED, "field \"" + name + "\" has " + value.length
                    + " bytes, expected " + size);
        }
    }

    private static byte[] keyField(JsonNode data, String name, int size, String upstreamMessage)
            throws WalletException {
        JsonNode node = data.get(name);
        String detail;
        if (node == null || node.isNull()) {
            detail = name + " is missing";
        } else if (!node.isTextual()) {
            detail = name + " is not a string";
        } else {
            try {
                byte[] value = HEX.parseHex(node.textValue());
                if (value.length == size) {
                    return value;
                }
                detail = name + " has " + value.length + " bytes, expected " + size;
            } catch (IllegalArgumentException e) {
                detail = name + " is not valid hex";
            }
        }
        throw new WalletException(Kind.INVALID_KEYS, upstreamMessage + " (" + detail + ")");
    }

    private static Optional<String> optionalText(JsonNode data, String name) {
        JsonNode node = data.get(name);
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }
}
