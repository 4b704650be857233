package net.intercomj.host.bridge.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.JsValues;

/** The fields the sidechannel types share, read as the original read them (spec §3.5, "Details"). */
final class Arguments {

    static final String MISSING_CHANNEL = "Missing channel.";
    static final String INVALID_INVITE = "Invalid invite (expected JSON or base64).";
    static final String INVALID_WELCOME = "Invalid welcome (expected JSON or base64).";

    // JSON.parse refuses text after the value; Jackson ignores it unless told.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Arguments() {}

    /** A field the client got wrong; its message is the error to answer with. */
    static final class InvalidArgument extends Exception {
        InvalidArgument(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code String(message.channel || '').trim()}; empty when missing. */
    static String channel(BridgeRequest request) {
        return JsValues.text(request.body().path("channel")).trim();
    }

    /** The invite, as JSON text. */
    static Optional<String> invite(BridgeRequest request) throws InvalidArgument {
        return token(request.body().path("invite"), INVALID_INVITE);
    }

    /** The welcome, as JSON text. */
    static Optional<String> welcome(BridgeRequest request) throws InvalidArgument {
        return token(request.body().path("welcome"), INVALID_WELCOME);
    }

    /**
     * An object (or array) is used as it is; a string is JSON when it starts with {@code {}, else
     * base64 of JSON; an empty string or a falsy value means none; anything else is invalid.
     */
    private static Optional<String> token(JsonNode value, String invalid) throws InvalidArgument {
        if (!JsValues.truthy(value)) {
            return Optional.empty();
        }
        if (value.isContainerNode()) {
            return Optional.of(value.toString());
        }
        if (!value.isTextual()) {
            throw new InvalidArgument(invalid);
        }
        String text = value.textValue().trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String json = text.startsWith("{") ? text
                    : new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            JsonNode parsed = JSON.readTree(json);
            if (parsed == null || parsed.isMissingNode()) {
                throw new InvalidArgument(invalid);
            }
            return Optional.of(parsed.toString());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidArgument(invalid);
        }
    }
}
