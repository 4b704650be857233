package net.intercomj.host.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/** What a route sees of a request: its query parameters, already URL-decoded, and its JSON body. */
public final class RpcRequest {

    private final Map<String, Deque<String>> query;
    private final Optional<JsonNode> body;

    RpcRequest(Map<String, Deque<String>> query, Optional<JsonNode> body) {
        this.query = query;
        this.body = body;
    }

    /** The JSON body; empty when the request had none (the original's {@code null}). */
    public Optional<JsonNode> body() {
        return body;
    }

    /** The first value of query parameter {@code name} (as {@code URLSearchParams.get}), if given. */
    public Optional<String> query(String name) {
        Deque<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
