package net.intercomj.api.json;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strict RFC 8259 parser behind {@link Json#parse(String)}: one pass over the text's chars,
 * one instance per text. Nesting is kept on an explicit stack, bounded by {@link #MAX_DEPTH}, so
 * a deep text is an error and never a stack overflow (a recursive parser overflowed here on a
 * small thread stack before reaching the limit).
 */
final class JsonParser {

    /** Deepest nesting of arrays and objects accepted. */
    static final int MAX_DEPTH = 1000;

    /**
     * Longest number token accepted. Enough for the text of any {@link JsonNumber} (1000
     * digits, a sign, a point and an exponent), and short enough that converting it costs
     * nothing: {@code BigDecimal} parses long digit strings in more than linear time.
     */
    static final int MAX_NUMBER_LENGTH = 1100;

    private final String text;
    private int pos;

    JsonParser(String text) {
        this.text = text;
    }

    Json parseDocument() {
        skipWhitespace();
        Json value = parseValue();
        skipWhitespace();
        if (pos < text.length()) {
            throw error(pos, "unexpected " + found(pos) + " after the JSON value");
        }
        return value;
    }

    /** An array or object being filled; for an object, the key whose value comes next. */
    private static final class Open {
        final boolean object;
        final Map<String, Json> fields = new LinkedHashMap<>();
        final List<Json> values = new ArrayList<>();
        String key;

        Open(boolean object) {
            this.object = object;
        }

        Json close() {
            return object ? new JsonObject(fields) : new JsonArray(values);
        }
    }

    /**
     * One value, however deeply nested, without recursion: the open arrays and objects are on an
     * explicit stack, so no text can overflow the thread's stack, whatever its size.
     */
    private Json parseValue() {
        Deque<Open> open = new ArrayDeque<>();
        while (true) {
            if (pos >= text.length()) {
                throw error(pos, "expected a value, found end of text");
            }
            char c = text.charAt(pos);
            Json value;
            if (c == '{' || c == '[') {
                if (open.size() >= MAX_DEPTH) {
                    throw error(pos, "arrays and objects nested deeper than " + MAX_DEPTH + " levels");
                }
                pos++;
                skipWhitespace();
                Open container = new Open(c == '{');
                if (peek() == (container.object ? '}' : ']')) {
                    pos++;
                    value = container.close();
                } else {
                    if (container.object) {
                        container.key = readKey(true);
                    }
                    open.push(container);
                    continue;
                }
            } else {
                value = parseScalar(c);
            }
            // Give the value to the innermost open container, closing those that end here.
            while (true) {
                Open top = open.peek();
                if (top == null) {
                    return value;
                }
                if (top.object) {
                    // LinkedHashMap.put on an existing key replaces the value in place: the last
                    // value wins at the first position, as in JSON.parse.
                    top.fields.put(top.key, value);
                } else {
                    top.values.add(value);
                }
                skipWhitespace();
                char next = peek();
                if (next == ',') {
                    pos++;
                    skipWhitespace();
                    if (top.object) {
                        top.key = readKey(false);
                    }
                    break;
                }
                if (next == (top.object ? '}' : ']')) {
                    pos++;
                    open.pop();
                    value = top.close();
                    continue;
                }
                throw error(pos, top.object
                        ? "expected ',' or '}' after an object member, found " + found(pos)
                        : "expected ',' or ']' after an array element, found " + found(pos));
            }
        }
    }

    private Json parseScalar(char c) {
        return switch (c) {
            case '"' -> new JsonString(parseString());
            case 't' -> literal("true", JsonBoolean.TRUE);
            case 'f' -> literal("false", JsonBoolean.FALSE);
            case 'n' -> literal("null", Json.NULL);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield parseNumber();
                }
                throw error(pos, "expected a value, found " + found(pos));
            }
        };
    }

    /** An object's key, its {@code :} and the whitespace after it. */
    private String readKey(boolean first) {
        if (peek() != '"') {
            String expected = first ? "a string key or '}'" : "a string key after ','";
            throw error(pos, "expected " + expected + ", found " + found(pos));
        }
        String name = parseString();
        skipWhitespace();
        if (peek() != ':') {
            throw error(pos, "expected ':' after an object key, found " + found(pos));
        }
        pos++;
        skipWhitespace();
        return name;
    }

    private String parseString() {
        int open = pos;
        pos++; // '"'
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(pos, "unterminated string (opened at offset " + open + ")");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\') {
                readEscape(out, open);
            } else if (c < 0x20) {
                throw error(pos, "unescaped control character " + codePoint(c) + " in a string");
            } else {
                // Surrogates are copied one char at a time: a pair stays a pair, a lone one
                // stays as it is.
                out.append(c);
                pos++;
            }
        }
    }

    private void readEscape(StringBuilder out, int open) {
        int start = pos;
        if (pos + 1 >= text.length()) {
            throw error(pos + 1, "unterminated string (opened at offset " + open + ")");
        }
        char e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                int value = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = hexValue(peek());
                    if (digit < 0) {
                        throw error(start, "invalid \\u escape: expected four hex digits, found " + found(pos));
                    }
                    value = value << 4 | digit;
                    pos++;
                }
                // A surrogate escape is appended as it is: followed by its partner it makes
                // a pair, alone it stays lone, as JSON.parse keeps it.
                out.append((char) value);
            }
            default -> throw error(start, "invalid escape in a string: a backslash followed by " + display(e));
        }
    }

    private JsonNumber parseNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (!isDigit(peek())) {
            throw error(pos, "expected a digit after '-', found " + found(pos));
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error(pos - 1, "a number must not have leading zeros");
            }
        } else {
            skipDigits();
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error(pos, "expected a digit after the decimal point, found " + found(pos));
            }
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error(pos, "expected a digit in the exponent, found " + found(pos));
            }
            skipDigits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw error(start, "number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        String token = text.substring(start, pos);
        try {
            return new JsonNumber(new BigDecimal(token));
        } catch (NumberFormatException e) {
            // Only an exponent beyond the range of an int gets here: the syntax is checked.
            throw error(start, "number out of range: " + token);
        } catch (IllegalArgumentException e) {
            throw error(start, "number out of range: " + e.getMessage());
        }
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private Json literal(String word, Json value) {
        if (!text.startsWith(word, pos)) {
            throw error(pos, "expected a value, found " + found(pos));
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The char at {@code pos}, or 0 at the end (never a char any caller looks for). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    // Character.digit would also take fullwidth and other non-ASCII digits.
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * What is at {@code at}, for a message: a word of letters whole ({@code 'NaN'}), a
     * printable ASCII character quoted, anything else as a code point.
     */
    private String found(int at) {
        if (at >= text.length()) {
            return "end of text";
        }
        char c = text.charAt(at);
        if (isAsciiLetter(c)) {
            int end = at;
            while (end < text.length() && end - at < 20 && (isAsciiLetter(text.charAt(end)) || isDigit(text.charAt(end)))) {
                end++;
            }
            return "'" + text.substring(at, end) + "'";
        }
        return display(c);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String display(char c) {
        return c > ' ' && c < 0x7f ? "'" + c + "'" : codePoint(c);
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    private static JsonParseException error(int offset, String problem) {
        return new JsonParseException(offset, problem);
    }
}
