package net.intercomj.host.wallet;

import java.util.Objects;

/**
 * Trac account addresses: {@code bech32m(hrp, 8→5-bit conversion of the 32-byte Ed25519 public key)},
 * e.g. {@code trac1…} (63 characters) or {@code testtrac1…} (67).
 *
 * <p>The hrp rules are stricter than bech32's (1..31 characters, a-z only) because
 * {@code trac-crypto-api} enforces them, and an address the original refuses must not be produced
 * here either.
 */
public final class TracAddress {

    /** Mainnet address prefix. */
    public static final String MAINNET_HRP = "trac";

    /** Ed25519 public key size, the only payload an address carries. */
    public static final int PUBLIC_KEY_SIZE = 32;

    /** Upstream cap that keeps addresses within bech32's 90 characters. */
    public static final int MAX_HRP_LENGTH = 31;

    private static final int DATA_CHARS = (PUBLIC_KEY_SIZE * 8 + 4) / 5;

    private TracAddress() {
    }

    /**
     * The address of a public key.
     *
     * @throws IllegalArgumentException if the hrp is not 1..31 lowercase letters or the key is not 32 bytes
     */
    public static String encode(String hrp, byte[] publicKey) {
        requireValidHrp(hrp);
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException(
                    "Invalid public key. Expected " + PUBLIC_KEY_SIZE + " bytes, got " + publicKey.length);
        }
        return Bech32.encode(hrp, Bech32.convertBits(publicKey, 8, 5, true), Bech32.Variant.BECH32M);
    }

    /**
     * The public key inside an address, which must use the given prefix and the bech32m checksum.
     *
     * @throws Bech32Exception if the string is not valid bech32m, has another prefix or does not hold 32 bytes
     */
    public static byte[] decode(String hrp, String address) {
        requireValidHrp(hrp);
        Bech32.Decoded decoded = Bech32.decode(address, Bech32.Variant.BECH32M);
        if (!decoded.hrp().equals(hrp)) {
            throw new Bech32Exception("Address prefix is '" + decoded.hrp() + "', expected '" + hrp + "'");
        }
        byte[] key = Bech32.convertBits(decoded.data(), 5, 8, false);
        if (key.length != PUBLIC_KEY_SIZE) {
            throw new Bech32Exception("Decoded buffer is invalid. Expected " + PUBLIC_KEY_SIZE + " bytes, got "
                    + key.length + " bytes");
        }
        return key;
    }

    /** The length of every address with this prefix: hrp + separator + 52 data + 6 checksum characters. */
    public static int length(String hrp) {
        requireValidHrp(hrp);
        return hrp.length() + 1 + DATA_CHARS + 6;
    }

    /** Whether {@code hrp} is 1..31 characters, all in a-z. */
    public static boolean isValidHrp(String hrp) {
        if (hrp == null || hrp.isEmpty() || hrp.length() > MAX_HRP_LENGTH) {
            return false;
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    static void requireValidHrp(String hrp) {
        if (!isValidHrp(hrp)) {
            throw new IllegalArgumentException("Invalid HRP. It must be a non-empty string with length between 1 and "
                    + MAX_HRP_LENGTH + " characters, consisting of lowercase characters a-z.");
        }
    }
}
