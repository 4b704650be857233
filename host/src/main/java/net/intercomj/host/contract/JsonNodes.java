package net.intercomj.host.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonBoolean;
import net.intercomj.api.json.JsonNull;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/**
 * Converts between the API's {@link Json} values, which contracts see, and Jackson's
 * {@link JsonNode} trees, which the host reads and writes. Object keys keep their order both
 * ways, and numbers keep their exact value.
 */
public final class JsonNodes {

    private JsonNodes() {}

    /**
     * The Jackson tree of {@code value}. An integer becomes a {@link LongNode} when it fits a
     * long, else a {@link BigIntegerNode} ({@code 2.0} is the integer 2); any other number a
     * {@link DecimalNode} of the exact value.
     *
     * @param value the value
     * @return a new, mutable tree that shares nothing with other trees
     */
    public static JsonNode toNode(Json value) {
        Objects.requireNonNull(value, "value");
        return switch (value) {
            case JsonObject object -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                object.fields().forEach((name, field) -> node.set(name, toNode(field)));
                yield node;
            }
            case JsonArray array -> {
                ArrayNode node = JsonNodeFactory.instance.arrayNode(array.size());
                array.forEach(element -> node.add(toNode(element)));
                yield node;
            }
            case JsonString string -> TextNode.valueOf(string.value());
            case JsonNumber number -> numberNode(number);
            case JsonBoolean bool -> BooleanNode.valueOf(bool.value());
            case JsonNull nul -> NullNode.getInstance();
        };
    }

    /**
     * The value of a Jackson tree. Any number becomes a {@link JsonNumber} of its exact decimal
     * value; a double or float node becomes the shortest decimal that reads back as it
     * ({@code 0.1}, not the binary fraction nearest to it), as
     * {@link BigDecimal#valueOf(double)} gives.
     *
     * @param node the tree
     * @return the value
     * @throws IllegalArgumentException when the tree holds something JSON cannot: a binary
     *     node, a POJO node, a missing node, a NaN or infinite double; or a number outside
     *     {@link JsonNumber}'s range
     */
    public static Json fromNode(JsonNode node) {
        Objects.requireNonNull(node, "node");
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Json> fields = new LinkedHashMap<>();
                node.properties().forEach(field -> fields.put(field.getKey(), fromNode(field.getValue())));
                yield new JsonObject(fields);
            }
            case ARRAY -> {
                List<Json> values = new ArrayList<>(node.size());
                node.forEach(element -> values.add(fromNode(element)));
                yield new JsonArray(values);
            }
            case STRING -> new JsonString(node.textValue());
            case NUMBER -> new JsonNumber(decimal(node));
            case BOOLEAN -> JsonBoolean.of(node.booleanValue());
            case NULL -> Json.NULL;
            case BINARY -> throw new IllegalArgumentException("JSON has no binary values; encode the bytes as a string");
            case POJO -> throw new IllegalArgumentException(
                    "JSON has no Java objects; convert the POJO to a tree first: " + node.getClass().getSimpleName());
            case MISSING -> throw new IllegalArgumentException("A missing node is not a JSON value");
        };
    }

    private static JsonNode numberNode(JsonNumber number) {
        BigDecimal value = number.value();
        if (!number.isIntegral()) {
            return DecimalNode.valueOf(value);
        }
        // JsonNumber bounds the exponent, so the integer has at most about a thousand digits.
        BigInteger integer = value.toBigInteger();
        return integer.bitLength() < Long.SIZE ? LongNode.valueOf(integer.longValue()) : BigIntegerNode.valueOf(integer);
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            double d = node.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no number " + d);
            }
            // A float widened to double would carry the binary noise of the float
            // (0.1f is 0.100000001490116...); its own shortest text does not.
            return node.isFloat() ? new BigDecimal(Float.toString(node.floatValue())) : BigDecimal.valueOf(d);
        }
        // Int, long, short, big integer and decimal nodes hold exact values.
        return node.decimalValue();
    }
}
