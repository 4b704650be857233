package net.intercomj.host.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bridge client on {@link java.net.http.WebSocket} that keeps every frame it receives, in order. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a connection ended, as the server closed it. */
    record Closed(int code, String reason) {}

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static WsClient connect(HttpClient http, int port) throws Exception {
        return connect(http, port, Map.of());
    }

    /** Connects with extra handshake headers, such as {@code Origin}. */
    static WsClient connect(HttpClient http, int port, Map<String, String> headers) throws Exception {
        WsClient client = new WsClient();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        headers.forEach(builder::header);
        client.socket = builder
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new AssertionError("the bridge sent a frame that is not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }

    /** The next frame, within 10 s. */
    JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 10 s").isNotNull();
        return frame;
    }

    /** Sends {@code text} and returns the next frame. */
    JsonNode ask(String text) throws InterruptedException {
        send(text);
        return next();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends {@code data} as one binary message. */
    void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    WebSocket socket() {
        return socket;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
