package net.intercomj.api.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A JSON value: one of {@link JsonObject}, {@link JsonArray}, {@link JsonString},
 * {@link JsonNumber}, {@link JsonBoolean} or {@link JsonNull}.
 *
 * <p>Values are immutable and compare by content: two values are equal when they denote the
 * same JSON value (numbers by numeric value, objects regardless of key order). Read text with
 * {@link #parse(String)}, write it with {@link #toJson()}; {@code Json.parse(v.toJson())}
 * equals {@code v} for every value.
 *
 * <p>The {@code as...} readers are for code that knows what it expects: they return the value
 * in Java form or throw a {@link JsonTypeException} that says what was found instead, so a
 * contract can turn a malformed message into one clear error.
 */
public sealed interface Json permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /**
     * The JSON {@code null}, the only {@link JsonNull} instance.
     *
     * <p>It is created here rather than in {@code JsonNull}: initialising {@code JsonNull} first
     * initialises this interface (it declares default methods), so a constant read from
     * {@code JsonNull} while this field is being set would still be {@code null}.
     */
    JsonNull NULL = new JsonNull();

    /**
     * Parses one JSON value, strictly as RFC 8259 defines it.
     *
     * <p>Whitespace around the value is allowed, anything else after it is not. Comments,
     * trailing commas, single quotes, {@code NaN}, {@code Infinity}, leading zeros and
     * unescaped control characters in strings are errors. {@code \}{@code uXXXX} escapes may
     * spell surrogate pairs; a lone surrogate is kept as it is, as JavaScript's
     * {@code JSON.parse} does. When an object repeats a key the last value wins and the key
     * keeps its first position, as in {@code JSON.parse}.
     *
     * <p>Limits, which RFC 8259 §9 allows a parser to set, keep hostile text from costing more
     * than its length: nesting deeper than {@value JsonParser#MAX_DEPTH} arrays and objects, and
     * numbers outside {@link JsonNumber}'s range or longer than
     * {@value JsonParser#MAX_NUMBER_LENGTH} characters, are errors.
     *
     * @param text the JSON text
     * @return the value
     * @throws JsonParseException when the text is not one JSON value; the message names the
     *     problem and its offset (in UTF-16 code units from the start of {@code text})
     * @throws NullPointerException when {@code text} is null
     */
    static Json parse(String text) {
        return new JsonParser(Objects.requireNonNull(text, "text")).parseDocument();
    }

    /**
     * The compact JSON text of this value, as JavaScript's {@code JSON.stringify} writes it:
     * no spaces, object keys in insertion order, strings escaped as {@code JSON.stringify}
     * does. Numbers are written as {@link JsonNumber#toJson()} describes.
     *
     * @return the JSON text
     */
    String toJson();

    /**
     * This value as JavaScript's {@code JSON.stringify(value, null, 2)} writes it: one member per
     * line, indented two spaces per level, {@code ": "} after a key, {@code {}} and {@code []} for
     * empty containers. For people reading it (exports, terminal output); {@link #toJson()} is the
     * form to send and store.
     */
    default String toPrettyJson() {
        StringBuilder out = new StringBuilder();
        JsonWriter.writePretty(out, this, "");
        return out.toString();
    }

    /** A JSON string. */
    static JsonString of(String value) {
        return new JsonString(value);
    }

    /** A JSON number holding {@code value}. */
    static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    /**
     * A JSON number holding {@code value}.
     *
     * @throws IllegalArgumentException when the value is outside {@link JsonNumber}'s range
     */
    static JsonNumber of(BigInteger value) {
        return new JsonNumber(new BigDecimal(Objects.requireNonNull(value, "value")));
    }

    /**
     * A JSON number holding exactly {@code value}.
     *
     * @throws IllegalArgumentException when the value is outside {@link JsonNumber}'s range
     */
    static JsonNumber of(BigDecimal value) {
        return new JsonNumber(value);
    }

    /**
     * A JSON number holding the shortest decimal that reads back as {@code value}
     * ({@link BigDecimal#valueOf(double)}), so {@code of(0.1)} is {@code 0.1}, not the binary
     * fraction nearest to it.
     *
     * @throws IllegalArgumentException when {@code value} is NaN or infinite, which JSON cannot
     *     hold
     */
    static JsonNumber of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no number " + value);
        }
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    /** {@link JsonBoolean#TRUE} or {@link JsonBoolean#FALSE}. */
    static JsonBoolean of(boolean value) {
        return JsonBoolean.of(value);
    }

    /** A builder for a JSON object. */
    static JsonObject.Builder object() {
        return new JsonObject.Builder();
    }

    /**
     * A JSON array of {@code values}, in order.
     *
     * @throws NullPointerException when an element is null (use {@link #NULL})
     */
    static JsonArray array(Json... values) {
        return new JsonArray(List.of(values));
    }

    /**
     * A JSON array of {@code values}, in order; later changes to the list do not affect it.
     *
     * @throws NullPointerException when an element is null (use {@link #NULL})
     */
    static JsonArray array(List<? extends Json> values) {
        return new JsonArray(List.copyOf(values));
    }

    /**
     * The text of a JSON string.
     *
     * @throws JsonTypeException when this is not a string
     */
    default String asString() {
        if (this instanceof JsonString string) {
            return string.value();
        }
        throw JsonTypeException.expected("a string", this);
    }

    /**
     * The value of a JSON number that is an integer within the range of a {@code long}; a
     * number such as {@code 2.0} counts as the integer 2.
     *
     * @throws JsonTypeException when this is not a number, not an integer, or out of range
     */
    default long asLong() {
        if (this instanceof JsonNumber number && number.isIntegral()) {
            // Cheap: JsonNumber bounds the exponent, so an integer has at most a few
            // hundred bytes of digits.
            BigInteger value = number.value().toBigInteger();
            if (value.bitLength() < Long.SIZE) {
                return value.longValue();
            }
            throw JsonTypeException.expected("an integer within the range of a long", this);
        }
        throw JsonTypeException.expected("an integer", this);
    }

    /**
     * The value of a JSON number that is an integer, of any size.
     *
     * @throws JsonTypeException when this is not a number or not an integer
     */
    default BigInteger asBigInteger() {
        if (this instanceof JsonNumber number && number.isIntegral()) {
            return number.value().toBigInteger();
        }
        throw JsonTypeException.expected("an integer", this);
    }

    /**
     * The exact value of a JSON number, as written ({@code 1.50} keeps its scale).
     *
     * @throws JsonTypeException when this is not a number
     */
    default BigDecimal asDecimal() {
        if (this instanceof JsonNumber number) {
            return number.value();
        }
        throw JsonTypeException.expected("a number", this);
    }

    /**
     * The value of a JSON boolean.
     *
     * @throws JsonTypeException when this is not a boolean
     */
    default boolean asBoolean() {
        if (this instanceof JsonBoolean bool) {
            return bool.value();
        }
        throw JsonTypeException.expected("a boolean", this);
    }

    /**
     * This value as a JSON object.
     *
     * @throws JsonTypeException when this is not an object
     */
    default JsonObject asObject() {
        if (this instanceof JsonObject object) {
            return object;
        }
        throw JsonTypeException.expected("an object", this);
    }

    /**
     * This value as a JSON array.
     *
     * @throws JsonTypeException when this is not an array
     */
    default JsonArray asArray() {
        if (this instanceof JsonArray array) {
            return array;
        }
        throw JsonTypeException.expected("an array", this);
    }

    /** Whether this is the JSON {@code null}. */
    default boolean isNull() {
        return this instanceof JsonNull;
    }
}
