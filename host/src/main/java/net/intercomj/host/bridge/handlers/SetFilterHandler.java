package net.intercomj.host.bridge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeFilter;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.JsValues;
import net.intercomj.host.bridge.Replies;

/** {@code set_filter} → {@code filter_set}, echoing the filter as given ({@code ""} when absent). */
public final class SetFilterHandler implements BridgeHandler {

    @Override
    public String type() {
        return "set_filter";
    }

    @Override
    public void handle(BridgeClient client, BridgeRequest request) {
        JsonNode given = request.body().path("filter");
        // The original used String(message.filter || ''): absent, null, false, 0 and "" mean no filter.
        boolean none = given.isMissingNode() || given.isNull() || (given.isBoolean() && !given.asBoolean())
                || (given.isNumber() && given.asDouble() == 0) || (given.isTextual() && given.asText().isEmpty());
        // String(x): ["a","b"] is "a,b" and {} is "[object Object]", not their JSON.
        String raw = none ? "" : JsValues.string(given);
        client.filter(BridgeFilter.parse(raw));
        var reply = Replies.reply(request.id(), "filter_set");
        if (none) {
            reply.put("filter", "");
        } else {
            reply.set("filter", given);
        }
        client.send(reply);
    }
}
