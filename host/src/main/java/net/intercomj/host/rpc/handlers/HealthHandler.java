package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.intercomj.host.rpc.RpcRequest;
import net.intercomj.host.rpc.RpcRoute;

/**
 * {@code GET /v1/health} → {@code {"ok":true}}. The one route served without the token: it says
 * only that the peer's RPC is up, which supervisors and load balancers check without secrets.
 */
public final class HealthHandler implements RpcRoute {

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/v1/health";
    }

    @Override
    public boolean open() {
        return true;
    }

    @Override
    public JsonNode handle(RpcRequest request) {
        return JsonNodeFactory.instance.objectNode().put("ok", true);
    }
}
