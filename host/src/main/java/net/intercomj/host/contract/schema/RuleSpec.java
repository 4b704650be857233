package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rule's definition in object form ({@code {type: "string", min: 1}}), shorthands already
 * expanded, with the reads its rule's compiler needs. Options are read as fastest-validator reads
 * them: a flag counts only when it is {@code true}, a bound only when it is neither absent nor
 * null. What fastest-validator would paste into its generated code (bounds, patterns) must have
 * the right JSON type here, otherwise {@link SchemaException}.
 *
 * @param definition the rule's options, {@code type} included
 * @param field      the rule's place in the schema, for error messages
 * @param depth      how deep the rule is nested, to bound the recursion
 */
record RuleSpec(ObjectNode definition, String field, int depth) {

    /** The option, or null when absent or null. */
    JsonNode option(String name) {
        JsonNode value = definition.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** Whether the option is {@code true} (fastest-validator's {@code === true}). */
    boolean isTrue(String name) {
        JsonNode value = definition.get(name);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** Whether the option is {@code false} (fastest-validator's {@code === false}). */
    boolean isFalse(String name) {
        JsonNode value = definition.get(name);
        return value != null && value.isBoolean() && !value.booleanValue();
    }

    /** Whether the option is truthy (fastest-validator's {@code if (schema.x)}). */
    boolean truthy(String name) {
        return JsValues.truthy(definition.get(name));
    }

    /**
     * A numeric option: null when absent or null.
     *
     * @throws SchemaException if it is not a finite number
     */
    JsonNode number(String name) {
        JsonNode value = option(name);
        if (value != null && !(value.isNumber() && Double.isFinite(value.doubleValue()))) {
            throw error("The '" + name + "' option of the '" + type() + "' rule must be a finite number.");
        }
        return value;
    }

    /**
     * An array option: null when absent or null.
     *
     * @throws SchemaException if it is not an array
     */
    JsonNode array(String name) {
        JsonNode value = option(name);
        if (value != null && !value.isArray()) {
            throw error("The '" + name + "' option of the '" + type() + "' rule must be an array.");
        }
        return value;
    }

    /** The rule's type name. */
    String type() {
        return definition.path("type").asText();
    }

    /** Compiles a nested rule, such as an array's items or an object's property. */
    Constraint child(JsonNode definition, String childField) {
        return SchemaCompiler.constraint(definition, childField, depth + 1);
    }

    SchemaException error(String problem) {
        return new SchemaException(field, problem);
    }
}
