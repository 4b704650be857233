package net.intercomj.api.bridge;

import java.util.Objects;

/**
 * One message an authenticated client sent, of a type a plugin handles.
 *
 * @param type        the message's {@code type}
 * @param messageJson the whole message as JSON object text, {@code id} and {@code type} included
 */
public record BridgeCall(String type, String messageJson) {

    public BridgeCall {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(messageJson, "messageJson");
    }
}
