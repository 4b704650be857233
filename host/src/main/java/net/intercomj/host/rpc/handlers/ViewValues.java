package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;

/** The subnet's view holds JSON text; the RPC answers with the JSON itself. */
final class ViewValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewValues() {}

    /** {@code text} as JSON, or JSON {@code null} when the key is not set. */
    static JsonNode json(Optional<String> text) {
        if (text.isEmpty()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(text.get());
        } catch (JsonProcessingException e) {
            // The view is written by apply from JSON nodes only; anything else is a bug, answered with 500.
            throw new IllegalStateException("The view holds a value that is not JSON", e);
        }
    }
}
