package net.intercomj.host.wallet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A hardened-only derivation path such as {@code m/918'/0'/0'/0'}, parsed with the rules of
 * {@code trac-crypto-api}: all whitespace is removed, it must start with {@code m/}, and every
 * segment must be a decimal number followed by {@code '}.
 *
 * @param path    the path text with whitespace removed; this is what wallet files store
 * @param indexes the segment numbers without the hardened offset, each in 0..2^31-1
 */
public record DerivationPath(String path, List<Integer> indexes) {

    /** Mainnet default, {@code m/918'/0'/0'/0'}. */
    public static final String MAINNET = "m/918'/0'/0'/0'";

    /** Testnet default, {@code m/919'/0'/0'/0'} (upstream spells the constant {@code TESNET_…}). */
    public static final String TESTNET = "m/919'/0'/0'/0'";

    /** Ed25519 SLIP-10 only defines hardened children, so 2^31 is the exclusive upper bound. */
    static final long HARDENED_OFFSET = 0x80000000L;

    // JavaScript's \s also matches U+FEFF, Java's Unicode class does not: add it by hand.
    private static final Pattern WHITESPACE = Pattern.compile("(?U)[\\s\\uFEFF]+");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+'");

    /** Validates and copies the components. */
    public DerivationPath {
        Objects.requireNonNull(path, "path");
        indexes = List.copyOf(indexes);
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("Derivation path must have at least one child segment");
        }
        for (int index : indexes) {
            if (index < 0) {
                throw new IllegalArgumentException("Derivation index must be in 0..2147483647, got " + index);
            }
        }
    }

    /** The mainnet default path. */
    public static DerivationPath mainnet() {
        return parse(MAINNET);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException with upstream's texts, e.g.
     *         {@code Invalid segment: '0'. Only hardened segments (e.g. 0') are supported.}
     */
    public static DerivationPath parse(String text) {
        Objects.requireNonNull(text, "Derivation path must be a string");
        String path = WHITESPACE.matcher(text).replaceAll("");
        if (!path.startsWith("m/")) {
            throw new IllegalArgumentException("Derivation path must start with 'm/'");
        }
        // Limit -1 keeps trailing empty segments, as JavaScript's split does, so "m/0'/" is rejected.
        String[] parts = path.split("/", -1);
        List<Integer> indexes = new ArrayList<>(parts.length - 1);
        for (int i = 1; i < parts.length; i++) {
            String segment = parts[i];
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("Invalid segment: '" + segment
                        + "'. Only hardened segments (e.g. 0') are supported.");
            }
            String digits = segment.substring(0, segment.length() - 1);
            // BigInteger because the digit run may be arbitrarily long (leading zeros included).
            BigInteger value = new BigInteger(digits);
            if (value.compareTo(BigInteger.valueOf(HARDENED_OFFSET)) >= 0) {
                throw new IllegalArgumentException("Invalid segment: '" + segment
                        + "'. The index must be a non-negative decimal integer less than " + HARDENED_OFFSET + ".");
            }
            indexes.add(value.intValueExact());
        }
        return new DerivationPath(path, indexes);
    }

    @Override
    public String toString() {
        return path;
    }
}
