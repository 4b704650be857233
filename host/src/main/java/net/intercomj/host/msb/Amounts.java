package net.intercomj.host.msb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * TNK amounts: whole base units as {@link BigInteger} (18 decimals), never floating point.
 * Parsing and formatting follow the MSB's {@code decimalStringToBigInt} and
 * {@code bigIntToDecimalString} (spec upstream-contract-subnet-msb §4.2).
 */
public final class Amounts {

    /** Decimals of TNK. */
    public static final int DECIMALS = 18;

    /** One TNK in base units. */
    public static final BigInteger ONE = BigInteger.TEN.pow(DECIMALS);

    /** Largest amount or balance: 2^128 − 1 (16 bytes). */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** The fee of every transfer, deployment and transaction: 0.03 TNK. */
    public static final BigInteger FEE = new BigInteger("30000000000000000");

    private static final Pattern DECIMAL = Pattern.compile("^\\d+(\\.\\d+)?$");

    private Amounts() {}

    /**
     * Base units of a decimal TNK amount such as {@code "12.5"}.
     *
     * @throws IllegalArgumentException naming what is wrong: not a plain non-negative decimal,
     *     more than 18 decimals, or above 2^128 − 1 base units
     */
    public static BigInteger parse(String text) {
        if (text == null || text.startsWith("-")) {
            throw new IllegalArgumentException("Invalid amount " + quote(text) + ": amounts are not negative.");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("Invalid amount " + quote(text)
                    + ": expected digits with an optional decimal point, such as 12.5.");
        }
        int point = text.indexOf('.');
        if (point >= 0 && text.length() - point - 1 > DECIMALS) {
            throw new IllegalArgumentException("Invalid amount " + quote(text) + ": at most " + DECIMALS
                    + " decimals.");
        }
        BigInteger units = new BigDecimal(text).movePointRight(DECIMALS).toBigIntegerExact();
        if (units.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("Invalid amount " + quote(text) + ": above the largest amount, "
                    + format(MAX) + ".");
        }
        return units;
    }

    /** The decimal TNK text of base units, without trailing zeros ({@code 30000000000000000} → {@code "0.03"}). */
    public static String format(BigInteger units) {
        if (units.signum() == 0) {
            return "0";
        }
        return new BigDecimal(units).movePointLeft(DECIMALS).stripTrailingZeros().toPlainString();
    }

    /** Whether {@code units} is a valid amount or balance: 0 to 2^128 − 1. */
    public static boolean inRange(BigInteger units) {
        return units.signum() >= 0 && units.compareTo(MAX) <= 0;
    }

    /** The 16-byte big-endian form of an amount (the wire form of {@code am}). */
    public static byte[] toBytes16(BigInteger units) {
        if (!inRange(units)) {
            throw new IllegalArgumentException("Amount out of range: " + units);
        }
        byte[] raw = units.toByteArray();
        byte[] out = new byte[16];
        int copy = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - copy, out, 16 - copy, copy);
        return out;
    }

    /** The amount of a 16-byte big-endian value. */
    public static BigInteger fromBytes16(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("An amount is 16 bytes, not " + bytes.length);
        }
        return new BigInteger(1, bytes);
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
