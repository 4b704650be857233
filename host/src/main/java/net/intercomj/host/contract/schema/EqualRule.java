package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code equal}: the value equals {@code value}, with {@code ===} when {@code strict} is truthy
 * and with JavaScript's {@code ==} otherwise (so {@code "5"} equals {@code 5}, and {@code true}
 * equals {@code 1}), as in fastest-validator. {@code value} must be a string, number, boolean or
 * null: fastest-validator compares arrays and objects by identity, so they could never match
 * strictly. Comparing with another field ({@code field}) is not supported.
 *
 * @param value  the value to equal
 * @param strict {@code ===} rather than {@code ==}
 */
record EqualRule(JsonNode value, boolean strict) implements Rule {

    static EqualRule compile(RuleSpec spec) {
        if (spec.option("field") != null) {
            throw spec.error("An 'equal' rule comparing with another field ('field') is not supported.");
        }
        JsonNode value = spec.definition().get("value");
        if (value == null || value.isMissingNode()) {
            throw spec.error("An 'equal' rule needs a 'value'.");
        }
        if (value.isContainerNode()) {
            throw spec.error("The 'value' of an 'equal' rule must be a string, number, boolean or null.");
        }
        return new EqualRule(value.deepCopy(), spec.truthy("strict"));
    }

    @Override
    public void check(JsonNode actual, Site site, Findings findings) {
        boolean equal = strict ? JsValues.strictEquals(actual, value) : JsValues.looseEquals(actual, value);
        if (!equal) {
            findings.add(site, "equalValue", actual, value);
        }
    }

    /** The value as a constant; the loose form also takes what {@code ==} converts to it. */
    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.set("const", value.deepCopy());
        return schema;
    }
}
