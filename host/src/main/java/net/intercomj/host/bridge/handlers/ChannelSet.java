package net.intercomj.host.bridge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.JsValues;
import net.intercomj.host.bridge.Replies;

/** The channels a {@code subscribe} or {@code unsubscribe} names, and the reply both give. */
final class ChannelSet {

    private ChannelSet() {}

    /** {@code channels:[…]} when it is an array, else {@code channel} when given; each as {@code String(x)}. */
    static List<String> named(BridgeRequest request) {
        JsonNode channels = request.body().path("channels");
        List<String> names = new ArrayList<>();
        if (channels.isArray()) {
            channels.forEach(channel -> names.add(JsValues.string(channel)));
        } else if (JsValues.truthy(request.body().path("channel"))) {
            names.add(JsValues.string(request.body().path("channel")));
        }
        return names;
    }

    /** {@code {type:"subscribed", channels:[<the client's set>]}}. */
    static void reply(BridgeClient client, BridgeRequest request) {
        Set<String> current = client.subscriptions();
        var reply = Replies.reply(request.id(), "subscribed");
        var array = reply.putArray("channels");
        current.forEach(array::add);
        client.send(reply);
    }
}
