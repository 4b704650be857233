package net.intercomj.focusroom;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonBoolean;
import net.intercomj.api.json.JsonNull;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/** Reading the fields of a FocusRoom bridge message, as the original's bridge did (§1.7). */
final class BridgeInput {

    private BridgeInput() {}

    /** The message as a JSON object (the bridge only passes objects). */
    static JsonObject message(BridgeCall call) {
        return (JsonObject) Json.parse(call.messageJson());
    }

    /**
     * {@code String(value || '')} of the first of {@code names} that is truthy: a string as is, a
     * number as JS prints it, {@code ""} when every one is missing, null, false, 0 or empty.
     *
     * @throws IllegalArgumentException naming the field when it is an object, an array or {@code true}
     *     (the original stringified them to {@code [object Object]} and the like)
     */
    static String text(JsonObject message, String... names) {
        for (String name : names) {
            Json value = message.get(name).orElse(Json.NULL);
            switch (value) {
                case JsonString s when !s.value().isEmpty() -> {
                    return s.value();
                }
                case JsonNumber n when n.value().signum() != 0 -> {
                    return n.toJson();
                }
                case JsonString s -> { }
                case JsonNumber n -> { }
                case JsonNull n -> { }
                case JsonBoolean b when !b.value() -> { }
                default -> throw new IllegalArgumentException(name + " must be a string");
            }
        }
        return "";
    }

    /**
     * {@code parseInt(String(minutes ?? default), 10)}, the default where that is NaN: a number
     * or numeric text is truncated ({@code "2.9"} gives 2); bounds are the core's.
     *
     * @return null for the default
     */
    static Long minutes(JsonObject message) {
        Json value = message.get("minutes").orElse(Json.NULL);
        String text = switch (value) {
            case JsonString s -> s.value();
            case JsonNumber n -> n.value().toPlainString();
            default -> null;
        };
        var parsed = Limits.parseInt(text);
        return parsed.isPresent() ? parsed.getAsLong() : null;
    }
}
