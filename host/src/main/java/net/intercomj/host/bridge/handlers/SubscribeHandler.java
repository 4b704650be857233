package net.intercomj.host.bridge.handlers;

import java.util.List;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeRequest;

/** {@code subscribe} → {@code subscribed}: the client then gets events of these channels only (spec §3.8). */
public final class SubscribeHandler implements BridgeHandler {

    @Override
    public String type() {
        return "subscribe";
    }

    @Override
    public void handle(BridgeClient client, BridgeRequest request) {
        List<String> named = ChannelSet.named(request);
        client.updateSubscriptions(channels -> {
            channels.addAll(named);
            return channels;
        });
        ChannelSet.reply(client, request);
    }
}
