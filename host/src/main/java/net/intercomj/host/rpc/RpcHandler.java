package net.intercomj.host.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request, in this order (spec §7.1, with §9 item 22 fixed):
 * <ol>
 *   <li>CORS headers on every response, when an origin is configured; any {@code OPTIONS} is
 *       {@code 204} with no body, before anything else, so browsers' preflights need no token;</li>
 *   <li>a declared body larger than the limit is {@code 413} at once, unread, and the connection
 *       closed (Undertow's entity limit also stops an undeclared, chunked body at the same size);</li>
 *   <li>every route but {@code GET /v1/health} needs the token, unknown paths included, so a
 *       client without it learns nothing of the routes: {@code 401};</li>
 *   <li>exact method and path, else {@code 404 {"error":"Not Found"}} (a wrong method too, as in
 *       the original);</li>
 *   <li>a {@code POST} body is read: empty is no body, anything but JSON is
 *       {@code 400 {"error":"Invalid JSON payload."}};</li>
 *   <li>the route's JSON with {@code 200}; its {@link RpcException} with its 4xx and message;
 *       anything else {@code 500 {"error":"An internal error occurred."}}, logged.</li>
 * </ol>
 */
final class RpcHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RpcHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String INVALID_JSON = "Invalid JSON payload.";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type";
    static final String NOT_FOUND = "Not Found";
    static final String UNAUTHORIZED = "Unauthorized.";
    static final String TOO_LARGE = "Request body too large.";
    static final String INTERNAL = "An internal error occurred.";

    private static final HttpString ALLOW_ORIGIN = HttpString.tryFromString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = HttpString.tryFromString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = HttpString.tryFromString("Access-Control-Allow-Headers");

    private final Map<String, RpcRoute> routes;
    private final BearerAuth auth;
    private final Optional<String> allowOrigin;
    private final long maxBodyBytes;

    RpcHandler(RpcSettings settings, List<RpcRoute> routes) {
        Map<String, RpcRoute> byKey = new LinkedHashMap<>();
        for (RpcRoute route : routes) {
            if (byKey.put(key(route.method(), route.path()), route) != null) {
                throw new IllegalArgumentException("Two routes for " + key(route.method(), route.path()));
            }
        }
        this.routes = Map.copyOf(byKey);
        this.auth = new BearerAuth(settings.token());
        this.allowOrigin = settings.allowOrigin();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            // Routes read the store; the I/O thread must not wait on that.
            exchange.dispatch(this);
            return;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        allowOrigin.ifPresent(origin -> {
            headers.put(ALLOW_ORIGIN, origin);
            headers.put(ALLOW_METHODS, ALLOWED_METHODS);
            headers.put(ALLOW_HEADERS, ALLOWED_HEADERS);
        });
        headers.put(Headers.CACHE_CONTROL, "no-store");
        String method = exchange.getRequestMethod().toString();
        if (method.equals("OPTIONS")) {
            exchange.setStatusCode(204);
            exchange.endExchange();
            return;
        }
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            // Answer without reading it, and close rather than drain the rest.
            exchange.setPersistent(false);
            respond(exchange, 413, error(TOO_LARGE));
            return;
        }
        String path = exchange.getRequestPath();
        RpcRoute route = routes.get(key(method, path));
        if ((route == null || !route.open())
                && !auth.permits(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
            headers.put(Headers.WWW_AUTHENTICATE, "Bearer");
            respond(exchange, 401, error(UNAUTHORIZED));
            return;
        }
        if (route == null) {
            respond(exchange, 404, error(NOT_FOUND));
            return;
        }
        Optional<JsonNode> body;
        try {
            body = readBody(exchange);
        } catch (java.io.IOException e) {
            exchange.setPersistent(false);
            respond(exchange, e instanceof JsonProcessingException ? 400 : 413,
                    error(e instanceof JsonProcessingException ? INVALID_JSON : TOO_LARGE));
            return;
        }
        JsonNode answer;
        try {
            answer = route.handle(new RpcRequest(exchange.getQueryParameters(), body));
        } catch (RpcException e) {
            respond(exchange, e.status(), error(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            log.error("RPC handler error: {} {}", method, path, e);
            respond(exchange, 500, error(INTERNAL));
            return;
        }
        respond(exchange, 200, answer);
    }

    /** The body of a POST as JSON; empty when there is none. Reads at most the limit, blocking (a worker thread). */
    private Optional<JsonNode> readBody(HttpServerExchange exchange) throws java.io.IOException {
        if (!exchange.getRequestMethod().toString().equals("POST")) {
            return Optional.empty();
        }
        exchange.startBlocking();
        byte[] bytes = exchange.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (bytes.length > maxBodyBytes) {
            throw new java.io.IOException("body over the limit");
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Optional.empty();
        }
        JsonNode json = net.intercomj.host.subnet.op.CanonicalJson.parse(text);
        return Optional.ofNullable(json).filter(node -> !node.isNull());
    }

    private static JsonNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    private static void respond(HttpServerExchange exchange, int status, JsonNode body) {
        String text;
        try {
            text = JSON.writeValueAsString(body == null ? JsonNodeFactory.instance.objectNode() : body);
        } catch (JsonProcessingException e) {
            log.error("RPC response cannot be written as JSON", e);
            status = 500;
            text = "{\"error\":\"" + INTERNAL + "\"}";
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(text);
    }
}
