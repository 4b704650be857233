package net.intercomj.host.wallet;

import java.util.Map;
import net.intercomj.api.json.Json;

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

    /** {@code JSON.stringify}'s string quoting (ES2019 well-formed), as the api's JSON values write it. */
    static void quote(String s, StringBuilder out) {
        out.append(Json.of(s).toJson());
    }
}
