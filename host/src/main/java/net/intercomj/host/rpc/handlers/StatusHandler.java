package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import net.intercomj.host.msb.MsbNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import net.intercomj.host.rpc.RpcRequest;
import net.intercomj.host.rpc.RpcRoute;

/**
 * {@code GET /v1/status} → {@code {"peer":{…}, "msb":{"ready", "bootstrapHex", "networkId",
 * "signedLength"}}} ({@link PeerStatus}); {@code ready} is false until this peer's MSB runs.
 */
public final class StatusHandler implements RpcRoute {

    private final Supplier<PeerStatus> status;
    private final Supplier<Optional<MsbNode>> msb;

    public StatusHandler(Supplier<PeerStatus> status, Supplier<Optional<MsbNode>> msb) {
        this.status = status;
        this.msb = msb;
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
        ObjectNode json = status.get().toJson();
        msb.get().ifPresent(node -> json.putObject("msb").put("ready", true)
                .put("bootstrapHex", node.network().bootstrap().toHex()).put("networkId", node.network().networkId())
                .put("signedLength", node.confirmed().length()));
        return json;
    }
}
