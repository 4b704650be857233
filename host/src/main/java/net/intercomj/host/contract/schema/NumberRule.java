package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code number}: a JSON number (never a numeric string), finite once read as JavaScript reads
 * it, a double, so that bounds compare as they do in trac-peer; then, each reported on its own,
 * {@code min}, {@code max}, {@code equal}, {@code notEqual}, {@code integer} (no fractional
 * part), {@code positive} ({@code > 0}) and {@code negative} ({@code < 0}).
 *
 * @param min      the least value allowed, or null
 * @param max      the greatest value allowed, or null
 * @param equal    the only value allowed, or null
 * @param notEqual a value not allowed, or null
 * @param integer  {@code integer: true}
 * @param positive {@code positive: true}
 * @param negative {@code negative: true}
 */
record NumberRule(JsonNode min, JsonNode max, JsonNode equal, JsonNode notEqual, boolean integer, boolean positive,
        boolean negative) implements Rule {

    static NumberRule compile(RuleSpec spec) {
        return new NumberRule(spec.number("min"), spec.number("max"), spec.number("equal"), spec.number("notEqual"),
                spec.isTrue("integer"), spec.isTrue("positive"), spec.isTrue("negative"));
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        // A number too large for a double is Infinity to JSON.parse, and fails here as there.
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            findings.add(site, "number", value);
            return;
        }
        double x = value.doubleValue();
        if (min != null && x < min.doubleValue()) {
            findings.add(site, "numberMin", value, min);
        }
        if (max != null && x > max.doubleValue()) {
            findings.add(site, "numberMax", value, max);
        }
        if (equal != null && x != equal.doubleValue()) {
            findings.add(site, "numberEqual", value, equal);
        }
        if (notEqual != null && x == notEqual.doubleValue()) {
            findings.add(site, "numberNotEqual", value, notEqual);
        }
        if (integer && x % 1 != 0) {
            findings.add(site, "numberInteger", value);
        }
        if (positive && x <= 0) {
            findings.add(site, "numberPositive", value);
        }
        if (negative && x >= 0) {
            findings.add(site, "numberNegative", value);
        }
    }

    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", integer ? "integer" : "number");
        if (min != null) {
            schema.set("minimum", min.deepCopy());
        }
        if (max != null) {
            schema.set("maximum", max.deepCopy());
        }
        if (equal != null) {
            schema.set("const", equal.deepCopy());
        }
        if (notEqual != null) {
            schema.putObject("not").set("const", notEqual.deepCopy());
        }
        if (positive) {
            schema.put("exclusiveMinimum", 0);
        }
        if (negative) {
            schema.put("exclusiveMaximum", 0);
        }
        return schema;
    }
}
