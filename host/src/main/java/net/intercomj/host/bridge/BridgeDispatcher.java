package net.intercomj.host.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads each client message and answers it as the original bridge does (spec
 * upstream-sidechannel-bridge §3.3–3.4): parse errors and non-objects get their exact error
 * strings, {@code auth} is the only type answered before authentication, and an unknown type
 * gets {@code Unknown type: <type>}.
 */
final class BridgeDispatcher {

    static final String INVALID_JSON = "Invalid JSON.";
    static final String INVALID_MESSAGE = "Invalid message.";
    static final String UNAUTHORIZED = "Unauthorized.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenCheck token;
    private final Map<String, BridgeHandler> handlers = new ConcurrentHashMap<>();

    BridgeDispatcher(String token) {
        this.token = new TokenCheck(token);
    }

    /** Adds a handler for its type. */
    void register(BridgeHandler handler) {
        if (handlers.putIfAbsent(handler.type(), handler) != null || handler.type().equals("auth")) {
            throw new IllegalArgumentException("Bridge type " + handler.type() + " is already handled");
        }
    }

    void dispatch(BridgeSession session, String text) {
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            session.send(Replies.error(Optional.empty(), INVALID_JSON));
            return;
        }
        // Arrays count as objects, as in JavaScript; null, numbers, strings and booleans do not.
        if (body == null || !(body.isObject() || body.isArray())) {
            session.send(Replies.error(Optional.empty(), INVALID_MESSAGE));
            return;
        }
        BridgeRequest request = BridgeRequest.of(body);
        if (request.type().equals("auth")) {
            authenticate(session, request);
            return;
        }
        if (!session.authenticated()) {
            session.send(Replies.error(request.id(), UNAUTHORIZED));
            return;
        }
        BridgeHandler handler = handlers.get(request.type());
        if (handler == null) {
            session.send(Replies.error(request.id(), "Unknown type: " + request.type()));
            return;
        }
        handler.handle(session, request);
    }

    private void authenticate(BridgeSession session, BridgeRequest request) {
        JsonNode presented = request.body().path("token");
        if (presented.isTextual() && token.matches(presented.asText())) {
            session.authenticate();
            session.send(Replies.reply(request.id(), "auth_ok"));
        } else {
            // A failed attempt does not undo an earlier success (as the original).
            session.send(Replies.error(request.id(), UNAUTHORIZED));
        }
    }
}
