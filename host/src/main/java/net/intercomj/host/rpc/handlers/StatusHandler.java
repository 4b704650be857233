package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import net.intercomj.host.rpc.RpcRequest;
import net.intercomj.host.rpc.RpcRoute;

/** {@code GET /v1/status} → {@code {"peer":{…}, "msb":{"ready":false, …}}} ({@link PeerStatus}). */
public final class StatusHandler implements RpcRoute {

    private final Supplier<PeerStatus> status;

    public StatusHandler(Supplier<PeerStatus> status) {
        this.status = status;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/v1/status";
    }

    @Override
    public JsonNode handle(RpcRequest request) {
        return status.get().toJson();
    }
}
