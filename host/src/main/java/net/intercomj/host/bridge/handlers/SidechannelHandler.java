package net.intercomj.host.bridge.handlers;

import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.Replies;

/**
 * A type that acts on the sidechannel plane: answers {@code Sidechannel not ready.} when no plugin
 * offers it, and turns an argument error into its error reply.
 */
abstract class SidechannelHandler implements BridgeHandler {

    static final String NOT_READY = "Sidechannel not ready.";

    private final Supplier<Optional<Sidechannels>> sidechannels;

    SidechannelHandler(Supplier<Optional<Sidechannels>> sidechannels) {
        this.sidechannels = sidechannels;
    }

    @Override
    public final void handle(BridgeClient client, BridgeRequest request) {
        Optional<Sidechannels> plane = sidechannels.get();
        if (plane.isEmpty()) {
            client.send(Replies.error(request.id(), NOT_READY));
            return;
        }
        try {
            handle(plane.get(), client, request);
        } catch (Arguments.InvalidArgument e) {
            client.send(Replies.error(request.id(), e.getMessage()));
        }
    }

    abstract void handle(Sidechannels plane, BridgeClient client, BridgeRequest request) throws Arguments.InvalidArgument;

    /** The channel, or the {@code Missing channel.} error. */
    static String requireChannel(BridgeRequest request) throws Arguments.InvalidArgument {
        String channel = Arguments.channel(request);
        if (channel.isEmpty()) {
            throw new Arguments.InvalidArgument(Arguments.MISSING_CHANNEL);
        }
        return channel;
    }

    /** {@code <prefix>: <message>}, or {@code <prefix>.} when the failure has no message, as the original. */
    static String failure(String prefix, RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? prefix + "." : prefix + ": " + e.getMessage();
    }
}
