package net.intercomj.host.bridge.handlers;

import java.util.function.Supplier;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.Replies;

/**
 * {@code info} → {@code {type:"info", info:{…}}}: the peer's public facts. The peer always has
 * them, so the original's {@code Info not available.} cannot occur.
 */
public final class InfoHandler implements BridgeHandler {

    private final Supplier<PeerInfo> info;

    public InfoHandler(Supplier<PeerInfo> info) {
        this.info = info;
    }

    @Override
    public String type() {
        return "info";
    }

    @Override
    public void handle(BridgeClient client, BridgeRequest request) {
        var reply = Replies.reply(request.id(), "info");
        reply.set("info", info.get().toJson());
        client.send(reply);
    }
}
