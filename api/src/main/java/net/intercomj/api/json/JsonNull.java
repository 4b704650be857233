package net.intercomj.api.json;

/**
 * The JSON {@code null}. There is one instance, {@link Json#NULL}.
 *
 * <p>A class rather than a record or an enum: a record's constructor is as public as the
 * record, so it could not keep to one instance, and {@code Json.NULL} must be created by
 * {@link Json} itself (see there).
 */
public final class JsonNull implements Json {

    // Only Json creates the instance.
    JsonNull() {}

    /** {@code null}. */
    @Override
    public String toJson() {
        return "null";
    }

    /** Same as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }
}
