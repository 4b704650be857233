package net.intercomj.host.wallet;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Bech32 (BIP-173) and bech32m (BIP-350) strings: a human-readable part, the separator {@code 1},
 * 5-bit data values and a 6-character checksum.
 *
 * <p>Only the generic string format lives here; segwit rules (witness versions, program lengths)
 * are not part of it. Trac addresses are built on top of it in {@link TracAddress}. Every
 * rejection is a {@link Bech32Exception} whose message says what is wrong.
 */
public final class Bech32 {

    /** BIP-173 limit on the whole string, separator and checksum included. */
    public static final int MAX_LENGTH = 90;

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] CHARSET_REV = new int[128];
    private static final int CHECKSUM_LENGTH = 6;
    private static final int[] GENERATORS = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    static {
        Arrays.fill(CHARSET_REV, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            CHARSET_REV[CHARSET.charAt(i)] = i;
        }
    }

    /** The two checksum variants; they differ only in the constant xored into the checksum. */
    public enum Variant {
        /** BIP-173. */
        BECH32(1),
        /** BIP-350, used by Trac addresses. */
        BECH32M(0x2bc830a3);

        private final int constant;

        Variant(int constant) {
            this.constant = constant;
        }
    }

    /**
     * A decoded string.
     *
     * @param hrp     the human-readable part, lowercase
     * @param data    the 5-bit values between separator and checksum (each 0..31)
     * @param variant which checksum the string carries
     */
    public record Decoded(String hrp, byte[] data, Variant variant) {
        /** Copies {@code data}, so the record stays immutable. */
        public Decoded {
            Objects.requireNonNull(hrp, "hrp");
            Objects.requireNonNull(variant, "variant");
            data = data.clone();
        }

        /** A copy of the 5-bit values. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Decoded d && hrp.equals(d.hrp) && variant == d.variant && Arrays.equals(data, d.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(hrp, variant, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Decoded[hrp=" + hrp + ", data=" + Arrays.toString(data) + ", variant=" + variant + "]";
        }
    }

    private Bech32() {
    }

    /**
     * Encodes 5-bit values.
     *
     * @param hrp     1..83 characters in U+0021..U+007E, no uppercase (output is lowercase)
     * @param data    values 0..31
     * @param variant the checksum to append
     * @throws Bech32Exception if the hrp or a value is invalid or the result would exceed 90 characters
     */
    public static String encode(String hrp, byte[] data, Variant variant) {
        Objects.requireNonNull(variant, "variant");
        checkHrpForEncoding(hrp);
        int length = hrp.length() + 1 + data.length + CHECKSUM_LENGTH;
        if (length > MAX_LENGTH) {
            throw new Bech32Exception("Result would be " + length + " characters, longer than the maximum of "
                    + MAX_LENGTH);
        }
        for (int i = 0; i < data.length; i++) {
            if ((data[i] & 0xff) > 31) {
                throw new Bech32Exception("Data value at index " + i + " is " + (data[i] & 0xff)
                        + ", not a 5-bit value");
            }
        }
        int[] checksum = checksum(hrp, data, variant);
        StringBuilder out = new StringBuilder(length).append(hrp).append('1');
        for (byte b : data) {
            out.append(CHARSET.charAt(b));
        }
        for (int c : checksum) {
            out.append(CHARSET.charAt(c));
        }
        return out.toString();
    }

    /**
     * Decodes a string with either checksum and reports which one it carries.
     *
     * @throws Bech32Exception if the string is too long, has characters out of range, mixes case,
     *                         lacks a separator or an hrp, has a short or bad checksum
     */
    public static Decoded decode(String s) {
        Objects.requireNonNull(s, "s");
        if (s.length() > MAX_LENGTH) {
            throw new Bech32Exception("Too long: " + s.length() + " characters, the maximum is " + MAX_LENGTH);
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                throw new Bech32Exception(String.format(Locale.ROOT,
                        "Invalid character U+%04X at position %d (allowed: U+0021..U+007E)", (int) c, i));
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw new Bech32Exception("Mixed upper and lower case");
        }
        String lowered = s.toLowerCase(Locale.ROOT);
        int separator = lowered.lastIndexOf('1');
        if (separator < 0) {
            throw new Bech32Exception("No separator character '1'");
        }
        if (separator == 0) {
            throw new Bech32Exception("Empty human-readable part");
        }
        if (lowered.length() - separator - 1 < CHECKSUM_LENGTH) {
            throw new Bech32Exception("Checksum too short: fewer than 6 characters after the separator");
        }
        String hrp = lowered.substring(0, separator);
        byte[] values = new byte[lowered.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int position = separator + 1 + i;
            char c = lowered.charAt(position);
            int v = CHARSET_REV[c];
            if (v < 0) {
                throw new Bech32Exception("Invalid data character '" + s.charAt(position) + "' at position " + position);
            }
            values[i] = (byte) v;
        }
        int residue = polymod(hrp, values, values.length);
        Variant variant;
        if (residue == Variant.BECH32.constant) {
            variant = Variant.BECH32;
        } else if (residue == Variant.BECH32M.constant) {
            variant = Variant.BECH32M;
        } else {
            throw new Bech32Exception("Invalid checksum");
        }
        return new Decoded(hrp, Arrays.copyOf(values, values.length - CHECKSUM_LENGTH), variant);
    }

    /**
     * Decodes a string that must carry the {@code expected} checksum.
     *
     * @throws Bech32Exception as {@link #decode(String)}, or if the other variant's checksum is found
     */
    public static Decoded decode(String s, Variant expected) {
        Decoded decoded = decode(s);
        if (decoded.variant() != expected) {
            throw new Bech32Exception("Wrong checksum variant: the string is " + name(decoded.variant())
                    + ", expected " + name(expected));
        }
        return decoded;
    }

    /**
     * Regroups bits, most significant first (BIP-173 {@code convertbits}).
     *
     * @param pad with {@code true}, the last group is zero-padded (encoding); with {@code false},
     *            leftover bits must be fewer than {@code fromBits} and all zero (decoding)
     * @throws Bech32Exception if an input value does not fit {@code fromBits}, or the padding is invalid
     */
    public static byte[] convertBits(byte[] data, int fromBits, int toBits, boolean pad) {
        if (fromBits < 1 || fromBits > 8 || toBits < 1 || toBits > 8) {
            throw new IllegalArgumentException("Bit group sizes must be 1..8");
        }
        int acc = 0;
        int bits = 0;
        int maxValue = (1 << toBits) - 1;
        byte[] out = new byte[(data.length * fromBits + toBits - 1) / toBits];
        int n = 0;
        for (byte b : data) {
            int value = b & 0xff;
            if (value >>> fromBits != 0) {
                throw new Bech32Exception("Value " + value + " does not fit in " + fromBits + " bits");
            }
            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out[n++] = (byte) ((acc >>> bits) & maxValue);
            }
            acc &= (1 << bits) - 1;
        }
        if (pad) {
            if (bits > 0) {
                out[n++] = (byte) ((acc << (toBits - bits)) & maxValue);
            }
        } else if (bits >= fromBits) {
            throw new Bech32Exception("Excess padding: " + bits + " leftover bits");
        } else if (acc != 0) {
            throw new Bech32Exception("Non-zero padding");
        }
        return Arrays.copyOf(out, n);
    }

    private static void checkHrpForEncoding(String hrp) {
        Objects.requireNonNull(hrp, "hrp");
        if (hrp.isEmpty() || hrp.length() > 83) {
            throw new Bech32Exception("Human-readable part must be 1..83 characters, got " + hrp.length());
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126) {
                throw new Bech32Exception(String.format(Locale.ROOT,
                        "Invalid character U+%04X in the human-readable part", (int) c));
            }
            if (c >= 'A' && c <= 'Z') {
                // Encoders emit lowercase; accepting uppercase here would silently change the hrp.
                throw new Bech32Exception("Human-readable part must be lowercase");
            }
        }
    }

    private static int[] checksum(String hrp, byte[] data, Variant variant) {
        byte[] padded = Arrays.copyOf(data, data.length + CHECKSUM_LENGTH);
        int mod = polymod(hrp, padded, padded.length) ^ variant.constant;
        int[] out = new int[CHECKSUM_LENGTH];
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            out[i] = (mod >>> (5 * (5 - i))) & 31;
        }
        return out;
    }

    private static int polymod(String hrp, byte[] values, int count) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >>> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (int i = 0; i < count; i++) {
            chk = step(chk, values[i]);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GENERATORS[i];
            }
        }
        return chk;
    }

    private static String name(Variant v) {
        return v == Variant.BECH32 ? "bech32" : "bech32m";
    }
}
