package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * How JavaScript treats a parsed JSON value where fastest-validator relies on it: truthiness,
 * {@code String(v)}, {@code ===}, {@code ==}, the order of {@code Object.keys} and what
 * {@code trim} and {@code \s} count as white space. A JSON value maps onto JavaScript as
 * {@code JSON.parse} would: numbers become doubles, arrays and objects are fresh objects.
 */
final class JsValues {

    private JsValues() {}

    /** JavaScript's {@code typeof}, with null apart ("null") and arrays as objects. */
    enum Kind {
        UNDEFINED, NULL, BOOLEAN, NUMBER, STRING, OBJECT
    }

    static Kind kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return Kind.UNDEFINED;
        }
        if (v.isNull()) {
            return Kind.NULL;
        }
        if (v.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (v.isNumber()) {
            return Kind.NUMBER;
        }
        if (v.isTextual()) {
            return Kind.STRING;
        }
        // Arrays, objects, and anything exotic (binary, POJO nodes) are objects to JavaScript.
        return Kind.OBJECT;
    }

    /** {@code if (v)}: false for undefined, null, false, 0, NaN and "". */
    static boolean truthy(JsonNode v) {
        return switch (kind(v)) {
            case UNDEFINED, NULL -> false;
            case BOOLEAN -> v.booleanValue();
            case NUMBER -> {
                double d = v.doubleValue();
                yield d != 0 && !Double.isNaN(d);
            }
            case STRING -> !v.textValue().isEmpty();
            case OBJECT -> true;
        };
    }

    /** {@code String(v)}. */
    static String string(JsonNode v) {
        return switch (kind(v)) {
            case UNDEFINED -> "undefined";
            case NULL -> "null";
            case BOOLEAN -> v.booleanValue() ? "true" : "false";
            case NUMBER -> JsNumbers.toString(v.doubleValue());
            case STRING -> v.textValue();
            case OBJECT -> v.isArray() ? join(v, ",") : "[object Object]";
        };
    }

    /**
     * {@code array.join(separator)}: null and undefined elements print as nothing, nested arrays
     * as their own {@code join(",")}. Walks with its own stack, so no nesting depth overflows it.
     */
    static String join(JsonNode array, String separator) {
        StringBuilder out = new StringBuilder();
        Deque<Level> levels = new ArrayDeque<>();
        levels.push(new Level(array.elements(), separator));
        while (!levels.isEmpty()) {
            Level level = levels.peek();
            if (!level.elements.hasNext()) {
                levels.pop();
                continue;
            }
            JsonNode element = level.elements.next();
            if (level.started) {
                out.append(level.separator);
            }
            level.started = true;
            if (element.isArray()) {
                levels.push(new Level(element.elements(), ","));
            } else if (!element.isNull() && !element.isMissingNode()) {
                out.append(string(element));
            }
        }
        return out.toString();
    }

    /** One array being joined: its remaining elements and whether one was printed already. */
    private static final class Level {
        final Iterator<JsonNode> elements;
        final String separator;
        boolean started;

        Level(Iterator<JsonNode> elements, String separator) {
            this.elements = elements;
            this.separator = separator;
        }
    }

    /**
     * {@code a === b}, where {@code b} is a literal of the schema. Arrays and objects are never
     * equal: fastest-validator writes the schema's value into its generated code as a fresh literal.
     */
    static boolean strictEquals(JsonNode a, JsonNode b) {
        Kind kind = kind(a);
        if (kind != kind(b)) {
            return false;
        }
        return switch (kind) {
            case UNDEFINED, NULL -> true;
            case BOOLEAN -> a.booleanValue() == b.booleanValue();
            case NUMBER -> a.doubleValue() == b.doubleValue();
            case STRING -> a.textValue().equals(b.textValue());
            case OBJECT -> false;
        };
    }

    /** {@code a == b} (ECMAScript's IsLooselyEqual) between a value and a literal of the schema. */
    static boolean looseEquals(JsonNode a, JsonNode b) {
        return looseEquals(new Operand(a), new Operand(b));
    }

    /** An operand of {@code ==}: a JSON value, or a number or string made by a conversion on the way. */
    private record Operand(Kind kind, JsonNode node, double number, String text) {
        Operand(JsonNode node) {
            this(JsValues.kind(node), node, 0, null);
        }

        static Operand of(double number) {
            return new Operand(Kind.NUMBER, null, number, null);
        }

        static Operand of(String text) {
            return new Operand(Kind.STRING, null, 0, text);
        }

        double asNumber() {
            return node == null ? number : node.doubleValue();
        }

        String asText() {
            return node == null ? text : node.textValue();
        }
    }

    private static boolean looseEquals(Operand x, Operand y) {
        if (x.kind == y.kind) {
            return switch (x.kind) {
                case UNDEFINED, NULL -> true;
                case BOOLEAN -> x.node.booleanValue() == y.node.booleanValue();
                case NUMBER -> x.asNumber() == y.asNumber();
                case STRING -> x.asText().equals(y.asText());
                case OBJECT -> false;
            };
        }
        boolean xNullish = x.kind == Kind.NULL || x.kind == Kind.UNDEFINED;
        boolean yNullish = y.kind == Kind.NULL || y.kind == Kind.UNDEFINED;
        if (xNullish || yNullish) {
            return xNullish && yNullish;
        }
        if (x.kind == Kind.NUMBER && y.kind == Kind.STRING) {
            return x.asNumber() == JsNumbers.parse(y.asText());
        }
        if (x.kind == Kind.STRING && y.kind == Kind.NUMBER) {
            return JsNumbers.parse(x.asText()) == y.asNumber();
        }
        if (x.kind == Kind.BOOLEAN) {
            return looseEquals(Operand.of(x.node.booleanValue() ? 1 : 0), y);
        }
        if (y.kind == Kind.BOOLEAN) {
            return looseEquals(x, Operand.of(y.node.booleanValue() ? 1 : 0));
        }
        if (x.kind == Kind.OBJECT) {
            return looseEquals(Operand.of(string(x.node)), y);
        }
        if (y.kind == Kind.OBJECT) {
            return looseEquals(x, Operand.of(string(y.node)));
        }
        return false;
    }

    /**
     * {@code Object.keys(o)}: keys that are array indices (canonical integers below 2^32−1) come
     * first in ascending order, then the others in insertion order.
     */
    static List<String> keys(JsonNode object) {
        List<String> indices = new ArrayList<>();
        List<String> others = new ArrayList<>();
        object.fieldNames().forEachRemaining(key -> (isArrayIndex(key) ? indices : others).add(key));
        indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        indices.addAll(others);
        return indices;
    }

    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(key) < 0xFFFF_FFFFL;
    }

    /** Whether {@code c} is white space or a line terminator to JavaScript ({@code trim}, {@code \s}). */
    static boolean isWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u2028', '\u2029', '\uFEFF' -> true;
            default -> Character.getType(c) == Character.SPACE_SEPARATOR;
        };
    }

    /** {@code s.trim()}. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
