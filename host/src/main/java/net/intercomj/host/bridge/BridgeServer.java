package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.xnio.Buffers;
import org.xnio.Pooled;

/**
 * The bridge's HTTP side on Undertow's core API. A WebSocket handshake (after the origin check)
 * becomes a client: it gets {@code hello} at once, then every text or binary message is one
 * request for the dispatcher. {@code /apps/} serves the plugins' web apps. Any other plain HTTP
 * request gets {@code 426 Upgrade Required}, as from the original.
 */
final class BridgeServer implements AutoCloseable {

    static final String AUTH_TIMED_OUT = "Authentication timed out.";

    private final Undertow server;

    private BridgeServer(Undertow server) {
        this.server = server;
    }

    /**
     * @param helloFrame the {@code hello} for a new client, asked per connection because plugins
     *     may add fields to it while the bridge runs
     */
    static BridgeServer start(BridgeSettings settings, Hello hello, Supplier<ObjectNode> helloFrame,
            BridgeDispatcher dispatcher, BridgeClients clients, HttpHandler webApps) {
        BridgeFilter defaultFilter = BridgeFilter.parse(hello.defaultFilter());
        int maxMessage = settings.limits().maxMessageBytes();
        HttpHandler upgradeRequired = exchange -> {
            exchange.setStatusCode(StatusCodes.UPGRADE_REQUIRED);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
            exchange.getResponseSender().send("Upgrade Required");
        };
        HttpHandler http = Handlers.path(upgradeRequired).addPrefixPath("/apps", webApps);
        HttpHandler websocket = Handlers.websocket((exchange, channel) -> {
            BridgeSession session = new BridgeSession(channel, defaultFilter, settings.limits().maxQueuedBytes(),
                    settings.debug());
            clients.add(session);
            channel.addCloseTask(closed -> clients.remove(session));
            channel.getIoThread().executeAfter(() -> {
                if (!session.authenticated()) {
                    session.close(BridgeSession.POLICY_VIOLATION, AUTH_TIMED_OUT);
                }
            }, settings.limits().authTimeout().toMillis(), TimeUnit.MILLISECONDS);
            session.send(helloFrame.get());
            channel.getReceiveSetter().set(new AbstractReceiveListener() {
                @Override
                protected long getMaxTextBufferSize() {
                    return maxMessage;
                }

                @Override
                protected long getMaxBinaryBufferSize() {
                    return maxMessage;
                }

                @Override
                protected void onFullTextMessage(WebSocketChannel from, BufferedTextMessage message) {
                    dispatcher.dispatch(session, message.getData());
                }

                @Override
                protected void onFullBinaryMessage(WebSocketChannel from, BufferedBinaryMessage message) {
                    // The original decoded binary frames as UTF-8 text too.
                    try (Pooled<ByteBuffer[]> data = message.getData()) {
                        ByteBuffer[] buffers = data.getResource();
                        ByteBuffer whole = ByteBuffer.allocate((int) Buffers.remaining(buffers));
                        for (ByteBuffer buffer : buffers) {
                            whole.put(buffer);
                        }
                        dispatcher.dispatch(session, new String(whole.array(), StandardCharsets.UTF_8));
                    }
                }
            });
            channel.resumeReceives();
        }, http);
        Undertow server = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setHandler(new OriginCheck(settings.origins(), settings.host(), websocket))
                .build();
        server.start();
        return new BridgeServer(server);
    }

    /** The address actually listened on. */
    InetSocketAddress address() {
        return (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    }

    @Override
    public void close() {
        server.stop();
    }
}
