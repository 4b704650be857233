package net.intercomj.host.bridge.handlers;

import java.util.List;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeRequest;

/**
 * {@code unsubscribe} → {@code subscribed}. As in the original (spec §3.8), removing the last
 * channel leaves no subscription, and the client then gets every channel again.
 */
public final class UnsubscribeHandler implements BridgeHandler {

    @Override
    public String type() {
        return "unsubscribe";
    }

    @Override
    public void handle(BridgeClient client, BridgeRequest request) {
        List<String> named = ChannelSet.named(request);
        client.updateSubscriptions(channels -> {
            channels.removeAll(named);
            return channels;
        });
        ChannelSet.reply(client, request);
    }
}
