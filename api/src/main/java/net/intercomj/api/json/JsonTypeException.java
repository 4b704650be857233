package net.intercomj.api.json;

/**
 * A JSON value is not of the type the reader asked for, or an object lacks a field it asked
 * for. The message says what was expected and what was found, e.g.
 * {@code expected a string, found number 5}.
 */
public final class JsonTypeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    // Long values are cut in messages: a message must stay readable, whatever was received.
    private static final int MAX_SHOWN = 60;

    /**
     * A type error with the given message.
     *
     * @param message what was expected and what was found
     */
    public JsonTypeException(String message) {
        super(message);
    }

    static JsonTypeException expected(String what, Json found) {
        return new JsonTypeException("expected " + what + ", found " + describe(found));
    }

    static JsonTypeException field(String name, String what, Json found) {
        return new JsonTypeException("field " + quote(name) + ": expected " + what + ", found " + describe(found));
    }

    static JsonTypeException missing(String name, String what) {
        return new JsonTypeException("field " + quote(name) + ": expected " + what + ", found no such field");
    }

    /** The kind of {@code value} and, for a scalar, its (possibly cut) JSON text. */
    static String describe(Json value) {
        return switch (value) {
            case JsonObject object -> "an object";
            case JsonArray array -> "an array";
            case JsonString string -> "string " + cut(string.toJson());
            case JsonNumber number -> "number " + cut(number.toJson());
            case JsonBoolean bool -> "boolean " + bool.value();
            case JsonNull nul -> "null";
        };
    }

    static String quote(String name) {
        return cut(new JsonString(name).toJson());
    }

    private static String cut(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }
}
