package net.intercomj.host.contract.schema;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JavaScript regular expression ({@code new RegExp(source, flags)}, without the {@code u} or
 * {@code v} flag) run by {@link java.util.regex}, for the {@code pattern} option of strings.
 *
 * <p>The source is translated, not passed through, because the two dialects differ where it
 * matters for validation: JavaScript's {@code $} matches only at the very end (Java's also before
 * a final line break), its {@code .} and {@code \s} know other line terminators and white space,
 * and it accepts forms Java rejects or reads otherwise ({@code [[]}, {@code []}, {@code [^]},
 * {@code a{}, {@code \a}, {@code \v}, {@code \0}, {@code \cX}, legacy octal escapes). Known gaps:
 * characters outside the Basic Multilingual Plane are one character to Java but two to
 * JavaScript without {@code u}; a backreference to a group that has not matched matches nothing
 * in Java but the empty string in JavaScript; Java refuses some lookbehinds of unbounded length (a repeated group);
 * case-insensitive matching of a few non-ASCII letters (the Kelvin sign, the long s) differs.
 *
 * <p>Flags: {@code i}, {@code m}, {@code s} as in JavaScript; {@code y} anchors the match at the
 * start; {@code g} and {@code d} change nothing for a test that fastest-validator makes with a
 * fresh expression each time.
 */
final class JsRegex {

    private static final String FLAG_ORDER = "dgimsuvy";
    private static final String LINE_TERMINATORS = "\\x{A}\\x{D}\\x{2028}\\x{2029}";
    /** JavaScript's {@code \s}: white space and line terminators, as the body of a class. */
    private static final String WHITESPACE = "\\x{9}-\\x{D}\\x{20}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}"
            + "\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
    private static final String ANY = "[\\s\\S]";

    private final String source;
    private final Pattern pattern;
    private final boolean sticky;
    private final String literal;

    private JsRegex(String source, Pattern pattern, boolean sticky, String literal) {
        this.source = source;
        this.pattern = pattern;
        this.sticky = sticky;
        this.literal = literal;
    }

    /**
     * Compiles {@code source} with {@code flags}.
     *
     * @throws IllegalArgumentException if JavaScript would reject it, or Java cannot run it
     */
    static JsRegex compile(String source, String flags) {
        String canonical = canonicalFlags(source, flags);
        String literal = "/" + escapeSource(source) + "/" + canonical;
        if (canonical.contains("u") || canonical.contains("v")) {
            throw new IllegalArgumentException("The 'u' and 'v' flags are not supported (" + literal + ").");
        }
        String translated = new Translator(source, canonical.contains("m"), canonical.contains("s")).translate();
        int javaFlags = canonical.contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        try {
            return new JsRegex(source, Pattern.compile(translated, javaFlags), canonical.contains("y"), literal);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid regular expression: " + literal + ": " + e.getDescription());
        }
    }

    /** {@code regex.test(input)}. */
    boolean test(String input) {
        Matcher matcher = pattern.matcher(input);
        try {
            return sticky ? matcher.lookingAt() : matcher.find();
        } catch (StackOverflowError e) {
            // Java's matcher recurses on some repetitions of groups, so a long enough value can
            // overflow the stack; a validator must return a result, so such a value does not match.
            return false;
        }
    }

    /** The source as given, in JavaScript's syntax. */
    String source() {
        return source;
    }

    /** The expression as JavaScript prints it: {@code /source/flags}. */
    String literal() {
        return literal;
    }

    private static String canonicalFlags(String source, String flags) {
        StringBuilder canonical = new StringBuilder();
        for (int i = 0; i < FLAG_ORDER.length(); i++) {
            char flag = FLAG_ORDER.charAt(i);
            int count = (int) flags.chars().filter(c -> c == flag).count();
            if (count > 1) {
                throw invalidFlags(source, flags);
            }
            if (count == 1) {
                canonical.append(flag);
            }
        }
        if (canonical.length() != flags.length()) {
            throw invalidFlags(source, flags);
        }
        return canonical.toString();
    }

    private static IllegalArgumentException invalidFlags(String source, String flags) {
        return new IllegalArgumentException("Invalid flags supplied to RegExp constructor '" + flags + "' (pattern '"
                + source + "').");
    }

    /** The source as {@code RegExp.prototype.source} shows it: slashes and line breaks escaped. */
    private static String escapeSource(String source) {
        if (source.isEmpty()) {
            return "(?:)";
        }
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            switch (c) {
                case '\\' -> {
                    out.append(c);
                    if (i + 1 < source.length()) {
                        char next = source.charAt(++i);
                        out.append(lineTerminatorEscape(next, String.valueOf(next)));
                    }
                }
                case '[' -> {
                    inClass = true;
                    out.append(c);
                }
                case ']' -> {
                    inClass = false;
                    out.append(c);
                }
                case '/' -> out.append(inClass ? "/" : "\\/");
                default -> out.append(lineTerminatorEscape(c, String.valueOf(c)));
            }
        }
        return out.toString();
    }

    private static String lineTerminatorEscape(char c, String otherwise) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\u2028' -> "\\u2028";
            case '\u2029' -> "\\u2029";
            default -> otherwise;
        };
    }

    /** One pass over a JavaScript source (Annex B syntax, no {@code u} flag), writing Java's. */
    private static final class Translator {

        private final String src;
        private final boolean multiline;
        private final boolean dotAll;
        private final StringBuilder out = new StringBuilder();
        /** JavaScript group names to Java ones, which allow fewer characters. */
        private final Map<String, String> groupNames = new HashMap<>();
        private int groupCount;
        private int pos;
        /** Whether what was written last may take a quantifier. */
        private boolean quantifiable;

        Translator(String src, boolean multiline, boolean dotAll) {
            this.src = src;
            this.multiline = multiline;
            this.dotAll = dotAll;
        }

        String translate() {
            countGroups();
            while (pos < src.length()) {
                step();
            }
            return out.toString();
        }

        /** Counts capturing groups and names them, which decides what {@code \1} and {@code \k} mean. */
        private void countGroups() {
            boolean inClass = false;
            for (int i = 0; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    if (!src.startsWith("?", i + 1)) {
                        groupCount++;
                    } else if (src.startsWith("?<", i + 1) && !src.startsWith("?<=", i + 1)
                            && !src.startsWith("?<!", i + 1)) {
                        groupCount++;
                        int end = src.indexOf('>', i);
                        if (end < 0) {
                            throw error("Invalid capture group name");
                        }
                        String name = src.substring(i + 3, end);
                        if (name.isEmpty() || groupNames.put(name, "jsg" + groupCount) != null) {
                            throw error(name.isEmpty() ? "Invalid capture group name" : "Duplicate capture group name");
                        }
                    }
                }
            }
        }

        private void step() {
            char c = src.charAt(pos);
            switch (c) {
                case '\\' -> escape();
                case '[' -> characterClass();
                case '(' -> openGroup();
                case ')' -> emit(")", 1, true);
                case '|' -> emit("|", 1, false);
                case '^' -> emit(multiline ? "(?:(?<!" + ANY + ")|(?<=[" + LINE_TERMINATORS + "]))" : "^", 1, false);
                case '$' -> emit(multiline ? "(?=[" + LINE_TERMINATORS + "]|(?!" + ANY + "))" : "(?!" + ANY + ")", 1,
                        false);
                case '.' -> emit(dotAll ? ANY : "[^" + LINE_TERMINATORS + "]", 1, true);
                case '*', '+', '?' -> quantifier(1);
                case '{' -> {
                    int end = bracedQuantifierEnd();
                    if (end > 0) {
                        quantifier(end - pos);
                    } else {
                        literal('{');
                    }
                }
                default -> literal(c);
            }
        }

        private void emit(String java, int consumed, boolean canQuantify) {
            out.append(java);
            pos += consumed;
            quantifiable = canQuantify;
        }

        private void literal(int codeUnit) {
            appendChar(codeUnit);
            pos++;
            quantifiable = true;
        }

        private void appendChar(int codeUnit) {
            if ((codeUnit >= 'a' && codeUnit <= 'z') || (codeUnit >= 'A' && codeUnit <= 'Z')
                    || (codeUnit >= '0' && codeUnit <= '9')) {
                out.append((char) codeUnit);
            } else if (Character.isSurrogate((char) codeUnit)) {
                // Written as is, so that a pair still reads as the character it encodes.
                out.append((char) codeUnit);
            } else {
                out.append(hex(codeUnit));
            }
        }

        private static String hex(int codeUnit) {
            return "\\x{" + Integer.toHexString(codeUnit).toUpperCase(Locale.ROOT) + "}";
        }

        /** {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code pos}: the index after it, else -1. */
        private int bracedQuantifierEnd() {
            int i = pos + 1;
            int digits = i;
            while (i < src.length() && Character.isDigit(src.charAt(i)) && src.charAt(i) < 128) {
                i++;
            }
            if (i == digits) {
                return -1;
            }
            if (i < src.length() && src.charAt(i) == ',') {
                i++;
                while (i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '9') {
                    i++;
                }
            }
            return i < src.length() && src.charAt(i) == '}' ? i + 1 : -1;
        }

        private void quantifier(int length) {
            if (!quantifiable) {
                throw error("Nothing to repeat");
            }
            String text = src.substring(pos, pos + length);
            if (text.startsWith("{")) {
                String[] bounds = text.substring(1, text.length() - 1).split(",", -1);
                if (bounds.length == 2 && !bounds[1].isEmpty()
                        && new BigInteger(bounds[0]).compareTo(new BigInteger(bounds[1])) > 0) {
                    throw error("numbers out of order in {} quantifier");
                }
            }
            out.append(text);
            pos += length;
            if (pos < src.length() && src.charAt(pos) == '?') {
                out.append('?');
                pos++;
            }
            quantifiable = false;
        }

        private void openGroup() {
            if (src.startsWith("(?:", pos) || src.startsWith("(?=", pos) || src.startsWith("(?!", pos)) {
                emit(src.substring(pos, pos + 3), 3, false);
            } else if (src.startsWith("(?<=", pos) || src.startsWith("(?<!", pos)) {
                emit(src.substring(pos, pos + 4), 4, false);
            } else if (src.startsWith("(?<", pos)) {
                int end = src.indexOf('>', pos);
                String name = src.substring(pos + 3, end);
                emit("(?<" + groupNames.get(name) + ">", end + 1 - pos, false);
            } else if (src.startsWith("(?", pos)) {
                throw error("Invalid group");
            } else {
                emit("(", 1, false);
            }
        }

        private void escape() {
            pos++;
            if (pos >= src.length()) {
                throw error("\\ at end of pattern");
            }
            char e = src.charAt(pos++);
            quantifiable = true;
            switch (e) {
                case 'd', 'D', 'w', 'W' -> out.append('\\').append(e);
                case 's' -> out.append('[').append(WHITESPACE).append(']');
                case 'S' -> out.append("[^").append(WHITESPACE).append(']');
                case 'b', 'B' -> {
                    out.append('\\').append(e);
                    quantifiable = false;
                }
                case '0' -> {
                    pos--;
                    appendChar(legacyOctal());
                }
                case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> backreferenceOrOctal(e);
                case 'k' -> namedBackreference();
                case 'c' -> {
                    if (pos < src.length() && isAsciiLetter(src.charAt(pos))) {
                        appendChar(src.charAt(pos++) % 32);
                    } else {
                        // Annex B: a backslash and then the 'c' read as itself.
                        appendChar('\\');
                        pos--;
                    }
                }
                default -> appendChar(characterEscape(e));
            }
        }

        /** {@code \n} and the like, {@code \xHH}, a u escape of four hex digits, or the character itself. */
        private int characterEscape(char e) {
            return switch (e) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'f' -> '\f';
                case 'v' -> 0x0B;
                case 'x' -> hexDigits(2, 'x');
                case 'u' -> hexDigits(4, 'u');
                default -> e;
            };
        }

        private int hexDigits(int count, char otherwise) {
            if (pos + count > src.length()) {
                return otherwise;
            }
            int value = 0;
            for (int i = 0; i < count; i++) {
                int digit = Character.digit(src.charAt(pos + i), 16);
                if (digit < 0 || src.charAt(pos + i) > 127) {
                    return otherwise;
                }
                value = value * 16 + digit;
            }
            pos += count;
            return value;
        }

        private void backreferenceOrOctal(char first) {
            int start = pos - 1;
            int end = start;
            while (end < src.length() && src.charAt(end) >= '0' && src.charAt(end) <= '9') {
                end++;
            }
            String digits = src.substring(start, end);
            if (digits.length() <= 9 && Integer.parseInt(digits) <= groupCount) {
                out.append("(?:\\").append(Integer.parseInt(digits)).append(')');
                pos = end;
            } else if (first == '8' || first == '9') {
                appendChar(first);
            } else {
                pos = start;
                appendChar(legacyOctal());
            }
        }

        /** Annex B's legacy octal escape at {@code pos}: up to three octal digits, at most 0377. */
        private int legacyOctal() {
            int first = src.charAt(pos++) - '0';
            int value = first;
            int more = first <= 3 ? 2 : 1;
            for (int i = 0; i < more && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; i++) {
                value = value * 8 + (src.charAt(pos++) - '0');
            }
            return value;
        }

        private void namedBackreference() {
            if (groupNames.isEmpty()) {
                appendChar('k');
                return;
            }
            int end = src.indexOf('>', pos);
            if (!src.startsWith("<", pos) || end < 0) {
                throw error("Invalid named reference");
            }
            String javaName = groupNames.get(src.substring(pos + 1, end));
            if (javaName == null) {
                throw error("Invalid named capture referenced");
            }
            out.append("\\k<").append(javaName).append('>');
            pos = end + 1;
        }

        private void characterClass() {
            pos++;
            boolean negated = pos < src.length() && src.charAt(pos) == '^';
            if (negated) {
                pos++;
            }
            StringBuilder body = new StringBuilder();
            while (true) {
                if (pos >= src.length()) {
                    throw error("Unterminated character class");
                }
                if (src.charAt(pos) == ']') {
                    pos++;
                    break;
                }
                ClassAtom from = classAtom();
                if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                    pos++;
                    ClassAtom to = classAtom();
                    if (from.isCharacter() && to.isCharacter()) {
                        if (from.codeUnit > to.codeUnit) {
                            throw error("Range out of order in character class");
                        }
                        body.append(hex(from.codeUnit)).append('-').append(hex(to.codeUnit));
                    } else {
                        // Annex B: a class escape next to '-' makes it a plain '-'.
                        body.append(from.java).append(hex('-')).append(to.java);
                    }
                } else {
                    body.append(from.java);
                }
            }
            if (body.isEmpty()) {
                // [] matches nothing, [^] anything.
                out.append(negated ? ANY : "(?!)");
            } else {
                out.append('[').append(negated ? "^" : "").append(body).append(']');
            }
            quantifiable = true;
        }

        /** A character of a class (with its code unit) or a class escape (code unit -1), in Java's syntax. */
        private record ClassAtom(int codeUnit, String java) {
            static ClassAtom of(int codeUnit) {
                return new ClassAtom(codeUnit, hex(codeUnit));
            }

            static ClassAtom escape(String java) {
                return new ClassAtom(-1, java);
            }

            boolean isCharacter() {
                return codeUnit >= 0;
            }
        }

        private ClassAtom classAtom() {
            char c = src.charAt(pos++);
            if (c != '\\') {
                return ClassAtom.of(c);
            }
            if (pos >= src.length()) {
                throw error("\\ at end of pattern");
            }
            char e = src.charAt(pos++);
            return switch (e) {
                case 'd', 'D', 'w', 'W' -> ClassAtom.escape("\\" + e);
                case 's' -> ClassAtom.escape(WHITESPACE);
                // A nested class is a union in Java: [a\S] is [a[^\s]].
                case 'S' -> ClassAtom.escape("[^" + WHITESPACE + "]");
                case 'b' -> ClassAtom.of('\b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    pos--;
                    yield ClassAtom.of(legacyOctal());
                }
                case 'c' -> {
                    if (pos < src.length() && (isAsciiLetter(src.charAt(pos)) || isAsciiDigit(src.charAt(pos))
                            || src.charAt(pos) == '_')) {
                        yield ClassAtom.of(src.charAt(pos++) % 32);
                    }
                    pos--;
                    yield ClassAtom.of('\\');
                }
                default -> ClassAtom.of(characterEscape(e));
            };
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("Invalid regular expression: /" + src + "/: " + problem);
        }
    }
}
