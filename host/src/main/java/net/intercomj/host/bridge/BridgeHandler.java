package net.intercomj.host.bridge;

/** Answers one message type of an authenticated client, e.g. {@code ping}. */
public interface BridgeHandler {

    /** The {@code type} this handler answers. */
    String type();

    /** Handles {@code request}; replies go to {@code client}, carrying the request's id. */
    void handle(BridgeClient client, BridgeRequest request);
}
