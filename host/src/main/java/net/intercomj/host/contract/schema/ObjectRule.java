package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code object}: a JSON object (not an array, not null), then each listed property in the
 * schema's order (the order of JavaScript's {@code Object.keys}), then {@code strict}, then
 * {@code minProps} and {@code maxProps}. Written in long form
 * ({@code {type: "object", strict: true, props: {...}}}, {@code properties} taking precedence
 * over {@code props}) or as the {@code $$type} shorthand
 * ({@code {$$type: "object", $$strict: true, a: ..., b: ...}}), the schema's top level being the
 * latter without {@code $$type}.
 *
 * <p>Fixes an upstream defect: fastest-validator drops {@code $$strict} inside a {@code $$type}
 * shorthand, so nested objects there were never strict. Here {@code $$strict} is honoured
 * wherever it stands among properties, and {@code strict} in the long form. Keys starting with
 * {@code $$} are never properties.
 *
 * @param properties the listed properties in order, or null when the rule lists none (then only
 *                   the type and the property counts are checked)
 * @param strict     whether other properties are forbidden
 * @param minProps   the fewest properties, or null
 * @param maxProps   the most properties, or null
 */
record ObjectRule(List<Property> properties, boolean strict, JsonNode minProps, JsonNode maxProps) implements Rule {

    /** fastest-validator's test for writing {@code parent.name} rather than {@code parent['name']} in paths. */
    private static final Pattern IDENTIFIER = Pattern.compile("^[_$a-zA-Z][_$a-zA-Z0-9]*$");

    /**
     * A listed property.
     *
     * @param name       its key
     * @param suffix     what it adds to its object's path: {@code .name} or {@code ['name']}
     * @param constraint its rule
     */
    record Property(String name, String suffix, Constraint constraint) {}

    public ObjectRule {
        properties = properties == null ? null : List.copyOf(properties);
    }

    static ObjectRule compile(RuleSpec spec) {
        JsonNode listed = JsValues.truthy(spec.definition().get("properties")) ? spec.option("properties")
                : spec.option("props");
        if (listed != null && !listed.isObject()) {
            throw spec.error("The properties ('props' or 'properties') of an 'object' rule must be an object.");
        }
        boolean strict = strictness(spec.definition().get("strict"), spec.field())
                || (listed != null && strictness(listed.get("$$strict"), spec.field()));
        List<Property> properties = listed == null ? null : properties(listed, spec.field(), spec.depth());
        return new ObjectRule(properties, strict, spec.number("minProps"), spec.number("maxProps"));
    }

    /** The schema's top level: its keys are the properties, {@code $$strict} its strictness. */
    static ObjectRule root(JsonNode schema) {
        return new ObjectRule(properties(schema, "", -1), strictness(schema.get("$$strict"), ""), null, null);
    }

    private static boolean strictness(JsonNode strict, String field) {
        if (strict != null && strict.isTextual() && strict.textValue().equals("remove")) {
            throw SchemaCompiler.sanitizer(field, "strict: \"remove\"");
        }
        return JsValues.truthy(strict);
    }

    private static List<Property> properties(JsonNode listed, String field, int depth) {
        List<Property> properties = new ArrayList<>();
        for (String name : JsValues.keys(listed)) {
            if (name.startsWith("$$")) {
                continue;
            }
            String suffix = IDENTIFIER.matcher(name).matches() ? "." + name : "['" + name + "']";
            String childField = field.isEmpty() ? name : field + suffix;
            properties.add(new Property(name, suffix,
                    SchemaCompiler.constraint(listed.get(name), childField, depth + 1)));
        }
        return properties;
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        if (!value.isObject()) {
            findings.add(site, "object", value);
            return;
        }
        if (properties != null) {
            for (Property property : properties) {
                String field = site.field().isEmpty() ? property.name() : site.field() + property.suffix();
                property.constraint().validate(value.get(property.name()), field, findings);
            }
            if (strict) {
                checkStrict(value, site, findings);
            }
        }
        int count = value.size();
        if (minProps != null && count < minProps.doubleValue()) {
            findings.add(site, "objectMinProps", IntNode.valueOf(count), minProps);
        }
        if (maxProps != null && count > maxProps.doubleValue()) {
            findings.add(site, "objectMaxProps", IntNode.valueOf(count), maxProps);
        }
    }

    private void checkStrict(JsonNode value, Site site, Findings findings) {
        Set<String> allowed = properties.stream().map(Property::name).collect(Collectors.toSet());
        List<String> forbidden = JsValues.keys(value).stream().filter(key -> !allowed.contains(key)).toList();
        if (!forbidden.isEmpty()) {
            String expected = properties.stream().map(Property::name).collect(Collectors.joining(", "));
            findings.add(site, "objectStrict", TextNode.valueOf(String.join(", ", forbidden)),
                    TextNode.valueOf(expected));
        }
    }

    /**
     * {@code {type: "object", properties, additionalProperties: !strict, required}}, required
     * listing every property without {@code optional: true}.
     */
    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        if (properties != null) {
            ObjectNode listed = schema.putObject("properties");
            ArrayNode required = JsonNodeFactory.instance.arrayNode();
            for (Property property : properties) {
                listed.set(property.name(), property.constraint().jsonSchema());
                if (!property.constraint().optional()) {
                    required.add(property.name());
                }
            }
            schema.put("additionalProperties", !strict);
            schema.set("required", required);
        }
        if (minProps != null) {
            schema.set("minProperties", minProps.deepCopy());
        }
        if (maxProps != null) {
            schema.set("maxProperties", maxProps.deepCopy());
        }
        return schema;
    }
}
