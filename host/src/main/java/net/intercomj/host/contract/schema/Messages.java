package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Error message templates by error type: fastest-validator 1.19.0's defaults
 * ({@code lib/messages.js}), trac-peer's {@code is_hex} text, and this port's texts for
 * {@code bigint} and {@code bitcoin_address}. A rule may override some with its
 * {@code messages} option. Placeholders: {@code {field}}, {@code {expected}}, {@code {actual}}.
 */
final class Messages {

    static final Messages DEFAULTS = new Messages(Map.ofEntries(
            Map.entry("required", "The '{field}' field is required."),

            Map.entry("string", "The '{field}' field must be a string."),
            Map.entry("stringEmpty", "The '{field}' field must not be empty."),
            Map.entry("stringMin",
                    "The '{field}' field length must be greater than or equal to {expected} characters long."),
            Map.entry("stringMax",
                    "The '{field}' field length must be less than or equal to {expected} characters long."),
            Map.entry("stringLength", "The '{field}' field length must be {expected} characters long."),
            Map.entry("stringPattern", "The '{field}' field fails to match the required pattern."),
            Map.entry("stringContains", "The '{field}' field must contain the '{expected}' text."),
            Map.entry("stringEnum", "The '{field}' field does not match any of the allowed values."),
            Map.entry("stringNumeric", "The '{field}' field must be a numeric string."),
            Map.entry("stringAlpha", "The '{field}' field must be an alphabetic string."),
            Map.entry("stringAlphanum", "The '{field}' field must be an alphanumeric string."),
            Map.entry("stringAlphadash", "The '{field}' field must be an alphadash string."),
            Map.entry("stringHex", "The '{field}' field must be a hex string."),
            Map.entry("stringSingleLine", "The '{field}' field must be a single line string."),
            Map.entry("stringBase64", "The '{field}' field must be a base64 string."),

            Map.entry("number", "The '{field}' field must be a number."),
            Map.entry("numberMin", "The '{field}' field must be greater than or equal to {expected}."),
            Map.entry("numberMax", "The '{field}' field must be less than or equal to {expected}."),
            Map.entry("numberEqual", "The '{field}' field must be equal to {expected}."),
            Map.entry("numberNotEqual", "The '{field}' field can't be equal to {expected}."),
            Map.entry("numberInteger", "The '{field}' field must be an integer."),
            Map.entry("numberPositive", "The '{field}' field must be a positive number."),
            Map.entry("numberNegative", "The '{field}' field must be a negative number."),

            Map.entry("array", "The '{field}' field must be an array."),
            Map.entry("arrayEmpty", "The '{field}' field must not be an empty array."),
            Map.entry("arrayMin", "The '{field}' field must contain at least {expected} items."),
            Map.entry("arrayMax", "The '{field}' field must contain less than or equal to {expected} items."),
            Map.entry("arrayLength", "The '{field}' field must contain {expected} items."),
            Map.entry("arrayContains", "The '{field}' field must contain the '{expected}' item."),
            Map.entry("arrayUnique",
                    "The '{actual}' value in '{field}' field does not unique the '{expected}' values."),
            Map.entry("arrayEnum",
                    "The '{actual}' value in '{field}' field does not match any of the '{expected}' values."),

            Map.entry("boolean", "The '{field}' field must be a boolean."),

            Map.entry("enumValue", "The '{field}' field value '{expected}' does not match any of the allowed values."),
            Map.entry("equalValue", "The '{field}' field value must be equal to '{expected}'."),

            Map.entry("object", "The '{field}' must be an Object."),
            Map.entry("objectStrict", "The object '{field}' contains forbidden keys: '{actual}'."),
            Map.entry("objectMinProps", "The object '{field}' must contain at least {expected} properties."),
            Map.entry("objectMaxProps", "The object '{field}' must contain {expected} properties at most."),

            // trac-peer's custom rules. The is_hex text is trac-peer's, word for word (sic).
            Map.entry(HexRule.ERROR, "The '{field}' field must a hex! Actual: {actual}"),
            Map.entry(BigIntRule.ERROR,
                    "The '{field}' field must be an integer or a string of decimal digits! Actual: {actual}"),
            Map.entry(BigIntRule.ERROR_MIN, "The '{field}' field must be greater than or equal to {expected}."),
            Map.entry(BigIntRule.ERROR_MAX, "The '{field}' field must be less than or equal to {expected}."),
            Map.entry(BitcoinAddressRule.ERROR,
                    "The '{field}' field must be a valid Bitcoin, Dogecoin, Solana or BNB Smart Chain address,"
                            + " or a Trac public key (64 lowercase hex)! Actual: {actual}")));

    private final Map<String, String> templates;

    private Messages(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    /**
     * These templates with a rule's {@code messages} option laid over them.
     *
     * @throws SchemaException if the option is not an object of strings
     */
    Messages with(JsonNode overrides, String field) {
        if (overrides == null || overrides.isMissingNode() || overrides.isNull()) {
            return this;
        }
        if (!overrides.isObject()) {
            throw new SchemaException(field, "The 'messages' option must be an object of strings.");
        }
        Map<String, String> merged = new HashMap<>(templates);
        for (Map.Entry<String, JsonNode> e : overrides.properties()) {
            if (!e.getValue().isTextual()) {
                throw new SchemaException(field, "The message for '" + e.getKey() + "' must be a string.");
            }
            merged.put(e.getKey(), e.getValue().textValue());
        }
        return new Messages(merged);
    }

    /**
     * The message for an error of {@code type}. Replaces {@code {field}}, then {@code {expected}},
     * then {@code {actual}}, each with JavaScript's text for the value (nothing for undefined and
     * null), in that order like fastest-validator. Unlike its {@code String.replace}, a {@code $} in
     * a value is copied as it is rather than read as a replacement pattern.
     */
    String format(String type, String field, JsonNode expected, JsonNode actual) {
        String template = templates.get(type);
        if (template == null) {
            return "";
        }
        return template.replace("{field}", field)
                .replace("{expected}", text(expected))
                .replace("{actual}", text(actual));
    }

    private static String text(JsonNode value) {
        return switch (JsValues.kind(value)) {
            case UNDEFINED, NULL -> "";
            default -> JsValues.string(value);
        };
    }
}
