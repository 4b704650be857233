package net.intercomj.host.bridge.handlers;

import java.util.LinkedHashSet;
import java.util.Set;
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
        Set<String> channels = new LinkedHashSet<>(client.subscriptions());
        channels.addAll(ChannelSet.named(request));
        client.subscriptions(channels);
        ChannelSet.reply(client, request);
    }
}
