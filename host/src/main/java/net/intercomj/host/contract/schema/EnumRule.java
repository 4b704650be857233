package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code enum}: the value is one of {@code values}, compared with {@code ===} (so {@code "1"} is
 * not {@code 1}, and arrays or objects listed in {@code values} never match, as in
 * fastest-validator).
 *
 * @param values  the allowed values
 * @param listing {@code values.join(", ")}, the expected value of the error
 */
record EnumRule(ArrayNode values, TextNode listing) implements Rule {

    static EnumRule compile(RuleSpec spec) {
        JsonNode values = spec.array("values");
        if (values == null) {
            throw spec.error("An 'enum' rule needs a 'values' array.");
        }
        return new EnumRule(values.deepCopy(), TextNode.valueOf(JsValues.join(values, ", ")));
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        if (!contains(values, value)) {
            findings.add(site, "enumValue", value, listing);
        }
    }

    /** {@code values.indexOf(value) !== -1}. */
    static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode allowed : values) {
            if (JsValues.strictEquals(value, allowed)) {
                return true;
            }
        }
        return false;
    }

    /** The values that can match: arrays and objects never do. */
    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        ArrayNode matching = schema.putArray("enum");
        for (JsonNode allowed : values) {
            if (!allowed.isContainerNode()) {
                matching.add(allowed.deepCopy());
            }
        }
        return schema;
    }
}
