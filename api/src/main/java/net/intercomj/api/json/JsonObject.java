package net.intercomj.api.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object: an immutable map from names to values that remembers the order its fields
 * were first set in, which is the order they are written in.
 *
 * <p>A record, so that its content is plain data ({@link #fields()}) and equality comes for
 * free; the compact constructor copies the given map into an insertion-ordered map and wraps
 * it unmodifiable, so later changes to the given map do not affect the object. (A
 * {@code Map.copyOf} would be shorter, but it forgets the order.)
 *
 * <p>Equality is that of maps: two objects with the same fields are equal whatever their
 * order, as JSON objects are unordered. Compare {@link #toJson()} texts to compare the order
 * too.
 *
 * <p>The typed readers ({@link #string(String)}, {@link #integer(String)}, ...) are for
 * reading a message of a known shape: each returns the field's value or throws a
 * {@link JsonTypeException} naming the field.
 *
 * @param fields the fields in order; values are {@link Json#NULL} for a JSON {@code null},
 *     never a Java {@code null}
 */
public record JsonObject(Map<String, Json> fields) implements Json {

    /**
     * A JSON object with the given fields, in the map's iteration order.
     *
     * @throws NullPointerException when the map, a name or a value is null
     */
    public JsonObject {
        Map<String, Json> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Json> field : fields.entrySet()) {
            copy.put(Objects.requireNonNull(field.getKey(), "field name"),
                    Objects.requireNonNull(field.getValue(), () -> "value of field " + field.getKey()));
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** The value of field {@code name}, if there is one. */
    public Optional<Json> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Whether there is a field {@code name} (a JSON {@code null} counts). */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The field names, in order. */
    public Set<String> names() {
        return fields.keySet();
    }

    /** The number of fields. */
    public int size() {
        return fields.size();
    }

    /**
     * A copy with field {@code name} set to {@code value}. An existing field keeps its
     * position; a new one comes last.
     */
    public JsonObject with(String name, Json value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, Json> copy = new LinkedHashMap<>(fields);
        copy.put(name, value);
        return new JsonObject(copy);
    }

    /** A copy without field {@code name}; this object itself when there is no such field. */
    public JsonObject without(String name) {
        if (!fields.containsKey(name)) {
            return this;
        }
        Map<String, Json> copy = new LinkedHashMap<>(fields);
        copy.remove(name);
        return new JsonObject(copy);
    }

    /**
     * The text of string field {@code name}.
     *
     * @throws JsonTypeException when the field is missing or not a string
     */
    public String string(String name) {
        if (require(name, "a string") instanceof JsonString string) {
            return string.value();
        }
        throw JsonTypeException.field(name, "a string", fields.get(name));
    }

    /**
     * The value of integer field {@code name}, as {@link Json#asLong()} reads it.
     *
     * @throws JsonTypeException when the field is missing, not an integer, or out of the
     *     range of a long
     */
    public long integer(String name) {
        Json value = require(name, "an integer");
        try {
            return value.asLong();
        } catch (JsonTypeException e) {
            // Same check, message with the field's name.
            throw new JsonTypeException("field " + JsonTypeException.quote(name) + ": " + e.getMessage());
        }
    }

    /**
     * The value of boolean field {@code name}.
     *
     * @throws JsonTypeException when the field is missing or not a boolean
     */
    public boolean bool(String name) {
        if (require(name, "a boolean") instanceof JsonBoolean bool) {
            return bool.value();
        }
        throw JsonTypeException.field(name, "a boolean", fields.get(name));
    }

    /**
     * Object field {@code name}.
     *
     * @throws JsonTypeException when the field is missing or not an object
     */
    public JsonObject object(String name) {
        if (require(name, "an object") instanceof JsonObject object) {
            return object;
        }
        throw JsonTypeException.field(name, "an object", fields.get(name));
    }

    /**
     * Array field {@code name}.
     *
     * @throws JsonTypeException when the field is missing or not an array
     */
    public JsonArray array(String name) {
        if (require(name, "an array") instanceof JsonArray array) {
            return array;
        }
        throw JsonTypeException.field(name, "an array", fields.get(name));
    }

    /** {@code {...}} with the fields in order, as {@code "name":value}, separated by commas. */
    @Override
    public String toJson() {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(out, this);
        return out.toString();
    }

    /** Same as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }

    private Json require(String name, String what) {
        Json value = fields.get(Objects.requireNonNull(name, "name"));
        if (value == null) {
            throw JsonTypeException.missing(name, what);
        }
        return value;
    }

    /**
     * Collects fields for a {@link JsonObject}. Setting a name again replaces its value and
     * keeps its position. A builder can go on being used after {@link #build()}; what it
     * built does not change.
     */
    public static final class Builder {

        private final Map<String, Json> fields = new LinkedHashMap<>();

        /** Use {@link Json#object()}. */
        Builder() {}

        /** Sets field {@code name} to {@code value}. */
        public Builder put(String name, Json value) {
            fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets field {@code name} to a JSON string. */
        public Builder put(String name, String value) {
            return put(name, new JsonString(value));
        }

        /** Sets field {@code name} to a JSON number. */
        public Builder put(String name, long value) {
            return put(name, Json.of(value));
        }

        /** Sets field {@code name} to a JSON boolean. */
        public Builder put(String name, boolean value) {
            return put(name, JsonBoolean.of(value));
        }

        /** The object with the fields set so far, in the order they were first set. */
        public JsonObject build() {
            return new JsonObject(fields);
        }
    }
}
