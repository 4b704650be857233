package net.intercomj.sidechannel.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.intercomj.api.json.Json;

/**
 * JSON text exactly as the original JavaScript peer writes it, so that signed and hashed bytes match
 * byte for byte across implementations.
 *
 * <p>{@link #stringify} is the original's {@code stableStringify} (object keys sorted by UTF-16 code
 * unit, no whitespace); {@link #jsonStringify} is ECMAScript {@code JSON.stringify} (insertion order).
 * Both format numbers as ECMAScript {@code Number.prototype.toString} does, after converting them to
 * a double as {@code JSON.parse} would, and escape strings as {@code JSON.stringify} does.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The original's {@code stableStringify}: sorted keys, no whitespace; null or missing gives {@code null}. */
    public static String stringify(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, true, out);
        return out.toString();
    }

    /** UTF-8 bytes of {@link #stringify}: the bytes that get signed or hashed. */
    public static byte[] utf8(JsonNode value) {
        return stringify(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * ECMAScript {@code JSON.stringify}: keys in insertion order, no whitespace. Used to write wire JSON
     * and to measure sizes the way the original does. A missing node gives {@code null} (where
     * JavaScript would return {@code undefined}).
     */
    public static String jsonStringify(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, false, out);
        return out.toString();
    }

    private static void write(JsonNode node, boolean sorted, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isTextual()) {
            quote(node.textValue(), out);
        } else if (node.isNumber()) {
            out.append(number(toDouble(node)));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), sorted, out);
            }
            out.append(']');
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            if (sorted) {
                // String.compareTo is UTF-16 code unit order, which is what Array.prototype.sort uses.
                entries.sort(Map.Entry.comparingByKey());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> entry : entries) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), sorted, out);
            }
            out.append('}');
        } else if (node.isBinary()) {
            // Jackson writes binary as base64 text, so a peer reading our JSON sees that string.
            quote(Base64.getEncoder().encodeToString(binary(node)), out);
        } else if (node instanceof POJONode pojo && pojo.getPojo() == null) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + node.getNodeType());
        }
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Unreadable binary node", e);
        }
    }

    /** The double a JavaScript peer would hold after parsing this number's JSON text. */
    private static double toDouble(JsonNode node) {
        if (node.isBigInteger()) {
            return node.bigIntegerValue().doubleValue();
        }
        if (node.isBigDecimal()) {
            // parseDouble is correctly rounded, as JSON.parse is.
            return Double.parseDouble(node.decimalValue().toString());
        }
        if (node.isFloat()) {
            // Jackson writes a float with its shortest float digits; that text is what a peer parses.
            return Double.parseDouble(Float.toString(node.floatValue()));
        }
        if (node.isIntegralNumber()) {
            return (double) node.longValue();
        }
        return node.doubleValue();
    }

    /** ECMAScript Number::toString as used by JSON.stringify (NaN and infinities become {@code null}). */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == 0) {
            return "0"; // also -0
        }
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        BigDecimal shortest = shortestDecimal(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = digits × 10^(n−k)
        if (k <= n && n <= 21) {
            out.append(digits).repeat('0', n - k);
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").repeat('0', -n).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The shortest decimal that rounds to {@code positive}, closest to it on ties (even digit last).
     *
     * <p>Double.toString (JDK 19+) already picks shortest-closest digits, except that when a single
     * digit would do it may prefer two closer ones (4.9E-324 instead of JavaScript's 5e-324).
     */
    private static BigDecimal shortestDecimal(double positive) {
        BigDecimal java = new BigDecimal(Double.toString(positive)).stripTrailingZeros();
        if (java.precision() != 2) {
            return java;
        }
        BigDecimal down = java.round(new MathContext(1, RoundingMode.FLOOR)).stripTrailingZeros();
        BigDecimal up = java.round(new MathContext(1, RoundingMode.CEILING)).stripTrailingZeros();
        boolean downOk = Double.parseDouble(down.toString()) == positive;
        boolean upOk = Double.parseDouble(up.toString()) == positive;
        if (downOk && upOk) {
            BigDecimal exact = new BigDecimal(positive);
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? down : up;
            }
            return down.unscaledValue().testBit(0) ? up : down;
        }
        if (downOk) {
            return down;
        }
        return upOk ? up : java;
    }

    /** JSON.stringify's string quoting (ES2019 well-formed: lone surrogates escaped), as the api's JSON values write it. */
    private static void quote(String text, StringBuilder out) {
        out.append(Json.of(text).toJson());
    }
}
