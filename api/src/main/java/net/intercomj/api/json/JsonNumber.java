package net.intercomj.api.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number, held exactly as a {@link BigDecimal} of arbitrary precision.
 *
 * <p>Unlike JavaScript, which rounds every number to a double, nothing is rounded: a token
 * amount such as {@code 123456789012345678901234567890} or {@code 0.1000000000000000055} keeps
 * every digit through parsing, equality and writing.
 *
 * <p>Equality is by numeric value: {@code 1}, {@code 1.0} and {@code 1e0} are equal, and so
 * are {@code 0} and {@code -0.0}. {@link #value()} still returns the value with the scale it
 * was given.
 *
 * <p>Range: a non-zero value must have at most {@value #MAX_DIGITS} significant digits
 * (not counting trailing zeros) and a
 * decimal exponent (the power of ten of its first digit) between {@code -}{@value #MAX_EXPONENT}
 * and {@value #MAX_EXPONENT}. That is far beyond any double or 256-bit integer, and it bounds
 * the work a value can cause: without it, the seven characters {@code 1e99999} would make an
 * integer with a hundred thousand digits when written.
 *
 * @param value the exact value
 */
public record JsonNumber(BigDecimal value) implements Json {

    /** Most significant digits, not counting trailing zeros, a non-zero value may have. */
    public static final int MAX_DIGITS = 1000;

    /** Largest magnitude of a non-zero value's decimal exponent. */
    public static final int MAX_EXPONENT = 1000;

    /**
     * A JSON number.
     *
     * @throws NullPointerException when {@code value} is null (use {@link Json#NULL})
     * @throws IllegalArgumentException when the value is outside the range above
     */
    public JsonNumber {
        Objects.requireNonNull(value, "value");
        if (value.signum() != 0) {
            int digits = value.precision();
            if (digits > MAX_DIGITS) {
                // Trailing zeros do not count: 1e1000 is written out as 1001 digits, and
                // must read back.
                digits = value.stripTrailingZeros().precision();
            }
            if (digits > MAX_DIGITS) {
                throw new IllegalArgumentException(
                        "A JSON number may have at most " + MAX_DIGITS + " significant digits, this one has " + digits);
            }
            long exponent = exponent(value);
            if (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT) {
                throw new IllegalArgumentException("A JSON number's decimal exponent must be within ±" + MAX_EXPONENT
                        + ", this one has " + exponent);
            }
        }
    }

    /** Whether the value is an integer ({@code 2.0} and {@code 2e3} are). */
    public boolean isIntegral() {
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /**
     * The number as JSON text.
     *
     * <p>An integer is written as a plain integer, whatever its size: {@code 1.0} as {@code 1},
     * {@code 1e3} as {@code 1000}, {@code -0} as {@code 0}. Any other value is written without
     * trailing zeros, in plain notation when its decimal exponent is from -7 (exclusive) to 21
     * (exclusive), as JavaScript does ({@code 0.000001}, {@code 1.5}), else in JavaScript's
     * exponent form ({@code 1.5e-7}, {@code 1.5e+21}).
     *
     * <p>So the text is what JavaScript would write for the value, except that every digit is
     * kept where JavaScript would round to a double, and that large integers are written out
     * where JavaScript switches to exponent form at 10<sup>21</sup>: an integer stays
     * readable as an integer by any JSON parser.
     */
    @Override
    public String toJson() {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return stripped.toBigInteger().toString();
        }
        long exponent = exponent(stripped);
        if (exponent > -7 && exponent < 21) {
            return stripped.toPlainString();
        }
        String digits = stripped.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (stripped.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        return out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent)).toString();
    }

    /** Same as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }

    /** Equal to another JSON number of the same numeric value, whatever the scales. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber number && value.compareTo(number.value) == 0;
    }

    /** Consistent with {@link #equals(Object)}: the hash of the value without trailing zeros. */
    @Override
    public int hashCode() {
        // Zeros of every scale are equal; one fixed hash for them needs no reasoning about
        // what stripTrailingZeros does to a zero.
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    /** The power of ten of the first significant digit: 2 for 123, -3 for 0.00123. */
    private static long exponent(BigDecimal nonZero) {
        return (long) nonZero.precision() - nonZero.scale() - 1;
    }
}
