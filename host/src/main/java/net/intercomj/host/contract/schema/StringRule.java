package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code string}: a JSON string (never a number or anything converted), then fastest-validator's
 * checks in its order, each reported on its own: {@code empty}, {@code min}, {@code max},
 * {@code length}, {@code pattern} (with {@code patternFlags}), {@code contains}, {@code enum},
 * {@code numeric}, {@code alpha}, {@code alphanum}, {@code alphadash}, {@code hex},
 * {@code singleLine}, {@code base64}. Lengths count UTF-16 code units, as JavaScript's
 * {@code length} does. {@code empty: true} lets the empty string skip every later check.
 *
 * @param emptyAllowed   {@code empty: true}
 * @param emptyForbidden {@code empty: false}
 * @param min            the least length, or null
 * @param max            the greatest length, or null
 * @param length         the only length, or null
 * @param pattern        the pattern to match, or null
 * @param contains       a text the value must contain, or null
 * @param allowed        the allowed values ({@code enum}), or null
 * @param formats        the format flags set, in checking order
 */
record StringRule(boolean emptyAllowed, boolean emptyForbidden, JsonNode min, JsonNode max, JsonNode length,
        JsRegex pattern, String contains, ArrayNode allowed, List<Format> formats) implements Rule {

    /** The yes-or-no format options, with fastest-validator's expressions and error types. */
    enum Format {
        NUMERIC("numeric", "stringNumeric", "^-?[0-9]\\d*(\\.\\d+)?$"),
        ALPHA("alpha", "stringAlpha", "^[a-zA-Z]+$"),
        ALPHANUM("alphanum", "stringAlphanum", "^[a-zA-Z0-9]+$"),
        ALPHADASH("alphadash", "stringAlphadash", "^[a-zA-Z0-9_-]+$"),
        HEX("hex", "stringHex", "^(?:[0-9a-fA-F]{2})+$"),
        SINGLE_LINE("singleLine", "stringSingleLine", "^[^\\n]*$"),
        // fastest-validator's class holds a backslash too ([A-Za-z0-9+\\/] in a regex literal).
        BASE64("base64", "stringBase64",
                "^(?:[A-Za-z0-9+\\\\/]{4})*(?:[A-Za-z0-9+\\\\/]{2}==|[A-Za-z0-9+/]{3}=)?$");

        final String option;
        final String error;
        /** The check, which is also the JSON Schema pattern (no line terminator in either is special). */
        final String regex;
        private final Pattern compiled;

        Format(String option, String error, String regex) {
            this.option = option;
            this.error = error;
            this.regex = regex;
            this.compiled = Pattern.compile(regex.replace("$", "\\z"));
        }

        boolean matches(String value) {
            if (this == SINGLE_LINE) {
                return value.indexOf('\n') < 0;
            }
            return compiled.matcher(value).find();
        }
    }

    public StringRule {
        formats = List.copyOf(formats);
    }

    static StringRule compile(RuleSpec spec) {
        JsRegex pattern = null;
        JsonNode source = spec.option("pattern");
        if (source != null) {
            JsonNode flags = spec.option("patternFlags");
            if (!source.isTextual() || (flags != null && !flags.isTextual())) {
                throw spec.error("The 'pattern' and 'patternFlags' options of a 'string' rule must be strings.");
            }
            try {
                pattern = JsRegex.compile(source.textValue(), flags == null ? "" : flags.textValue());
            } catch (IllegalArgumentException e) {
                throw spec.error(e.getMessage());
            }
        }
        JsonNode contains = spec.option("contains");
        JsonNode allowed = spec.array("enum");
        List<Format> formats = new ArrayList<>();
        for (Format format : Format.values()) {
            if (spec.isTrue(format.option)) {
                formats.add(format);
            }
        }
        return new StringRule(spec.isTrue("empty"), spec.isFalse("empty"), spec.number("min"), spec.number("max"),
                spec.number("length"), pattern, contains == null ? null : JsValues.string(contains),
                allowed == null ? null : (ArrayNode) allowed.deepCopy(), formats);
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        if (!value.isTextual()) {
            findings.add(site, "string", value);
            return;
        }
        String text = value.textValue();
        int len = text.length();
        IntNode actualLength = IntNode.valueOf(len);
        if (emptyForbidden && len == 0) {
            findings.add(site, "stringEmpty", value);
        } else if (emptyAllowed && len == 0) {
            return;
        }
        if (min != null && len < min.doubleValue()) {
            findings.add(site, "stringMin", actualLength, min);
        }
        if (max != null && len > max.doubleValue()) {
            findings.add(site, "stringMax", actualLength, max);
        }
        if (length != null && len != length.doubleValue()) {
            findings.add(site, "stringLength", actualLength, length);
        }
        if (pattern != null && !pattern.test(text)) {
            findings.add(site, "stringPattern", value, TextNode.valueOf(pattern.literal()));
        }
        if (contains != null && !text.contains(contains)) {
            findings.add(site, "stringContains", value, TextNode.valueOf(contains));
        }
        if (allowed != null && !EnumRule.contains(allowed, value)) {
            findings.add(site, "stringEnum", value, TextNode.valueOf(JsValues.join(allowed, ", ")));
        }
        for (Format format : formats) {
            if (!format.matches(text)) {
                if (format == Format.SINGLE_LINE) {
                    findings.add(site, format.error);
                } else {
                    findings.add(site, format.error, value);
                }
            }
        }
    }

    /**
     * Lengths as {@code minLength}/{@code maxLength}; the patterns as {@code pattern}, or each in an
     * {@code allOf} when there are several. {@code numeric} exports as {@code ^[0-9]+$}, as the
     * spec has it, stricter than the check (which takes a sign and decimals). Pattern flags cannot
     * be expressed and are left out.
     */
    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "string");
        JsonNode least = length != null ? length : min;
        if (emptyForbidden && (least == null || least.doubleValue() < 1)) {
            least = IntNode.valueOf(1);
        }
        if (least != null) {
            schema.set("minLength", least.deepCopy());
        }
        JsonNode most = length != null ? length : max;
        if (most != null) {
            schema.set("maxLength", most.deepCopy());
        }
        List<String> patterns = new ArrayList<>();
        if (pattern != null) {
            patterns.add(pattern.source());
        }
        if (contains != null) {
            patterns.add(regexLiteral(contains));
        }
        for (Format format : formats) {
            patterns.add(format == Format.NUMERIC ? "^[0-9]+$" : format.regex);
        }
        if (patterns.size() == 1) {
            schema.put("pattern", patterns.get(0));
        } else if (patterns.size() > 1) {
            ArrayNode all = schema.putArray("allOf");
            patterns.forEach(p -> all.addObject().put("pattern", p));
        }
        if (allowed != null) {
            ArrayNode values = schema.putArray("enum");
            allowed.forEach(v -> {
                if (v.isTextual()) {
                    values.add(v.deepCopy());
                }
            });
        }
        return schema;
    }

    /** {@code text} as an ECMA-262 pattern matching it anywhere. */
    private static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\^$.*+?()[]{}|/".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
