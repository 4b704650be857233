package net.intercomj.host.wallet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP-39 mnemonics with the English word list, as the Trac wallets use them.
 *
 * <p>Generation always produces 24 words (32 bytes of entropy), and only 12- and 24-word phrases
 * are accepted as wallet mnemonics ({@link #isValid}), like {@code trac-crypto-api}. The general
 * conversions ({@link #entropyToMnemonic}, {@link #mnemonicToEntropy}, {@link #seed}) follow plain
 * BIP-39 so they can be checked against the official vectors.
 *
 * <p>Error messages never quote the words of a phrase: a mnemonic is a secret and messages end
 * up in logs.
 */
public final class Bip39 {

    /** Entropy size used for new wallets; gives 24 words. */
    public static final int GENERATED_ENTROPY_BYTES = 32;

    /** Word counts the Trac wallets accept (constant {@code TRAC_MNEMONIC_WORD_COUNT}). */
    public static final List<Integer> ACCEPTED_WORD_COUNTS = List.of(12, 24);

    /** SHA-256 of the canonical BIP-39 {@code english.txt}; guards the bundled resource. */
    static final String ENGLISH_SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

    private static final int PBKDF2_ROUNDS = 2048;
    private static final int SEED_BYTES = 64;

    private Bip39() {
    }

    /** The 2048 English words in BIP-39 order (an unmodifiable list). */
    public static List<String> englishWords() {
        return WordList.WORDS;
    }

    /** A new random 24-word mnemonic from {@link SecureRandom}. */
    public static String generate() {
        byte[] entropy = new byte[GENERATED_ENTROPY_BYTES];
        new SecureRandom().nextBytes(entropy);
        try {
            return entropyToMnemonic(entropy);
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /**
     * Encodes entropy as a mnemonic (BIP-39: entropy ‖ first ENT/32 bits of SHA-256, 11 bits per word).
     *
     * @param entropy 16, 20, 24, 28 or 32 bytes
     * @return the words separated by single spaces
     * @throws IllegalArgumentException if the entropy length is not one of the above
     */
    public static String entropyToMnemonic(byte[] entropy) {
        int len = entropy.length;
        if (len < 16 || len > 32 || len % 4 != 0) {
            throw new IllegalArgumentException(
                    "Entropy must be 16, 20, 24, 28 or 32 bytes, got " + len);
        }
        byte[] hash = sha256(entropy);
        int totalBits = len * 8 + len / 4;
        StringBuilder out = new StringBuilder();
        for (int wordStart = 0; wordStart < totalBits; wordStart += 11) {
            int index = 0;
            for (int bit = wordStart; bit < wordStart + 11; bit++) {
                index = (index << 1) | bitAt(bit, entropy, hash);
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(WordList.WORDS.get(index));
        }
        return out.toString();
    }

    /**
     * Decodes a mnemonic back to its entropy, checking the words and the checksum.
     *
     * <p>The phrase is {@linkplain #normalize normalised} first. Any standard length (12, 15, 18,
     * 21 or 24 words) is decoded here; the Trac restriction to 12 or 24 is applied by
     * {@link #isValid} and {@link #requireValid}.
     *
     * @throws IllegalArgumentException if a word is unknown, the count is wrong or the checksum fails
     */
    public static byte[] mnemonicToEntropy(String mnemonic) {
        String[] words = splitNormalized(mnemonic);
        int count = words.length;
        if (count < 12 || count > 24 || count % 3 != 0) {
            throw new IllegalArgumentException(
                    "a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, this one has " + count);
        }
        int totalBits = count * 11;
        int checksumBits = totalBits / 33;
        int entropyBytes = (totalBits - checksumBits) / 8;
        byte[] all = new byte[(totalBits + 7) / 8];
        for (int w = 0; w < count; w++) {
            Integer index = WordList.INDEX.get(words[w]);
            if (index == null) {
                // Position only: the word itself is part of a secret.
                throw new IllegalArgumentException(
                        "word " + (w + 1) + " is not in the BIP-39 English word list");
            }
            for (int b = 0; b < 11; b++) {
                if ((index & (1 << (10 - b))) != 0) {
                    int bit = w * 11 + b;
                    all[bit / 8] |= (byte) (0x80 >>> (bit % 8));
                }
            }
        }
        byte[] entropy = Arrays.copyOf(all, entropyBytes);
        byte[] hash = sha256(entropy);
        for (int i = 0; i < checksumBits; i++) {
            int bit = entropyBytes * 8 + i;
            int got = (all[bit / 8] >>> (7 - bit % 8)) & 1;
            int want = (hash[i / 8] >>> (7 - i % 8)) & 1;
            if (got != want) {
                Arrays.fill(entropy, (byte) 0);
                throw new IllegalArgumentException("the BIP-39 checksum does not match (a word is wrong or misplaced)");
            }
        }
        Arrays.fill(all, (byte) 0);
        return entropy;
    }

    /**
     * Normalises a phrase the way {@code bip39-mnemonic} does before validation: trim, replace the
     * first U+3000 with a space, split on whitespace, lowercase, join with single spaces.
     *
     * <p>"Whitespace" and "trim" use JavaScript's definition (which includes U+00A0 and U+FEFF),
     * so a phrase pasted with odd spaces normalises exactly as in the original.
     */
    public static String normalize(String mnemonic) {
        String trimmed = jsTrim(mnemonic);
        int ideographic = trimmed.indexOf('\u3000');
        if (ideographic >= 0) {
            trimmed = trimmed.substring(0, ideographic) + ' ' + trimmed.substring(ideographic + 1);
        }
        StringBuilder out = new StringBuilder(trimmed.length());
        boolean inSpace = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (isJsWhitespace(c)) {
                inSpace = true;
            } else {
                if (inSpace) {
                    out.append(' ');
                    inSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the phrase is an acceptable wallet mnemonic: after {@linkplain #normalize
     * normalisation}, 12 or 24 English words with a valid checksum.
     */
    public static boolean isValid(String mnemonic) {
        return sanitize(mnemonic).isPresent();
    }

    /** The normalised phrase if it {@linkplain #isValid is valid}, else empty (upstream {@code sanitize}). */
    public static Optional<String> sanitize(String mnemonic) {
        if (mnemonic == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(requireValid(mnemonic));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Normalises and validates a wallet mnemonic.
     *
     * @return the normalised phrase
     * @throws IllegalArgumentException naming the problem (never the words)
     */
    public static String requireValid(String mnemonic) {
        String normalized = normalize(mnemonic);
        int count = normalized.isEmpty() ? 0 : normalized.split(" ").length;
        if (!ACCEPTED_WORD_COUNTS.contains(count)) {
            throw new IllegalArgumentException(
                    "Invalid mnemonic: expected 12 or 24 words, got " + count + ".");
        }
        try {
            Arrays.fill(mnemonicToEntropy(normalized), (byte) 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid mnemonic: " + e.getMessage() + ".", e);
        }
        return normalized;
    }

    /**
     * The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512(NFKD(mnemonic), "mnemonic" + NFKD(passphrase), 2048).
     *
     * <p>The phrase is used as given (NFKD only), exactly as the BIP specifies; callers pass an
     * already normalised and validated phrase, as {@link PeerWallet} does.
     */
    public static byte[] seed(String mnemonic, String passphrase) {
        byte[] password = Normalizer.normalize(mnemonic, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        byte[] salt = Normalizer.normalize("mnemonic" + passphrase, Normalizer.Form.NFKD)
                .getBytes(StandardCharsets.UTF_8);
        // Bouncy Castle takes raw bytes, so there is no doubt about how characters are encoded.
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
        generator.init(password, salt, PBKDF2_ROUNDS);
        byte[] seed = ((KeyParameter) generator.generateDerivedParameters(SEED_BYTES * 8)).getKey();
        Arrays.fill(password, (byte) 0);
        return seed;
    }

    private static String[] splitNormalized(String mnemonic) {
        String normalized = normalize(mnemonic);
        return normalized.isEmpty() ? new String[0] : normalized.split(" ");
    }

    private static int bitAt(int bit, byte[] entropy, byte[] hash) {
        int entropyBits = entropy.length * 8;
        byte[] source = bit < entropyBits ? entropy : hash;
        int i = bit < entropyBits ? bit : bit - entropyBits;
        return (source[i / 8] >>> (7 - i % 8)) & 1;
    }

    static boolean isJsWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029',
                    '\u202F', '\u205F', '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    private static String jsTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    /** Loaded on first use; verified against the canonical hash so a damaged jar fails loudly. */
    private static final class WordList {
        static final List<String> WORDS;
        static final Map<String, Integer> INDEX;

        static {
            byte[] bytes;
            try (InputStream in = Bip39.class.getResourceAsStream("english.txt")) {
                if (in == null) {
                    throw new IllegalStateException("BIP-39 word list resource english.txt is missing");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the BIP-39 word list resource", e);
            }
            String hash = HexFormat.of().formatHex(sha256(bytes));
            if (!hash.equals(ENGLISH_SHA256)) {
                throw new IllegalStateException("BIP-39 word list resource is not the canonical english.txt (SHA-256 "
                        + hash + ")");
            }
            List<String> words = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
            if (words.size() != 2048) {
                throw new IllegalStateException("BIP-39 word list has " + words.size() + " words, expected 2048");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < words.size(); i++) {
                index.put(words.get(i), i);
            }
            WORDS = words;
            INDEX = Map.copyOf(index);
        }
    }
}
