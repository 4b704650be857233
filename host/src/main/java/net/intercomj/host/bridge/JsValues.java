package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** JavaScript's truthiness and {@code String(x)} on JSON values: the original read fields with them. */
public final class JsValues {

    private JsValues() {}

    /** Whether {@code value} is truthy: not absent, null, false, 0 or "". */
    public static boolean truthy(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0 && !Double.isNaN(value.doubleValue());
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return true;
    }

    /** {@code String(value)}. */
    public static String string(JsonNode value) {
        if (value.isMissingNode()) {
            return "undefined";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return number(value);
        }
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false)
                    .map(item -> item.isNull() || item.isMissingNode() ? "" : string(item))
                    .collect(Collectors.joining(","));
        }
        if (value.isObject()) {
            return "[object Object]";
        }
        return value.asText();
    }

    /** {@code String(message.x || '')}: the original's way of reading a text field. */
    public static String text(JsonNode value) {
        return truthy(value) ? string(value) : "";
    }

    private static String number(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        double number = value.doubleValue();
        if (number == Math.rint(number) && Math.abs(number) < 1e21) {
            return new BigDecimal(number).toPlainString();
        }
        return Double.toString(number);
    }
}
