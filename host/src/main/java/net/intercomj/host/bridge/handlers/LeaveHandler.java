package net.intercomj.host.bridge.handlers;

import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.Replies;

/**
 * {@code leave} → {@code left} with {@code ok:false} for the entry channel or a channel not
 * joined. The channel also leaves this client's subscriptions.
 */
public final class LeaveHandler extends SidechannelHandler {

    public LeaveHandler(Supplier<Optional<Sidechannels>> sidechannels) {
        super(sidechannels);
    }

    @Override
    public String type() {
        return "leave";
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    void handle(Sidechannels plane, BridgeClient client, BridgeRequest request) throws Arguments.InvalidArgument {
        String channel = requireChannel(request);
        boolean left;
        try {
            left = plane.leave(channel);
        } catch (RuntimeException e) {
            client.send(Replies.error(request.id(), failure("Leave failed", e)));
            return;
        }
        client.updateSubscriptions(channels -> {
            channels.remove(channel);
            return channels;
        });
        client.send(Replies.reply(request.id(), "left").put("channel", channel).put("ok", left));
    }
}
