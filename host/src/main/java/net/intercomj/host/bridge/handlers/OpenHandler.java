package net.intercomj.host.bridge.handlers;

import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.JsValues;
import net.intercomj.host.bridge.Replies;

/**
 * {@code open} → {@code open_requested}: asks the peers on {@code via} (the entry channel by
 * default) to open {@code channel}. The error comes only when the request could not be sent.
 */
public final class OpenHandler extends SidechannelHandler {

    static final String DENIED = "Open request denied (invalid input or missing invite/welcome).";

    public OpenHandler(Supplier<Optional<Sidechannels>> sidechannels) {
        super(sidechannels);
    }

    @Override
    public String type() {
        return "open";
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    void handle(Sidechannels plane, BridgeClient client, BridgeRequest request) throws Arguments.InvalidArgument {
        String channel = requireChannel(request);
        Optional<String> via = JsValues.truthy(request.body().path("via"))
                ? Optional.of(JsValues.string(request.body().path("via"))) : Optional.empty();
        Optional<String> invite = Arguments.invite(request);
        Optional<String> welcome = Arguments.welcome(request);
        boolean requested;
        try {
            requested = plane.requestOpen(channel, via, invite, welcome);
        } catch (RuntimeException e) {
            requested = false;
        }
        client.send(requested
                ? Replies.reply(request.id(), "open_requested").put("channel", channel).put("via", via.orElse(null))
                : Replies.error(request.id(), DENIED));
    }
}
