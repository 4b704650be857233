package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a schema in fastest-validator's dialect into {@link Constraint}s, resolving its short
 * forms the way fastest-validator's {@code resolveType} does: a string is a shorthand
 * ({@link ShortHand}), and an object with {@code $$type} is a nested object whose other keys are
 * its properties ({@code $$type} itself may carry flags: {@code "object|optional"}).
 *
 * <p>Options that make fastest-validator change the value rather than check it ({@code default},
 * {@code convert}, {@code trim}, {@code padStart}, {@code lowercase}, {@code strict: "remove"}…)
 * are refused: a contract here always sees the value that was sent, so accepting them would
 * accept values the original would have transformed first.
 */
final class SchemaCompiler {

    /** Deepest nesting of rules accepted, so that a hostile schema cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;

    private static final Map<String, Function<RuleSpec, Rule>> RULES = Map.ofEntries(
            Map.entry("any", AnyRule::compile),
            Map.entry("array", ArrayRule::compile),
            Map.entry("bigint", BigIntRule::compile),
            Map.entry("bitcoin_address", BitcoinAddressRule::compile),
            Map.entry("boolean", BooleanRule::compile),
            Map.entry("enum", EnumRule::compile),
            Map.entry("equal", EqualRule::compile),
            Map.entry("is_hex", HexRule::compile),
            Map.entry("number", NumberRule::compile),
            Map.entry("object", ObjectRule::compile),
            Map.entry("string", StringRule::compile));

    /** fastest-validator's other built-in rules: known there, so "invalid type" would mislead. */
    private static final Set<String> NOT_PORTED = Set.of("class", "currency", "custom", "date", "email", "forbidden",
            "function", "luhn", "mac", "multi", "objectID", "record", "tuple", "url", "uuid");

    /** String options that make fastest-validator rewrite the value when truthy. */
    private static final List<String> STRING_SANITIZERS = List.of("trim", "trimLeft", "trimRight", "padStart",
            "padEnd", "lowercase", "uppercase", "localeLowercase", "localeUppercase");

    private SchemaCompiler() {}

    /**
     * Compiles a whole schema: an object whose keys are the properties of the validated value
     * ({@code $$strict: true} forbids others), or with {@code $$root: true} a single rule for the
     * value itself.
     */
    static Constraint root(JsonNode schema) {
        if (schema != null && schema.isArray()) {
            throw new SchemaException("", "A schema that is an array of rules (fastest-validator's 'multi') is not"
                    + " supported.");
        }
        if (schema == null || !schema.isObject()) {
            throw new SchemaException("", "Invalid schema.");
        }
        JsonNode root = schema.get("$$root");
        if (root != null && root.isBoolean() && root.booleanValue()) {
            return constraint(schema, "", 0);
        }
        return new Constraint(ObjectRule.root(schema), false, false, null, Messages.DEFAULTS);
    }

    /** Compiles the rule {@code definition} found at {@code field}. */
    static Constraint constraint(JsonNode definition, String field, int depth) {
        if (depth > MAX_DEPTH) {
            throw new SchemaException(field, "The schema nests rules deeper than " + MAX_DEPTH + " levels.");
        }
        ObjectNode resolved = resolve(definition, field, depth);
        JsonNode typeNode = resolved.get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : null;
        Function<RuleSpec, Rule> compile = type == null ? null : RULES.get(type);
        if (compile == null) {
            if (type != null && NOT_PORTED.contains(type)) {
                throw new SchemaException(field, "The '" + type + "' rule of fastest-validator is not supported.");
            }
            throw new SchemaException(field, "Invalid '" + JsValues.string(typeNode) + "' type in validator schema.");
        }
        refuseSanitizers(resolved, type, field);
        Messages messages = Messages.DEFAULTS.with(resolved.get("messages"), field);
        Rule rule = compile.apply(new RuleSpec(resolved, field, depth));
        JsonNode label = resolved.get("label");
        return new Constraint(rule, isTrue(resolved.get("optional")), isTrue(resolved.get("nullable")),
                JsValues.truthy(label) ? JsValues.string(label) : null, messages);
    }

    /** The rule's object form: shorthand strings parsed, {@code $$type} objects expanded. */
    private static ObjectNode resolve(JsonNode definition, String field, int depth) {
        if (definition != null && definition.isTextual()) {
            return ShortHand.parse(definition.textValue());
        }
        if (definition != null && definition.isArray()) {
            throw new SchemaException(field, "A list of alternative rules (fastest-validator's 'multi') is not"
                    + " supported.");
        }
        if (definition == null || !definition.isObject()) {
            // Like fastest-validator, which finds no 'type' on a number, a boolean or null.
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode shorthandType = definition.get("$$type");
        if (!JsValues.truthy(shorthandType)) {
            return (ObjectNode) definition;
        }
        if (depth + 1 > MAX_DEPTH) {
            throw new SchemaException(field, "The schema nests rules deeper than " + MAX_DEPTH + " levels.");
        }
        ObjectNode resolved = resolve(shorthandType, field, depth + 1).deepCopy();
        ObjectNode properties = ((ObjectNode) definition).deepCopy();
        properties.remove("$$type");
        resolved.set("props", properties);
        return resolved;
    }

    private static void refuseSanitizers(ObjectNode rule, String type, String field) {
        JsonNode defaultValue = rule.get("default");
        if (defaultValue != null && !defaultValue.isNull()) {
            throw sanitizer(field, "default");
        }
        JsonNode custom = rule.get("custom");
        if (custom != null && custom.isArray()) {
            throw new SchemaException(field, "Custom checker functions ('custom') are not supported.");
        }
        if (List.of("string", "number", "boolean", "array").contains(type) && isTrue(rule.get("convert"))) {
            throw sanitizer(field, "convert");
        }
        if (type.equals("string")) {
            for (String option : STRING_SANITIZERS) {
                if (JsValues.truthy(rule.get(option))) {
                    throw sanitizer(field, option);
                }
            }
        }
    }

    static SchemaException sanitizer(String field, String option) {
        return new SchemaException(field, "The '" + option + "' option is not supported: it makes fastest-validator"
                + " change the value, and here a contract always sees the value as sent.");
    }

    private static boolean isTrue(JsonNode value) {
        return value != null && value.isBoolean() && value.booleanValue();
    }
}
