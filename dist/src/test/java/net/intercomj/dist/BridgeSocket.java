package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client of a peer's SC-Bridge, as an agent would be: it keeps every frame it receives, in order. */
final class BridgeSocket implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Connects to the bridge on {@code port} and checks the {@code hello}. */
    static BridgeSocket connect(HttpClient http, int port) throws Exception {
        BridgeSocket client = new BridgeSocket();
        client.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), client)
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

    /** The next frame within {@code within}, or null. */
    JsonNode poll(Duration within) throws InterruptedException {
        return frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next frame, which must come within the reply deadline. */
    JsonNode next() throws InterruptedException {
        JsonNode frame = poll(PeerProcess.REPLY);
        assertThat(frame).as("a frame from the bridge").isNotNull();
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

    @Override
    public void close() {
        socket.abort();
    }
}
