package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * fastest-validator's string form of a rule ({@code parseShortHand}): {@code "string|min:3|optional"}
 * is {@code {type: "string", min: 3, optional: true}}. Parts are split on {@code |} and trimmed;
 * {@code key:value} sets an option, its value read as a boolean ({@code true}, {@code false}), else
 * as a number when JavaScript's {@code Number()} reads one, else as text; {@code flag} sets
 * {@code true} and {@code no-flag} sets {@code false}. A type ending in {@code []} is an array of
 * that type: {@code "string[]|min:1"} is an array of at least one string.
 */
final class ShortHand {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ShortHand() {}

    static ObjectNode parse(String text) {
        String[] parts = text.split("\\|", -1);
        String type = JsValues.trim(parts[0]);
        ObjectNode rule = NODES.objectNode();
        if (type.endsWith("[]")) {
            rule.put("type", "array");
            rule.put("items", type.substring(0, type.length() - 2));
        } else {
            rule.put("type", type);
        }
        for (int i = 1; i < parts.length; i++) {
            String part = JsValues.trim(parts[i]);
            int colon = part.indexOf(':');
            if (colon >= 0) {
                String key = JsValues.trim(part.substring(0, colon));
                String value = JsValues.trim(part.substring(colon + 1));
                option(rule, key, value);
            } else if (part.startsWith("no-")) {
                rule.put(part.substring(3), false);
            } else {
                rule.put(part, true);
            }
        }
        return rule;
    }

    private static void option(ObjectNode rule, String key, String value) {
        if (value.equals("true") || value.equals("false")) {
            rule.put(key, value.equals("true"));
            return;
        }
        double number = JsNumbers.parse(value);
        if (Double.isNaN(number)) {
            rule.put(key, value);
        } else if (number == Math.rint(number) && Math.abs(number) <= 0x1p53 && !isNegativeZero(number)) {
            rule.put(key, (long) number);
        } else {
            rule.put(key, number);
        }
    }

    private static boolean isNegativeZero(double d) {
        return d == 0 && Double.doubleToRawLongBits(d) != 0;
    }
}
