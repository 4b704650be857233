package net.intercomj.host.bridge.handlers;

import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeFilter;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.Replies;

/** {@code clear_filter} → {@code filter_set ""}: the client then gets everything, not the default filter. */
public final class ClearFilterHandler implements BridgeHandler {

    @Override
    public String type() {
        return "clear_filter";
    }

    @Override
    public void handle(BridgeClient client, BridgeRequest request) {
        client.filter(BridgeFilter.NONE);
        client.send(Replies.reply(request.id(), "filter_set").put("filter", ""));
    }
}
