package net.intercomj.intersplit;

import java.util.Locale;
import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonBoolean;
import net.intercomj.api.json.JsonNull;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/** Reading the fields of an InterSplit bridge message. */
final class BridgeInput {

    static final String MISSING_CHANNEL = "Missing channel.";

    private BridgeInput() {}

    /** The message as a JSON object (the bridge only passes objects). */
    static JsonObject message(BridgeCall call) {
        return (JsonObject) Json.parse(call.messageJson());
    }

    /**
     * The canonical channel: {@code channel} trimmed and lowercased (W1: the original kept case
     * on the bridge), the entry channel when absent or null.
     *
     * @throws IllegalArgumentException {@value #MISSING_CHANNEL} when it is not a string
     */
    static String channel(JsonObject message) {
        Json value = message.get("channel").orElse(Json.NULL);
        return switch (value) {
            case JsonNull n -> Channels.DEFAULT;
            case JsonString s -> Channels.canonical(s.value());
            default -> throw new IllegalArgumentException(MISSING_CHANNEL);
        };
    }

    /**
     * A bool-ish field as the original read it: {@code true}, a non-zero number, or one of the
     * strings {@code 1}, {@code true}, {@code yes}, {@code on} (any case); {@code fallback} when
     * absent or null; anything else is false.
     */
    static boolean flag(JsonObject message, String name, boolean fallback) {
        return switch (message.get(name).orElse(Json.NULL)) {
            case JsonNull n -> fallback;
            case JsonBoolean b -> b.value();
            case JsonNumber n -> n.value().signum() != 0;
            case JsonString s -> switch (s.value().trim().toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes", "on" -> true;
                default -> false;
            };
            default -> false;
        };
    }
}
