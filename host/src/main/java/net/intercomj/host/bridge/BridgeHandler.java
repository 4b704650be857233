package net.intercomj.host.bridge;

/** Answers one message type of an authenticated client, e.g. {@code ping}. */
public interface BridgeHandler {

    /** The {@code type} this handler answers. */
    String type();

    /**
     * Whether answering may block (on the network, a command or a plugin). Such requests run on
     * a virtual thread, one at a time per client, and their replies may come after those of
     * later quick requests, as from the original's asynchronous {@code join}.
     */
    default boolean blocking() {
        return false;
    }

    /** Handles {@code request}; replies go to {@code client}, carrying the request's id. */
    void handle(BridgeClient client, BridgeRequest request);
}
