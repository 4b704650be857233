package net.intercomj.api.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonBoolean;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonParseException;
import net.intercomj.api.json.JsonString;

/**
 * Conversions a contract applies to untrusted values, with the semantics of the helpers of
 * trac-peer's {@code Protocol} class, so that a contract ported from JavaScript gives the
 * same results: {@code safeBigInt}, {@code fromBigIntString}, {@code toBigIntString},
 * {@code safeJsonParse} and {@code safeJsonStringify}.
 *
 * <p>Bad input gives an empty result or {@code "0"}, as in the original, never an exception;
 * a Java {@code null} is not input but a programming error, and throws
 * {@link NullPointerException}.
 *
 * <p>"Trimmed" means as JavaScript's {@code String.prototype.trim} trims: ASCII whitespace,
 * line terminators, Unicode space separators and U+FEFF at both ends. ({@link String#strip()}
 * differs: it keeps U+00A0 and U+FEFF and removes U+001C to U+001F.)
 */
public final class SafeValues {

    // The decimals of an 18-decimal token, the default of the original helpers.
    private static final int DEFAULT_DECIMALS = 18;

    private static final BigInteger MAX_AMOUNT = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    // MAX_AMOUNT has 39 digits: an integer with more cannot be below it.
    private static final int MAX_AMOUNT_DIGITS = MAX_AMOUNT.toString().length();

    // \d in a Java pattern, as in a JavaScript one without the u flag, is ASCII 0-9 only.
    private static final Pattern AMOUNT = Pattern.compile("(\\d*)(?:\\.(\\d*))?");

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.\\d*|\\.\\d+)");

    private SafeValues() {}

    /**
     * A JSON value as an integer, as JavaScript's {@code BigInt(value)} would read it.
     *
     * <p>A string is read as {@link #safeBigInt(String)} reads it; a number that is an integer
     * ({@code 5}, {@code 5.0}, {@code 5e3}) is that integer, any other number is empty (where
     * {@code BigInt(1.5)} throws); {@code true} and {@code false} are 1 and 0; {@code null},
     * arrays and objects are empty. (JavaScript would read {@code [5]} as 5 by way of its
     * text; an array is never an amount here.)
     *
     * @param value the value, e.g. a field of a transaction
     * @return the integer, or empty when the value is not one
     */
    public static Optional<BigInteger> safeBigInt(Json value) {
        Objects.requireNonNull(value, "value");
        return switch (value) {
            case JsonString string -> safeBigInt(string.value());
            case JsonNumber number -> number.isIntegral() ? Optional.of(number.asBigInteger()) : Optional.empty();
            case JsonBoolean bool -> Optional.of(bool.value() ? BigInteger.ONE : BigInteger.ZERO);
            default -> Optional.empty();
        };
    }

    /**
     * A text as an integer, as JavaScript's {@code BigInt(text)} reads it.
     *
     * <p>The text is trimmed; an empty text is 0. Otherwise it must be ASCII decimal digits
     * with an optional {@code +} or {@code -} sign ({@code "007"} is 7, {@code "-0"} is 0), or
     * a hexadecimal, octal or binary literal with its prefix {@code 0x}, {@code 0o} or
     * {@code 0b} (either case) and no sign. Anything else is empty: {@code "1.5"},
     * {@code "1e3"}, {@code "-0x1f"}, {@code "1_000"}, {@code "12n"}, {@code "0x"}.
     *
     * @param text the text
     * @return the integer, or empty when {@code BigInt(text)} would throw
     */
    public static Optional<BigInteger> safeBigInt(String text) {
        String s = jsTrim(Objects.requireNonNull(text, "text"));
        if (s.isEmpty()) {
            return Optional.of(BigInteger.ZERO);
        }
        if (s.length() > 2 && s.charAt(0) == '0') {
            int radix = switch (s.charAt(1)) {
                case 'x', 'X' -> 16;
                case 'o', 'O' -> 8;
                case 'b', 'B' -> 2;
                default -> 0;
            };
            if (radix != 0) {
                return isDigits(s, 2, radix) ? Optional.of(new BigInteger(s.substring(2), radix)) : Optional.empty();
            }
        }
        int digitsFrom = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        // BigInteger(String) takes the same optional sign.
        return isDigits(s, digitsFrom, 10) ? Optional.of(new BigInteger(s)) : Optional.empty();
    }

    /**
     * An integer amount in base units written as a decimal amount: {@code "1500000000000000000"}
     * with 18 decimals is {@code "1.5"}. Same as {@link #fromBigIntString(String, int)} with
     * 18 decimals.
     *
     * @param text the amount
     * @return the decimal amount, or {@code "0"} when the text is not an amount
     */
    public static String fromBigIntString(String text) {
        return fromBigIntString(text, DEFAULT_DECIMALS);
    }

    /**
     * An integer amount in base units written as a decimal amount, without trailing zeros:
     * with 18 decimals {@code "1000000000000000000"} is {@code "1"} and
     * {@code "1500000000000000000"} is {@code "1.5"}.
     *
     * <p>The text is trimmed; an empty text is {@code "0"}. A text without a {@code .} is an
     * integer in base units, read as {@code BigInt} reads it (see {@link #safeBigInt(String)},
     * so a sign or a {@code 0x} prefix is allowed), and divided by 10<sup>decimals</sup>. A
     * text with a {@code .} is taken as a decimal amount already, and only normalised:
     * {@code "1.50"} is {@code "1.5"} whatever the decimals, digits beyond {@code decimals}
     * included (nothing is rounded away). Its form is an optional sign, digits, a point and
     * digits, with at least one digit; an exponent is not allowed. Any other text is
     * {@code "0"}.
     *
     * <p>The original helper renders {@code "5"} with 0 decimals as {@code "0.5"}; here it is
     * {@code "5"}.
     *
     * @param text the amount
     * @param decimals the token's decimals, 0 or more
     * @return the decimal amount in plain notation, or {@code "0"} when the text is not an
     *     amount
     * @throws IllegalArgumentException when {@code decimals} is negative
     */
    public static String fromBigIntString(String text, int decimals) {
        checkDecimals(decimals);
        String s = jsTrim(Objects.requireNonNull(text, "text"));
        if (s.isEmpty()) {
            return "0";
        }
        BigDecimal amount;
        if (s.indexOf('.') >= 0) {
            if (!DECIMAL.matcher(s).matches()) {
                return "0";
            }
            amount = new BigDecimal(s);
        } else {
            Optional<BigInteger> units = safeBigInt(s);
            if (units.isEmpty()) {
                return "0";
            }
            // A scale, not a division: exact, and as cheap for 18 decimals as for 0.
            amount = new BigDecimal(units.get(), decimals);
        }
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    /**
     * A decimal amount as an integer in base units. Same as
     * {@link #toBigIntString(String, int)} with 18 decimals.
     *
     * @param text the decimal amount
     * @return the amount in base units, or {@code "0"} when the text is not an amount
     * @throws ArithmeticException when the amount exceeds 2<sup>128</sup> − 1 base units
     */
    public static String toBigIntString(String text) {
        return toBigIntString(text, DEFAULT_DECIMALS);
    }

    /**
     * A decimal amount as an integer in base units: with 18 decimals {@code "1.5"} is
     * {@code "1500000000000000000"}.
     *
     * <p>The trimmed text must be ASCII digits with an optional fraction
     * ({@code ^(\d*)(?:\.(\d*))?$}), else the result is {@code "0"}; so there is no sign, and
     * {@code ""}, {@code "."}, {@code ".5"} and {@code "5."} are amounts. Fraction digits
     * beyond {@code decimals} are cut off, not rounded.
     *
     * @param text the decimal amount
     * @param decimals the token's decimals, 0 or more
     * @return the amount in base units, as a decimal integer without leading zeros
     * @throws ArithmeticException with the message
     *     {@code Amount exceeds maximum allowed value (2^128 - 1)} when the amount in base
     *     units exceeds 2<sup>128</sup> − 1
     * @throws IllegalArgumentException when {@code decimals} is negative
     */
    public static String toBigIntString(String text, int decimals) {
        checkDecimals(decimals);
        Matcher m = AMOUNT.matcher(jsTrim(Objects.requireNonNull(text, "text")));
        if (!m.matches()) {
            return "0";
        }
        String fraction = m.group(2) == null ? "" : m.group(2);
        if (fraction.length() > decimals) {
            fraction = fraction.substring(0, decimals);
        }
        String digits = stripLeadingZeros(m.group(1) + fraction);
        if (digits.isEmpty()) {
            return "0";
        }
        // Counted before any number is built, so a huge text or decimals costs nothing.
        long length = (long) digits.length() + (decimals - fraction.length());
        if (length > MAX_AMOUNT_DIGITS) {
            throw tooLarge();
        }
        BigInteger units = new BigInteger(digits).multiply(BigInteger.TEN.pow(decimals - fraction.length()));
        if (units.compareTo(MAX_AMOUNT) > 0) {
            throw tooLarge();
        }
        return units.toString();
    }

    /**
     * Parses JSON text, as {@link Json#parse(String)} does.
     *
     * @param text the text
     * @return the value, or empty when the text is not valid JSON
     */
    public static Optional<Json> safeJsonParse(String text) {
        try {
            return Optional.of(Json.parse(text));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The compact JSON text of a value, as {@link Json#toJson()} writes it. Unlike
     * {@code JSON.stringify}, this cannot fail: every {@link Json} value has a text.
     *
     * @param value the value
     * @return its JSON text
     */
    public static String safeJsonStringify(Json value) {
        return Objects.requireNonNull(value, "value").toJson();
    }

    /** Whether {@code s} from {@code from} on is one or more digits of {@code radix}, ASCII only. */
    private static boolean isDigits(String s, int from, int radix) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            // Character.digit alone would also take non-ASCII digits such as "١" or "Ａ".
            if (c > 'z' || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static void checkDecimals(int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must not be negative: " + decimals);
        }
    }

    private static ArithmeticException tooLarge() {
        return new ArithmeticException("Amount exceeds maximum allowed value (2^128 - 1)");
    }

    /** JavaScript's {@code String.prototype.trim}: WhiteSpace and LineTerminator at both ends. */
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

    private static boolean isJsWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0xA0, 0xFEFF, 0x2028, 0x2029 -> true;
            default -> Character.getType(c) == Character.SPACE_SEPARATOR;
        };
    }
}
