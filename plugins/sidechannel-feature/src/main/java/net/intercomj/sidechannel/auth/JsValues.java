package net.intercomj.sidechannel.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.sidechannel.json.CanonicalJson;

/**
 * The JavaScript coercions ({@code String(x)}, {@code Number(x)}) the original applies when it
 * normalizes welcome and invite payloads, so that we sign and verify the same bytes.
 */
final class JsValues {

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private JsValues() {
    }

    /** {@code String.prototype.trim}: JavaScript white space and line terminators, not Java's. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isJsSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isJsSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isJsSpace(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0xFEFF
                || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** {@code String(value ?? '')}. */
    static String string(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            if (Double.isNaN(number)) {
                return "NaN";
            }
            if (Double.isInfinite(number)) {
                return number > 0 ? "Infinity" : "-Infinity";
            }
            return CanonicalJson.stringify(value);
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        if (value.isArray()) {
            // Array.prototype.toString: elements joined by commas, null/undefined as empty.
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(string(value.get(i)));
            }
            return out.toString();
        }
        return "[object Object]";
    }

    /** JavaScript truthiness of a JSON value (absent counts as undefined). */
    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            return number != 0 && !Double.isNaN(number);
        }
        return true;
    }

    /** {@code String(value || '').trim()}, the original's channel normalization. */
    static String channel(JsonNode value) {
        return truthy(value) ? trim(string(value)) : "";
    }

    /**
     * {@code Number(value)} for the JSON types: numbers as is, strings parsed as JavaScript does
     * (decimal, {@code 0x/0o/0b}, {@code Infinity}; blank is 0), booleans 1/0, null 0, anything else NaN.
     */
    static double number(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return Double.NaN;
        }
        if (value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.isBigInteger() || value.isBigDecimal()
                    ? Double.parseDouble(value.asText()) : value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value.isTextual()) {
            return parseNumber(trim(value.textValue()));
        }
        return Double.NaN;
    }

    private static double parseNumber(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        switch (text) {
            case "Infinity", "+Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (text.length() > 2 && text.charAt(0) == '0') {
            int radix = switch (Character.toLowerCase(text.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                case 'b' -> 2;
                default -> 0;
            };
            if (radix != 0) {
                try {
                    return new BigInteger(text.substring(2), radix).doubleValue();
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        return Double.NaN;
    }

    /** {@code Number.isFinite(value) ? value : 1}: only an actual finite number counts. */
    static double version(JsonNode value) {
        if (value != null && value.isNumber()) {
            double number = number(value);
            if (Double.isFinite(number)) {
                return number;
            }
        }
        return 1;
    }

    /** The original's {@code normalizeKeyHex}: trimmed lowercase text, or a JSON-encoded Buffer as hex. */
    static String keyHex(JsonNode value) {
        if (!truthy(value)) {
            return "";
        }
        if (value.isObject() && "Buffer".equals(value.path("type").textValue()) && value.path("data").isArray()) {
            JsonNode data = value.get("data");
            byte[] bytes = new byte[data.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) number(data.get(i)); // Uint8Array conversion keeps the low byte
            }
            return HexFormat.of().formatHex(bytes);
        }
        return trim(string(value)).toLowerCase(Locale.ROOT);
    }

    /**
     * A JSON number node for {@code value} that Jackson prints as JavaScript would: integral values
     * as longs (Jackson would write {@code 1.7E12} for a double).
     */
    static JsonNode numberNode(double value) {
        if (value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER && !isNegativeZero(value)) {
            return LongNode.valueOf((long) value);
        }
        return DoubleNode.valueOf(value);
    }

    private static boolean isNegativeZero(double value) {
        return value == 0 && Double.doubleToRawLongBits(value) != 0;
    }

    /** The signature text: {@code sig || signature} if that is a non-empty string. */
    static Optional<String> signature(JsonNode node) {
        JsonNode sig = truthy(node.get("sig")) ? node.get("sig") : node.get("signature");
        return sig != null && sig.isTextual() && !sig.textValue().isEmpty()
                ? Optional.of(sig.textValue()) : Optional.empty();
    }

    /**
     * Verifies a hex signature by a hex key. Like Node's Buffer.from(hex), bad hex yields a wrong-size
     * buffer, which fails; here it simply fails.
     */
    static boolean verify(SignatureVerifier verifier, String signatureHex, byte[] message, String keyHex) {
        byte[] signature = hex(signatureHex);
        byte[] key = hex(keyHex);
        return signature != null && key != null && signature.length == 64 && key.length == 32
                && verifier.verify(signature, message, key);
    }

    private static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
