package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code array}: a JSON array, then fastest-validator's checks in its order, each reported on its
 * own: {@code empty: false}, {@code min}, {@code max}, {@code length} (item counts),
 * {@code contains} (an item {@code ===} to it), {@code unique: true}, {@code enum} (every item
 * one of these), and last {@code items}, the rule for every item (item paths are
 * {@code field[i]}).
 *
 * @param emptyForbidden {@code empty: false}
 * @param min            the fewest items, or null
 * @param max            the most items, or null
 * @param length         the only item count, or null
 * @param contains       a value one item must equal, or null
 * @param unique         {@code unique: true}
 * @param allowed        the values allowed for items ({@code enum}), or null
 * @param items          the rule for each item, or null
 */
record ArrayRule(boolean emptyForbidden, JsonNode min, JsonNode max, JsonNode length, JsonNode contains,
        boolean unique, ArrayNode allowed, Constraint items) implements Rule {

    static ArrayRule compile(RuleSpec spec) {
        JsonNode contains = spec.option("contains");
        JsonNode allowed = spec.array("enum");
        JsonNode items = spec.option("items");
        return new ArrayRule(spec.isFalse("empty"), spec.number("min"), spec.number("max"), spec.number("length"),
                contains == null ? null : contains.deepCopy(), spec.isTrue("unique"),
                allowed == null ? null : (ArrayNode) allowed.deepCopy(),
                items == null ? null : spec.child(items, spec.field() + "[]"));
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        if (!value.isArray()) {
            findings.add(site, "array", value);
            return;
        }
        int len = value.size();
        IntNode actualLength = IntNode.valueOf(len);
        if (emptyForbidden && len == 0) {
            findings.add(site, "arrayEmpty", value);
        }
        if (min != null && len < min.doubleValue()) {
            findings.add(site, "arrayMin", actualLength, min);
        }
        if (max != null && len > max.doubleValue()) {
            findings.add(site, "arrayMax", actualLength, max);
        }
        if (length != null && len != length.doubleValue()) {
            findings.add(site, "arrayLength", actualLength, length);
        }
        if (contains != null && !EnumRule.contains(value, contains)) {
            findings.add(site, "arrayContains", value, contains);
        }
        if (unique) {
            checkUnique(value, site, findings);
        }
        if (allowed != null) {
            TextNode listing = TextNode.valueOf(JsValues.join(allowed, ", "));
            for (JsonNode item : value) {
                if (!EnumRule.contains(allowed, item)) {
                    findings.add(site, "arrayEnum", item, listing);
                }
            }
        }
        if (items != null) {
            String prefix = site.field();
            for (int i = 0; i < len; i++) {
                items.validateItem(value.get(i), prefix + "[" + i + "]", site, findings);
            }
        }
    }

    /**
     * {@code len > new Set(value).size}: primitives compare by value, arrays and objects are each
     * distinct. The expected value lists the repeated primitives once each, in the order of their
     * second occurrence, as fastest-validator computes it.
     */
    private static void checkUnique(JsonNode value, Site site, Findings findings) {
        Set<Object> seen = new HashSet<>();
        Set<Object> repeated = new LinkedHashSet<>();
        ArrayNode repeatedItems = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : value) {
            Object key = sameValueZeroKey(item);
            if (key != null && !seen.add(key) && repeated.add(key)) {
                repeatedItems.add(item.deepCopy());
            }
        }
        if (!repeated.isEmpty()) {
            findings.add(site, "arrayUnique", value, repeatedItems);
        }
    }

    /** A key equal for primitives that {@code Set} deems the same; null for arrays and objects. */
    private static Object sameValueZeroKey(JsonNode item) {
        return switch (JsValues.kind(item)) {
            case NULL, UNDEFINED -> "null";
            case BOOLEAN -> item.booleanValue();
            case NUMBER -> {
                double d = item.doubleValue();
                yield d == 0 ? 0.0 : d;
            }
            case STRING -> "s" + item.textValue();
            case OBJECT -> null;
        };
    }

    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "array");
        if (items != null) {
            schema.set("items", items.jsonSchema());
        }
        JsonNode least = length != null ? length : min;
        if (emptyForbidden && (least == null || least.doubleValue() < 1)) {
            least = IntNode.valueOf(1);
        }
        if (least != null) {
            schema.set("minItems", least.deepCopy());
        }
        JsonNode most = length != null ? length : max;
        if (most != null) {
            schema.set("maxItems", most.deepCopy());
        }
        if (unique) {
            schema.put("uniqueItems", true);
        }
        if (contains != null && !contains.isContainerNode()) {
            schema.putObject("contains").set("const", contains.deepCopy());
        }
        return schema;
    }
}
