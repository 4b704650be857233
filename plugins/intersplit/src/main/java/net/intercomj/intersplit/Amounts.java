package net.intercomj.intersplit;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Money amounts: integer cents, read from user text and written as the original writes them.
 *
 * <p>There is one implicit currency, counted in integer cents, so that sums and shares are
 * exact. Amounts are bounded by {@link #MAX_CENTS} (10,000,000,000.00). The bound is far
 * below JavaScript's largest safe integer (2<sup>53</sup> &minus; 1, about 9.007 &times;
 * 10<sup>15</sup>), so a JS peer reads every amount exactly and {@code toFixed(2)} prints it
 * exactly; a room can hold about 9,000 maximal expenses before a JS peer's total stops being
 * exact, and Java's {@code long} sums overflow only after 9 million of them (and are checked
 * with {@link Math#addExact} anyway).
 *
 * <p>Parsing fixes weakness W10. The original strips every comma and runs {@code Number(...)}
 * then {@code Math.round(n * 100)}: it accepts exponents ({@code "1e3"}), turns {@code
 * "1,2,3"} into 123 and silently rounds {@code "1.555"}. Here the text must be a plain positive
 * decimal with at most two decimals; commas may only separate thousands. Every refusal starts
 * with the original's {@value #INVALID} and then names the problem.
 */
public final class Amounts {

    /** The largest amount of one expense, in cents: 10,000,000,000.00. */
    public static final long MAX_CENTS = 1_000_000_000_000L;

    /** The original's error text; every refusal of an amount starts with it. */
    public static final String INVALID = "Invalid amount. Use a positive number.";

    /** How much of the refused text an error message quotes. */
    private static final int QUOTE_LIMIT = 40;

    private Amounts() {}

    /**
     * Reads an amount typed by a user, in cents.
     *
     * <p>Accepted: surrounding white space (as JS {@code trim()} removes it), digits with
     * optional thousands separators in the usual groups of three ({@code "1,000.55"}), and an
     * optional decimal point followed by one or two digits ({@code "5"}, {@code " 5 "},
     * {@code "5.5"}, {@code ".50"}, {@code "0.05"}). Refused, each with its own message: blank
     * text, a sign ({@code "-1"}, {@code "+1"}), more than two decimals ({@code "1.555"},
     * {@code "1.500"}), exponents ({@code "1e3"}), misplaced commas ({@code "1,2,3"}), a
     * decimal point with no digits after it ({@code "5."}), anything else that is not a plain
     * decimal ({@code "abc"}, {@code "0x10"}, {@code "Infinity"}, non-ASCII digits), zero,
     * and amounts above {@link #MAX_CENTS}.
     *
     * @param text the amount as typed; null counts as blank
     * @return the amount in cents, from 1 to {@link #MAX_CENTS}
     * @throws IllegalArgumentException when the text is refused; the message starts with
     *     {@value #INVALID}
     */
    public static long parseAmountCents(String text) {
        if (text == null) {
            throw invalid(null);
        }
        String s = Names.jsTrim(text);
        if (s.isEmpty()) {
            throw invalid(null);
        }
        char first = s.charAt(0);
        if (first == '-') {
            throw invalid("Negative amounts are not allowed: " + quote(s) + ".");
        }
        if (first == '+') {
            throw invalid("Write the amount without a sign: " + quote(s) + ".");
        }
        if (s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
            if (s.chars().allMatch(c -> isDigit(c) || c == ',' || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                throw invalid("Exponents are not accepted; write the amount out: " + quote(s) + ".");
            }
            throw notDecimal(s);
        }
        int point = s.indexOf('.');
        String whole = point < 0 ? s : s.substring(0, point);
        String fraction = point < 0 ? "" : s.substring(point + 1);
        if (!s.chars().allMatch(c -> isDigit(c) || c == ',' || c == '.') || fraction.indexOf('.') >= 0) {
            throw notDecimal(s);
        }
        if (fraction.indexOf(',') >= 0) {
            throw invalid("Commas may only separate thousands: " + quote(s) + ".");
        }
        if (point >= 0 && fraction.isEmpty()) {
            throw invalid("A decimal point must be followed by digits: " + quote(s) + ".");
        }
        if (fraction.length() > 2) {
            throw invalid("Use at most two decimals (whole cents): " + quote(s) + ".");
        }
        if (whole.indexOf(',') >= 0 && !wellGrouped(whole)) {
            throw invalid("Commas may only separate thousands: " + quote(s) + ".");
        }
        String digits = whole.replace(",", "");
        if (digits.isEmpty() && fraction.isEmpty()) {
            throw notDecimal(s);
        }
        String centsText = (digits.isEmpty() ? "0" : digits) + (fraction + "00").substring(0, 2);
        BigInteger cents = new BigInteger(centsText);
        if (cents.signum() == 0) {
            throw invalid("The amount is zero: " + quote(s) + ".");
        }
        if (cents.compareTo(BigInteger.valueOf(MAX_CENTS)) > 0) {
            throw invalid("The largest amount is " + format(MAX_CENTS) + ": " + quote(s) + ".");
        }
        return cents.longValueExact();
    }

    /**
     * Checks an amount already in cents (an event read from a peer or a snapshot).
     *
     * @throws IllegalArgumentException when it is not from 1 to {@link #MAX_CENTS}
     */
    static long checkCents(long cents) {
        if (cents <= 0) {
            throw invalid("amountCents must be positive, got " + cents + ".");
        }
        if (cents > MAX_CENTS) {
            throw invalid("amountCents is at most " + MAX_CENTS + ", got " + cents + ".");
        }
        return cents;
    }

    /**
     * Cents as the original prints them, {@code (cents / 100).toFixed(2)}: {@code 1000} is
     * {@code "10.00"}, {@code -5} is {@code "-0.05"}. Exact for every {@code long} (for the
     * amounts JS can hold exactly, JS prints the same digits).
     */
    public static String format(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /**
     * A balance as the original's text export and terminal print it: {@code "+10.00"},
     * {@code "-10.00"}, and {@code "+0.00"} for zero.
     */
    public static String formatSigned(long cents) {
        String plain = format(cents);
        return cents < 0 ? plain : "+" + plain;
    }

    private static boolean wellGrouped(String whole) {
        String[] groups = whole.split(",", -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException notDecimal(String s) {
        return invalid("Not a plain decimal number: " + quote(s) + ".");
    }

    private static IllegalArgumentException invalid(String detail) {
        return new IllegalArgumentException(detail == null ? INVALID : INVALID + " " + detail);
    }

    private static String quote(String s) {
        String shown = s.length() > QUOTE_LIMIT ? s.substring(0, QUOTE_LIMIT) + "…" : s;
        return "\"" + shown + "\"";
    }
}
