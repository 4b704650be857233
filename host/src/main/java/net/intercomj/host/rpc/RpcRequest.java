package net.intercomj.host.rpc;

import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/** What a route sees of a request: its query parameters, already URL-decoded. */
public final class RpcRequest {

    private final Map<String, Deque<String>> query;

    RpcRequest(Map<String, Deque<String>> query) {
        this.query = query;
    }

    /** The first value of query parameter {@code name} (as {@code URLSearchParams.get}), if given. */
    public Optional<String> query(String name) {
        Deque<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
