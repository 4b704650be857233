package net.intercomj.api.bridge;

/** Answers one message type that a plugin added to the bridge. */
@FunctionalInterface
public interface BridgeMessageHandler {

    /**
     * Answers {@code call}. The bridge adds the request's {@code id} to the reply, so clients can
     * match it. An exception becomes an error reply with its message, and the client stays
     * connected.
     */
    BridgeReply handle(BridgeCall call);
}
