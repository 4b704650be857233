package net.intercomj.api.json;

import java.util.Objects;

/**
 * A JSON string. Any Java string can be held, lone surrogates included (JSON text can spell
 * them as {@code \}{@code uD800}, and JavaScript strings hold them).
 *
 * @param value the text
 */
public record JsonString(String value) implements Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * A JSON string.
     *
     * @throws NullPointerException when {@code value} is null (use {@link Json#NULL})
     */
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The quoted string, escaped as JavaScript's {@code JSON.stringify} does: {@code \"},
     * {@code \\}, {@code \b}, {@code \f}, {@code \n}, {@code \r}, {@code \t}, other characters
     * below U+0020 and lone surrogates as {@code \}{@code u} with four lowercase hex digits,
     * everything else (including {@code /}, U+2028 and non-ASCII text) as it is.
     */
    @Override
    public String toJson() {
        StringBuilder out = new StringBuilder(value.length() + 2);
        appendQuoted(out, value);
        return out.toString();
    }

    /** Same as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }

    static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        appendEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                        // A well-formed pair is one character: written as it is.
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // A lone surrogate cannot be encoded in UTF-8; the escape keeps it.
                        appendEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
}
