package net.intercomj.host.bridge.handlers;

import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.Replies;

/** {@code stats} → {@code {type:"stats", channels, connectionCount, sidechannelStarted}}. */
public final class StatsHandler extends SidechannelHandler {

    public StatsHandler(Supplier<Optional<Sidechannels>> sidechannels) {
        super(sidechannels);
    }

    @Override
    public String type() {
        return "stats";
    }

    @Override
    void handle(Sidechannels plane, BridgeClient client, BridgeRequest request) {
        var reply = Replies.reply(request.id(), "stats");
        var channels = reply.putArray("channels");
        plane.channels().forEach(channels::add);
        reply.put("connectionCount", plane.connectionCount());
        reply.put("sidechannelStarted", plane.started());
        client.send(reply);
    }
}
