package net.intercomj.host.contract.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * JavaScript's number to text and text to number conversions ({@code String(x)} and
 * {@code Number(s)}), which fastest-validator applies when it prints a number in a message or
 * reads an option out of a shorthand such as {@code "string|min:3"}.
 */
final class JsNumbers {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern OCTAL = Pattern.compile("0[oO][0-7]+");
    private static final Pattern BINARY = Pattern.compile("0[bB][01]+");

    private JsNumbers() {}

    /** {@code String(x)}: the shortest digits that read back as {@code x}, laid out as ECMAScript's Number::toString. */
    static String toString(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == 0) {
            return "0";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x < 0) {
            return "-" + toString(-x);
        }
        BigDecimal shortest = shortest(x);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        // x = digits × 10^(n−k), the notation of the specification.
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exponent = (e < 0 ? "-" : "+") + Math.abs(e);
        return k == 1 ? digits + "e" + exponent : digits.charAt(0) + "." + digits.substring(1) + "e" + exponent;
    }

    /**
     * The decimal with the fewest digits that reads back as {@code x} (the closest one when
     * several have as few). Not {@link Double#toString}: it prints at least two digits, so
     * {@code 5e-324} would come out as {@code 4.9E-324}.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == x) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** {@code Number(s)}: NaN when {@code s} is not a number literal. */
    static double parse(String s) {
        String t = JsValues.trim(s);
        if (t.isEmpty()) {
            return 0;
        }
        switch (t) {
            case "Infinity", "+Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                // fall through to the literal forms
            }
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        if (HEX.matcher(t).matches()) {
            return new BigInteger(t.substring(2), 16).doubleValue();
        }
        if (OCTAL.matcher(t).matches()) {
            return new BigInteger(t.substring(2), 8).doubleValue();
        }
        if (BINARY.matcher(t).matches()) {
            return new BigInteger(t.substring(2), 2).doubleValue();
        }
        return Double.NaN;
    }
}
