package net.intercomj.host.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One route of the RPC: a method and an exact path (no prefix matching, no query string), and
 * what answers it. Handlers run on a worker thread, so they may read the store.
 */
public interface RpcRoute {

    /** The HTTP method, upper case: {@code GET}. */
    String method();

    /** The exact path, e.g. {@code /v1/status}. */
    String path();

    /** Whether the route answers without the token; only {@code GET /v1/health} does. */
    default boolean open() {
        return false;
    }

    /**
     * Answers one request with the JSON of a {@code 200} response.
     *
     * @throws RpcException for a request the client got wrong (a 4xx with its message); any other
     *                      exception is a 500 whose details are logged, not sent
     */
    JsonNode handle(RpcRequest request);
}
