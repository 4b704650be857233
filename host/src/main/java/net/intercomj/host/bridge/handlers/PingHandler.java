package net.intercomj.host.bridge.handlers;

import java.time.Clock;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.Replies;

/** {@code ping} → {@code {type:"pong", ts:<ms>}}. */
public final class PingHandler implements BridgeHandler {

    private final Clock clock;

    public PingHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "ping";
    }

    @Override
    public void handle(BridgeClient client, BridgeRequest request) {
        client.send(Replies.reply(request.id(), "pong").put("ts", clock.millis()));
    }
}
