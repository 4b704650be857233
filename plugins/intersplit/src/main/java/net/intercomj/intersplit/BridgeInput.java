package net.intercomj.intersplit;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonNull;
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
}
