package net.intercomj.host.bridge.handlers;

import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.Replies;

/** {@code join} → {@code joined}, after accepting the invite and welcome given with it. */
public final class JoinHandler extends SidechannelHandler {

    static final String DENIED = "Join denied (invite required or invalid).";

    public JoinHandler(Supplier<Optional<Sidechannels>> sidechannels) {
        super(sidechannels);
    }

    @Override
    public String type() {
        return "join";
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    void handle(Sidechannels plane, BridgeClient client, BridgeRequest request) throws Arguments.InvalidArgument {
        String channel = requireChannel(request);
        Optional<String> invite = Arguments.invite(request);
        Optional<String> welcome = Arguments.welcome(request);
        boolean joined;
        try {
            joined = plane.join(channel, invite, welcome);
        } catch (RuntimeException e) {
            client.send(Replies.error(request.id(), failure("Join failed", e)));
            return;
        }
        client.send(joined ? Replies.reply(request.id(), "joined").put("channel", channel)
                : Replies.error(request.id(), DENIED));
    }
}
