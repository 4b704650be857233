package net.intercomj.host.wallet;

import java.util.Map;

/**
 * Writes JSON byte-for-byte like JavaScript's {@code JSON.stringify}, for the few flat objects
 * the keystore needs (string or null values only).
 *
 * <p>Hand-written because Jackson's escaping and pretty-printer differ in details (spacing,
 * escape forms) and the original's exact bytes are what gets encrypted and compared.
 */
final class JsJson {

    private JsJson() {
    }

    /** {@code JSON.stringify(obj)}: no whitespace at all. Values must be String or null. */
    static String compact(Map<String, String> object) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> e : object.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(e.getKey(), out);
            out.append(':');
            value(e.getValue(), out);
        }
        return out.append('}').toString();
    }

    /** {@code JSON.stringify(obj, null, 2)} for a flat object. Values must be String or null. */
    static String pretty(Map<String, String> object) {
        if (object.isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder("{\n");
        boolean first = true;
        for (Map.Entry<String, String> e : object.entrySet()) {
            if (!first) {
                out.append(",\n");
            }
            first = false;
            out.append("  ");
            quote(e.getKey(), out);
            out.append(": ");
            value(e.getValue(), out);
        }
        return out.append("\n}").toString();
    }

    private static void value(String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else {
            quote(value, out);
        }
    }

    /** ES2019 well-formed {@code JSON.stringify} string quoting. */
    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // A lone surrogate cannot be UTF-8 encoded; JavaScript escapes it instead.
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        out.append("0".repeat(4 - hex.length())).append(hex);
    }
}
