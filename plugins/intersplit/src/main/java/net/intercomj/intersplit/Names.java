package net.intercomj.intersplit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Member names: how user text becomes a name, and the one order names are listed in.
 *
 * <p>A name is the text trimmed and lowercased, as the original does ({@code
 * String(x).trim().toLowerCase()}), so {@code " Alice "} and {@code "alice"} are one member.
 * Trimming removes exactly what JavaScript's {@code trim()} removes (see {@link #jsTrim}), not
 * Java's narrower {@link String#trim()}, so a name typed on a JS peer and one typed here
 * normalize alike; lowercasing uses {@link Locale#ROOT}, which is what JavaScript's
 * locale-independent {@code toLowerCase()} does (a Turkish default locale must not turn
 * {@code "I"} into a dotless {@code "ı"}).
 *
 * <p>Beyond the original (weakness W14, no limits): a name has at most {@value #MAX_LENGTH}
 * code points and no control or line/paragraph separator characters, because names are
 * printed one per line in the text export and the terminal, and a newline inside a name
 * would forge lines there. Commas are allowed (a name can arrive as a JSON array item): the
 * CSV export quotes them (W9).
 *
 * <p><b>Collation.</b> {@link #ORDER} is plain Unicode code point order. The original sorts
 * balances with {@code localeCompare}, whose result depends on the JS engine's ICU data and
 * the process locale (W11). Balances and the settlement plan's tie order must not differ
 * between two machines, so this uses a fixed, locale-free order. For names made only of
 * lowercase ASCII letters (the common case, and every example in the spec) both orders agree,
 * prefixes included ({@code "al" < "alice"}). They differ where ICU orders by linguistic rules:
 * punctuation sorts before digits in ICU but {@code '_'} sorts after digits here, and an
 * accented letter such as {@code "é"} sorts next to {@code "e"} in ICU but after {@code "z"}
 * here.
 */
public final class Names {

    /** The longest name, in code points. */
    public static final int MAX_LENGTH = 64;

    /** Code point order; see the class description for how it relates to JS {@code localeCompare}. */
    public static final Comparator<String> ORDER = Names::compare;

    private Names() {}

    /**
     * A member name from user text: trimmed as JS {@code trim()} does and lowercased. Blank or
     * null text gives {@code ""}, which callers treat as "no name" (a split list drops it).
     *
     * @throws IllegalArgumentException when the name is longer than {@value #MAX_LENGTH} code
     *     points or holds a control or line separator character
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String name = jsTrim(raw).toLowerCase(Locale.ROOT);
        checkText(name, "A member name", MAX_LENGTH);
        return name;
    }

    /**
     * The members of a split list: every item normalized, blank items dropped, repeats dropped
     * (the first occurrence keeps its place). Null items count as blank, as in the original.
     *
     * @throws IllegalArgumentException when an item is not a valid name
     */
    public static List<String> members(Collection<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String item : raw) {
            String name = normalize(item);
            if (!name.isEmpty()) {
                seen.add(name);
            }
        }
        return List.copyOf(seen);
    }

    /**
     * The members of a comma-separated list such as {@code "alice, Bob,,alice"} (giving
     * {@code [alice, bob]}), as the terminal's {@code --split} and the bridge's string form
     * are read.
     */
    public static List<String> parseList(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = commaSeparated.indexOf(',', start);
            if (comma < 0) {
                items.add(commaSeparated.substring(start));
                break;
            }
            items.add(commaSeparated.substring(start, comma));
            start = comma + 1;
        }
        return members(items);
    }

    /** Compares two names by Unicode code point (not UTF-16 unit: a supplementary character sorts after U+FFFF). */
    public static int compare(String a, String b) {
        int i = 0;
        int length = Math.min(a.length(), b.length());
        while (i < length) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(i);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * Removes leading and trailing white space as JavaScript's {@code String.prototype.trim}
     * does: the ECMAScript WhiteSpace set (tab, vertical tab, form feed, space, no-break space,
     * U+FEFF and every Unicode space separator) and LineTerminator set (LF, CR, U+2028,
     * U+2029).
     */
    public static String jsTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsWhiteSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isJsWhiteSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u2028', '\u2029', '\uFEFF' -> true;
            default -> Character.getType(c) == Character.SPACE_SEPARATOR;
        };
    }

    /**
     * Checks a single-line text field: at most {@code maxLength} code points, no control
     * characters (C0, DEL, C1) and no line or paragraph separators.
     */
    static void checkText(String text, String what, int maxLength) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw new IllegalArgumentException(what + " is too long: " + length + " characters, at most " + maxLength + ".");
        }
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                throw new IllegalArgumentException(what + " must not contain control characters or line breaks (found U+"
                        + String.format(Locale.ROOT, "%04X", cp) + ").");
            }
        });
    }
}
