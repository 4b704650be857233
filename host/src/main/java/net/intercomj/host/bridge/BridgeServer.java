package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The SC-Bridge's WebSocket server on Undertow's core API. Each connection gets the
 * {@code hello} frame at once, then every text frame is one message for the dispatcher. A plain
 * HTTP request gets {@code 426 Upgrade Required}, as from the original.
 */
public final class BridgeServer implements AutoCloseable {

    /**
     * What {@code hello} tells a client before it authenticates.
     *
     * @param peer          the peer's public key, 64 hex
     * @param address       its {@code trac1…} address
     * @param entryChannel  the sidechannel entry channel
     * @param defaultFilter the filter every new client starts with ({@code --sc-bridge-filter})
     */
    public record Hello(String peer, String address, String entryChannel, String defaultFilter) {
        public Hello {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(entryChannel, "entryChannel");
            Objects.requireNonNull(defaultFilter, "defaultFilter");
        }

        ObjectNode toJson() {
            ObjectNode hello = JsonNodeFactory.instance.objectNode();
            hello.put("type", "hello");
            hello.put("peer", peer);
            hello.put("address", address);
            hello.put("entryChannel", entryChannel);
            hello.put("filter", defaultFilter);
            hello.put("requiresAuth", true);
            return hello;
        }
    }

    private final Undertow server;
    private final BridgeDispatcher dispatcher;

    private BridgeServer(Undertow server, BridgeDispatcher dispatcher) {
        this.server = server;
        this.dispatcher = dispatcher;
    }

    /**
     * Starts listening on {@code host:port} (port 0 picks a free one).
     *
     * @param token the token clients must present; never blank
     */
    public static BridgeServer start(String host, int port, String token, Hello hello, Iterable<BridgeHandler> handlers) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("SC-Bridge requires --sc-bridge-token (auth is mandatory).");
        }
        BridgeDispatcher dispatcher = new BridgeDispatcher(token);
        handlers.forEach(dispatcher::register);
        ObjectNode helloFrame = hello.toJson();
        BridgeFilter defaultFilter = BridgeFilter.parse(hello.defaultFilter());
        Undertow server = Undertow.builder()
                .addHttpListener(port, host)
                .setHandler(Handlers.websocket((exchange, channel) -> {
                    BridgeSession session = new BridgeSession(channel, defaultFilter);
                    session.send(helloFrame.deepCopy());
                    channel.getReceiveSetter().set(new AbstractReceiveListener() {
                        @Override
                        protected void onFullTextMessage(WebSocketChannel from, BufferedTextMessage message) {
                            dispatcher.dispatch(session, message.getData());
                        }
                    });
                    channel.resumeReceives();
                }, exchange -> {
                    exchange.setStatusCode(StatusCodes.UPGRADE_REQUIRED);
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                    exchange.getResponseSender().send("Upgrade Required");
                }))
                .build();
        server.start();
        return new BridgeServer(server, dispatcher);
    }

    /** The address actually listened on. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    }

    @Override
    public void close() {
        server.stop();
    }
}
