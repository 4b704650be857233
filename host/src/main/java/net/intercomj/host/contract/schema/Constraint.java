package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rule at one place of a schema, with what fastest-validator checks before the rule runs: an
 * absent value is an error unless {@code optional: true}; null is an error unless
 * {@code optional: true} or {@code nullable: true}; both are errors of type {@code required}.
 *
 * @param rule     the rule a present, non-null value must pass
 * @param optional {@code optional: true}: absent and null are fine
 * @param nullable {@code nullable: true}: null is fine
 * @param label    {@code label}: shown instead of the field's path in messages, or null
 * @param messages the rule's message templates
 */
record Constraint(Rule rule, boolean optional, boolean nullable, String label, Messages messages) {

    /** Validates the value of an object's property (or the whole value), reported at {@code field}. */
    void validate(JsonNode value, String field, Findings findings) {
        Site site = new Site(field, label, messages);
        check(value, site, site, findings);
    }

    /**
     * Validates an array's item. Like fastest-validator, reports a missing or null item at the
     * array's field and label, and the rule's errors at the item's path without a label.
     */
    void validateItem(JsonNode value, String itemField, Site array, Findings findings) {
        check(value, new Site(itemField, null, messages), new Site(array.field(), array.label(), messages), findings);
    }

    private void check(JsonNode value, Site site, Site presence, Findings findings) {
        if (value == null || value.isMissingNode()) {
            if (!optional) {
                findings.add(presence, "required");
            }
        } else if (value.isNull()) {
            if (!optional && !nullable) {
                findings.add(presence, "required", value);
            }
        } else {
            rule.check(value, site, findings);
        }
    }

    /** The JSON Schema: the rule's, with null added to its types when {@code nullable: true}. */
    ObjectNode jsonSchema() {
        ObjectNode schema = rule.jsonSchema();
        if (nullable) {
            allowNull(schema);
        }
        return schema;
    }

    private static void allowNull(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            schema.putArray("type").add(type.textValue()).add("null");
        } else if (type != null && type.isArray()) {
            ((ArrayNode) type).add("null");
        } else if (schema.has("enum")) {
            ((ArrayNode) schema.get("enum")).addNull();
        } else if (schema.has("const")) {
            ArrayNode values = JsonNodeFactory.instance.arrayNode().add(schema.remove("const")).addNull();
            schema.set("enum", values);
        }
        // Anything else ({} for any) allows null already.
    }
}
