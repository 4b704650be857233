package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;

/** One connected WebSocket client and what it has done so far. */
final class BridgeSession implements BridgeClient {

    private final WebSocketChannel channel;
    private volatile boolean authenticated;
    private volatile BridgeFilter filter;

    BridgeSession(WebSocketChannel channel, BridgeFilter defaultFilter) {
        this.channel = channel;
        this.filter = defaultFilter;
    }

    @Override
    public BridgeFilter filter() {
        return filter;
    }

    @Override
    public void filter(BridgeFilter newFilter) {
        filter = newFilter;
    }

    @Override
    public boolean authenticated() {
        return authenticated;
    }

    void authenticate() {
        authenticated = true;
    }

    @Override
    public void send(ObjectNode message) {
        WebSockets.sendText(message.toString(), channel, null);
    }
}
