package net.intercomj.host.bridge.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.Replies;

/**
 * {@code send} → {@code sent}: broadcasts {@code message} on {@code channel}. Unlike the original,
 * the channel is joined first, as {@code /sc_send} does (spec §6.6), so replies can come back.
 * The sender gets no copy of its own message.
 */
public final class SendHandler extends SidechannelHandler {

    static final String DENIED = "Send denied (invite required or invalid).";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SendHandler(Supplier<Optional<Sidechannels>> sidechannels) {
        super(sidechannels);
    }

    @Override
    public String type() {
        return "send";
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
        JsonNode message = request.body().path("message");
        // An absent message was dropped from the original's JSON; null is the nearest value.
        String messageJson = message.isMissingNode() ? "null" : message.toString();
        boolean sent;
        try {
            sent = plane.send(channel, messageJson, withWelcome(invite, welcome), welcome);
        } catch (RuntimeException e) {
            client.send(Replies.error(request.id(), failure("Send failed", e)));
            return;
        }
        client.send(sent ? Replies.reply(request.id(), "sent").put("channel", channel)
                : Replies.error(request.id(), DENIED));
    }

    /** With both, the welcome rides inside the invite unless it already carries one (as the original). */
    private static Optional<String> withWelcome(Optional<String> invite, Optional<String> welcome) {
        if (invite.isEmpty() || welcome.isEmpty()) {
            return invite;
        }
        try {
            JsonNode inviteNode = JSON.readTree(invite.get());
            if (!(inviteNode instanceof ObjectNode object) || object.has("welcome")) {
                return invite;
            }
            object.set("welcome", JSON.readTree(welcome.get()));
            return Optional.of(object.toString());
        } catch (JsonProcessingException e) {
            return invite;
        }
    }
}
