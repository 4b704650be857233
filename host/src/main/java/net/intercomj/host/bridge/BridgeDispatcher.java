package net.intercomj.host.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each client message and answers it as the original bridge does (spec
 * upstream-sidechannel-bridge §3.3–3.4): parse errors and non-objects get their exact error
 * strings, {@code auth} is the only type answered before authentication, and an unknown type
 * gets {@code Unknown type: <type>}. Beyond the original, a connection that presents too many
 * wrong tokens is closed.
 */
final class BridgeDispatcher {

    static final String INVALID_JSON = "Invalid JSON.";
    static final String INVALID_MESSAGE = "Invalid message.";
    static final String UNAUTHORIZED = "Unauthorized.";
    static final String TOO_MANY_AUTH_FAILURES = "Too many failed auth attempts.";

    private static final Logger LOG = LoggerFactory.getLogger(BridgeDispatcher.class);
    // JSON.parse refuses text after the value ('{} x', '{}{}'); Jackson ignores it unless told.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final TokenCheck token;
    private final int maxFailedAuths;
    private final boolean debug;
    private final Map<String, BridgeHandler> handlers = new ConcurrentHashMap<>();

    BridgeDispatcher(String token, int maxFailedAuths, boolean debug) {
        this.token = new TokenCheck(token);
        this.maxFailedAuths = maxFailedAuths;
        this.debug = debug;
    }

    /**
     * Adds a handler for its type.
     *
     * @throws IllegalStateException if the type is taken
     */
    void register(BridgeHandler handler) {
        if (handler.type().equals("auth") || handlers.putIfAbsent(handler.type(), handler) != null) {
            throw new IllegalStateException("Bridge type " + handler.type() + " is already handled");
        }
    }

    /** Removes {@code handler} if it is the one registered for its type. */
    void unregister(BridgeHandler handler) {
        handlers.remove(handler.type(), handler);
    }

    void dispatch(BridgeSession session, String text) {
        if (debug) {
            LOG.info("SC-Bridge ← {}: {}", session.peerAddress(), text);
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            session.send(Replies.error(Optional.empty(), INVALID_JSON));
            return;
        }
        // Jackson reads empty or blank text as no value at all; JSON.parse throws on it.
        if (body == null || body.isMissingNode()) {
            session.send(Replies.error(Optional.empty(), INVALID_JSON));
            return;
        }
        // Arrays count as objects, as in JavaScript; null, numbers, strings and booleans do not.
        if (!(body.isObject() || body.isArray())) {
            session.send(Replies.error(Optional.empty(), INVALID_MESSAGE));
            return;
        }
        BridgeRequest request = BridgeRequest.of(body);
        // The original compared types with ===: only a string names one, never ["ping"] or 5.
        boolean named = body.path("type").isTextual();
        if (named && request.type().equals("auth")) {
            authenticate(session, request);
            return;
        }
        if (!session.authenticated()) {
            session.send(Replies.error(request.id(), UNAUTHORIZED));
            return;
        }
        BridgeHandler handler = named ? handlers.get(request.type()) : null;
        if (handler == null) {
            session.send(Replies.error(request.id(), "Unknown type: " + request.type()));
        } else if (handler.blocking()) {
            session.runSlow(() -> handler.handle(session, request));
        } else {
            handler.handle(session, request);
        }
    }

    private void authenticate(BridgeSession session, BridgeRequest request) {
        JsonNode presented = request.body().path("token");
        if (presented.isTextual() && token.matches(presented.asText())) {
            session.authenticate();
            session.send(Replies.reply(request.id(), "auth_ok"));
            return;
        }
        // A failed attempt does not undo an earlier success (as the original), but guessing is capped.
        session.send(Replies.error(request.id(), UNAUTHORIZED));
        if (session.failedAuth() >= maxFailedAuths) {
            session.close(BridgeSession.POLICY_VIOLATION, TOO_MANY_AUTH_FAILURES);
        }
    }
}
