package net.intercomj.api.json;

/**
 * A JSON boolean. {@link #TRUE} and {@link #FALSE} are the usual instances, but any two with
 * the same value are equal.
 *
 * @param value the truth value
 */
public record JsonBoolean(boolean value) implements Json {

    /** The JSON {@code true}. */
    public static final JsonBoolean TRUE = new JsonBoolean(true);

    /** The JSON {@code false}. */
    public static final JsonBoolean FALSE = new JsonBoolean(false);

    /** {@link #TRUE} or {@link #FALSE}. */
    public static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** {@code true} or {@code false}. */
    @Override
    public String toJson() {
        return value ? "true" : "false";
    }

    /** Same as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }
}
