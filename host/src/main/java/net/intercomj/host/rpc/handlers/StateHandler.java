package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import net.intercomj.host.rpc.RpcException;
import net.intercomj.host.rpc.RpcRequest;
import net.intercomj.host.rpc.RpcRoute;
import net.intercomj.host.subnet.view.ViewReader;

/**
 * {@code GET /v1/state?key=<key>&confirmed=true|false} → {@code {"key", "confirmed", "value"}}:
 * one key of the subnet's confirmed view (the default) or of its unconfirmed one; the stored JSON,
 * or null. {@code confirmed} must be {@code true} or {@code false}: the original read every other
 * word, {@code 1} included, as false, silently.
 */
public final class StateHandler implements RpcRoute {

    static final String MISSING_KEY = "Missing key.";
    static final String INVALID_CONFIRMED = "Invalid confirmed. Use true or false.";

    private final Supplier<ViewReader> confirmed;
    private final Supplier<ViewReader> unconfirmed;

    public StateHandler(Supplier<ViewReader> confirmed, Supplier<ViewReader> unconfirmed) {
        this.confirmed = confirmed;
        this.unconfirmed = unconfirmed;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/v1/state";
    }

    @Override
    public JsonNode handle(RpcRequest request) {
        String key = request.query("key").filter(text -> !text.isEmpty())
                .orElseThrow(() -> RpcException.badRequest(MISSING_KEY));
        boolean fromConfirmed = request.query("confirmed").map(text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RpcException.badRequest(INVALID_CONFIRMED);
        }).orElse(true);
        ViewReader view = fromConfirmed ? confirmed.get() : unconfirmed.get();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("key", key);
        out.put("confirmed", fromConfirmed);
        out.set("value", ViewValues.json(view.get(key)));
        return out;
    }
}
