package net.intercomj.host.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.host.bridge.BridgeSettings.Limits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bridge's defences beyond the original (spec §6.31): a message size limit, a cap on wrong
 * tokens, an Origin check against other sites' pages and DNS rebinding, dropping clients that
 * do not read, and a constant-time token compare.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BridgeSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SMALL_MESSAGE_LIMIT = 64 * 1024;
    private static final String AUTH = "{\"type\":\"auth\",\"token\":\"" + TestBridge.TOKEN + "\"}";
    private static final String UNAUTHORIZED = "{\"type\":\"error\",\"error\":\"Unauthorized.\"}";

    private TestBridge peer = TestBridge.start();

    @AfterEach
    void stop() {
        peer.close();
    }

    private void restart(Consumer<TestBridge.Spec> spec) {
        peer.close();
        peer = TestBridge.start(spec);
    }

    // (a) Message size. Each oversized message is one byte over, so the bridge has read all of it
    // when it closes the socket. A sender still writing a far larger message may get a TCP reset
    // before it reads the 1009 close frame, which would make the code untestable.

    /** A ping of exactly {@code bytes} UTF-8 bytes. */
    private static String pingOf(int bytes) {
        String head = "{\"id\":1,\"type\":\"ping\",\"pad\":\"";
        String tail = "\"}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }

    @Test
    void aMessageUpToTheLimitIsAnsweredAndALargerOneClosesTheConnectionWith1009() throws Exception {
        restart(spec -> spec.limits = new Limits(SMALL_MESSAGE_LIMIT, 8L << 20, 5, Duration.ofSeconds(30)));
        WsClient bystander = peer.authenticated();
        WsClient client = peer.authenticated();
        assertThat(pingOf(SMALL_MESSAGE_LIMIT)).hasSize(SMALL_MESSAGE_LIMIT);
        assertThat(client.ask(pingOf(SMALL_MESSAGE_LIMIT)).path("type").asText()).isEqualTo("pong");
        client.sendBinary(pingOf(SMALL_MESSAGE_LIMIT).getBytes(StandardCharsets.UTF_8));
        assertThat(client.next().path("type").asText()).isEqualTo("pong");

        trySend(() -> client.send(pingOf(SMALL_MESSAGE_LIMIT + 1)));
        assertThat(client.closed.get(10, TimeUnit.SECONDS).code()).isEqualTo(1009);
        assertStillServing(bystander);
    }

    @Test
    void anOversizedBinaryMessageAlsoClosesWith1009() throws Exception {
        restart(spec -> spec.limits = new Limits(SMALL_MESSAGE_LIMIT, 8L << 20, 5, Duration.ofSeconds(30)));
        WsClient client = peer.connect();
        client.next();
        trySend(() -> client.sendBinary(new byte[SMALL_MESSAGE_LIMIT + 1]));
        assertThat(client.closed.get(10, TimeUnit.SECONDS).code()).as("even before auth").isEqualTo(1009);
        assertStillServing(peer.authenticated());
    }

    @Test
    void fragmentsCountTowardsTheLimitOfTheirMessage() throws Exception {
        restart(spec -> spec.limits = new Limits(SMALL_MESSAGE_LIMIT, 8L << 20, 5, Duration.ofSeconds(30)));
        WsClient client = peer.authenticated();
        String message = pingOf(SMALL_MESSAGE_LIMIT + 1);
        int half = message.length() / 2;
        trySend(() -> {
            client.socket().sendText(message.substring(0, half), false).join();
            client.socket().sendText(message.substring(half), true).join();
        });
        assertThat(client.closed.get(10, TimeUnit.SECONDS).code()).isEqualTo(1009);
        assertStillServing(peer.authenticated());
    }

    // (b) Wrong tokens

    @Test
    void aConnectionIsClosedWith1008AfterTooManyWrongTokens() throws Exception {
        WsClient guesser = peer.connect();
        for (int i = 0; i < Limits.DEFAULTS.maxFailedAuths(); i++) {
            guesser.send("{\"type\":\"auth\",\"token\":\"guess-" + i + "\"}");
        }
        WsClient.Closed closed = guesser.closed.get(10, TimeUnit.SECONDS);
        assertThat(closed).isEqualTo(new WsClient.Closed(1008, "Too many failed auth attempts."));
        List<String> frames = guesser.frames.stream().map(JsonNode::toString).toList();
        assertThat(frames).as("hello, then one error per attempt").hasSize(1 + Limits.DEFAULTS.maxFailedAuths());
        assertThat(frames.getFirst()).startsWith("{\"type\":\"hello\"");
        assertThat(frames.subList(1, frames.size())).containsOnly(UNAUTHORIZED);
        // The cap is per connection: a new one may still authenticate.
        assertStillServing(peer.authenticated());
    }

    @Test
    void wrongTokensBelowTheCapLeaveTheConnectionOpenAndTheRightOneStillWorks() throws Exception {
        restart(spec -> spec.limits = new Limits(4 << 20, 8L << 20, 3, Duration.ofSeconds(30)));
        WsClient client = peer.connect();
        client.next();
        assertThat(client.ask("{\"type\":\"auth\",\"token\":\"one\"}").toString()).isEqualTo(UNAUTHORIZED);
        assertThat(client.ask("{\"type\":\"auth\",\"token\":\"two\"}").toString()).isEqualTo(UNAUTHORIZED);
        assertThat(client.ask("{\"type\":\"ping\"}").toString()).as("other requests are no attempts")
                .isEqualTo(UNAUTHORIZED);
        assertThat(client.ask(AUTH).toString()).isEqualTo("{\"type\":\"auth_ok\"}");
        assertThat(client.ask("{\"id\":1,\"type\":\"ping\"}").path("type").asText()).isEqualTo("pong");
        // A third wrong token, even after success, reaches the cap.
        assertThat(client.ask("{\"type\":\"auth\",\"token\":\"three\"}").toString()).isEqualTo(UNAUTHORIZED);
        assertThat(client.closed.get(10, TimeUnit.SECONDS))
                .isEqualTo(new WsClient.Closed(1008, "Too many failed auth attempts."));
    }

    // (c) Origin

    @Test
    void aHandshakeFromAnotherSitesPageIsRefused() throws Exception {
        assertThatThrownBy(() -> peer.connect(Map.of("Origin", "http://evil.example")))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
        TestBridge.RawResponse response = peer.raw(upgrade("127.0.0.1:" + peer.port(), "http://evil.example"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).startsWith("Origin not allowed: ").isEqualTo("Origin not allowed: http://evil.example");
        assertThat(peer.bridge.clientCount()).isZero();
    }

    @Test
    void theBridgesOwnOriginNoOriginAndListedOriginsAreAccepted() throws Exception {
        restart(spec -> spec.origins = List.of("https://app.example", "http://localhost:3000/"));
        int port = peer.port();
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Origin", "http://127.0.0.1:" + port),
                Map.of("Origin", "https://app.example"), Map.of("Origin", "HTTP://LOCALHOST:3000"))) {
            WsClient client = peer.connect(headers);
            assertThat(client.next().path("type").asText()).as("%s", headers).isEqualTo("hello");
        }
        for (String origin : List.of("https://app.example.evil", "http://app.example", "https://evil.example",
                "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1), "null", "file://")) {
            assertThat(peer.raw(upgrade("127.0.0.1:" + port, origin)).status()).as(origin).isEqualTo(403);
        }
    }

    @Test
    void aDnsRebindingPageIsRefusedThoughItsOriginMatchesItsHost() throws Exception {
        int port = peer.port();
        TestBridge.RawResponse rebound = peer.raw(upgrade("evil.example:" + port, "http://evil.example:" + port));
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.body()).isEqualTo("Origin not allowed: http://evil.example:" + port);
        // The same shape by a loopback name or the listening address is the bridge's own page.
        assertThat(peer.raw(upgrade("127.0.0.1:" + port, "http://127.0.0.1:" + port)).status()).isEqualTo(101);
        assertThat(peer.raw(upgrade("localhost:" + port, "http://localhost:" + port)).status()).isEqualTo(101);
        assertThat(peer.raw(upgrade("[::1]:" + port, "http://[::1]:" + port)).status()).isEqualTo(101);
        assertThat(peer.raw(upgrade("127.0.0.1:" + port, "http://localhost:" + port)).status())
                .as("an origin that is not the Host asked for").isEqualTo(403);
    }

    @Test
    void theOriginCheckGuardsOnlyHandshakes() throws Exception {
        TestBridge.RawResponse plain = peer.raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + peer.port()
                + "\r\nOrigin: http://evil.example\r\nConnection: close");
        assertThat(plain.status()).isEqualTo(426);
    }

    /** A handshake request's head; {@code origin} may be null for none. */
    private static String upgrade(String host, String origin) {
        return "GET / HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13"
                + (origin == null ? "" : "\r\nOrigin: " + origin);
    }

    // (d) Slow clients

    @Test
    void aClientThatDoesNotReadIsDroppedWhileOthersGetEveryMessageInOrder() throws Exception {
        restart(spec -> spec.limits = new Limits(4 << 20, 256 * 1024, 5, Duration.ofSeconds(30)));
        WsClient reader = peer.authenticated();
        try (RawWebSocket stalled = RawWebSocket.connect(peer.port(), 4096)) {
            assertThat(JSON.readTree(stalled.readText()).path("type").asText()).isEqualTo("hello");
            stalled.sendText(AUTH);
            assertThat(stalled.readText()).isEqualTo("{\"type\":\"auth_ok\"}");
            assertThat(peer.bridge.clientCount()).isEqualTo(2);

            // From here the stalled client reads nothing. Batches keep the reader's own backlog small.
            String pad = "p".repeat(1000);
            int delivered = 0;
            for (int batch = 0; batch < 500 && peer.bridge.clientCount() == 2; batch++) {
                for (int i = 0; i < 32; i++) {
                    deliver(delivered++, pad);
                }
                for (int i = delivered - 32; i < delivered; i++) {
                    assertThat(reader.next().path("id").asText()).isEqualTo("m" + i);
                }
            }
            await("the stalled client is dropped").atMost(Duration.ofSeconds(20))
                    .until(() -> peer.bridge.clientCount() == 1);
            assertThat(stalled.drainToEnd()).as("the server ended the stalled connection").isTrue();

            for (int i = 0; i < 100; i++) {
                deliver(delivered + i, pad);
            }
            for (int i = 0; i < 100; i++) {
                assertThat(reader.next().path("id").asText()).isEqualTo("m" + (delivered + i));
            }
            assertThat(reader.ask("{\"id\":7,\"type\":\"ping\"}").path("type").asText()).isEqualTo("pong");
            assertThat(reader.closed).isNotDone();
            assertThat(peer.bridge.clientCount()).isEqualTo(1);
        }
    }

    private void deliver(int n, String pad) {
        peer.bridge.deliver(new SidechannelMessage("c", "m" + n, "a1".repeat(32), "a1".repeat(32), "5e".repeat(64),
                Optional.empty(), 3, n, "\"" + pad + "\""));
    }

    // (e) Token compare

    @Test
    void theTokenCheckMatchesOnlyTheExactToken() {
        TokenCheck check = new TokenCheck("s3cret-tökén");
        assertThat(check.matches("s3cret-tökén")).isTrue();
        assertThat(check.matches(new String("s3cret-tökén".toCharArray()))).isTrue();
        assertThat(check.matches("s3cret-tokén")).as("same length, one letter off").isFalse();
        assertThat(check.matches("S3cret-tökén")).as("case").isFalse();
        assertThat(check.matches("s3cret-tökéN")).as("last letter").isFalse();
        assertThat(check.matches("s3cret-tök")).as("a prefix").isFalse();
        assertThat(check.matches("s3cret-tökén ")).as("longer").isFalse();
        assertThat(check.matches("s3cret-tökéns3cret-tökén")).as("repeated").isFalse();
        assertThat(check.matches("")).as("empty").isFalse();
        assertThat(check.matches("s3cret-to\u0308ke\u0301n")).as("another normal form is other bytes").isFalse();
        assertThat(new TokenCheck("x").matches("x")).isTrue();
        assertThat(new TokenCheck("x").matches("y")).isFalse();
    }

    // Helpers

    private interface Sending {
        void run();
    }

    /** Sends what the server may refuse midway: a failed send is expected then. */
    private static void trySend(Sending sending) {
        try {
            sending.run();
        } catch (CompletionException | IllegalStateException e) {
            // The server closed the connection while the message was still going out.
        }
    }

    /** The other client still gets answers and new clients can connect. */
    private void assertStillServing(WsClient client) throws Exception {
        assertThat(client.ask("{\"id\":99,\"type\":\"ping\"}").path("id").asInt()).isEqualTo(99);
        assertThat(client.closed).isNotDone();
        WsClient fresh = peer.authenticated();
        assertThat(fresh.ask("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("pong");
    }

    /**
     * A WebSocket client written by hand on a plain socket, so the test decides when (and
     * whether) it reads; its receive buffer is set before connecting, so it stays small.
     */
    private static final class RawWebSocket implements AutoCloseable {

        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private final Random masks = new Random(7);

        private RawWebSocket(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        static RawWebSocket connect(int port, int receiveBuffer) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBuffer);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            RawWebSocket ws = new RawWebSocket(socket);
            ws.out.write((upgrade("127.0.0.1:" + port, null) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            ws.out.flush();
            TestBridge.RawResponse response = TestBridge.RawResponse.read(ws.in);
            assertThat(response.status()).isEqualTo(101);
            assertThat(response.headers().get("sec-websocket-accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
            return ws;
        }

        /** Sends a masked text frame, as clients must. */
        void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] mask = new byte[4];
            masks.nextBytes(mask);
            out.write(0x81);
            if (payload.length < 126) {
                out.write(0x80 | payload.length);
            } else {
                out.write(0x80 | 126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xff);
            }
            out.write(mask);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i % 4]);
            }
            out.flush();
        }

        /** Reads one unfragmented text frame from the server. */
        String readText() throws IOException {
            int first = in.readUnsignedByte();
            assertThat(first).as("a final text frame").isEqualTo(0x81);
            int second = in.readUnsignedByte();
            assertThat(second & 0x80).as("server frames are not masked").isZero();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** Reads whatever is buffered; true when the server ended the connection, false if it stayed open. */
        boolean drainToEnd() throws IOException {
            byte[] buffer = new byte[64 * 1024];
            InputStream raw = socket.getInputStream();
            try {
                while (raw.read(buffer) >= 0) {
                    // Discard what was sent before the drop.
                }
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aConnectionThatDoesNotAuthenticateInTimeIsClosedAndAnAuthenticatedOneStays() throws Exception {
        restart(spec -> spec.limits = Limits.DEFAULTS.withAuthTimeout(Duration.ofMillis(300)));
        WsClient authenticated = peer.authenticated();
        WsClient idle = peer.connect();
        assertThat(idle.next().path("type").asText()).isEqualTo("hello");
        WsClient.Closed closed = idle.closed.get(10, TimeUnit.SECONDS);
        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).isEqualTo("Authentication timed out.");
        // The authenticated client connected before the idle one, so its deadline passed too.
        assertThat(authenticated.ask("{\"id\":1,\"type\":\"ping\"}").path("type").asText()).isEqualTo("pong");
        assertThat(authenticated.closed).isNotDone();
    }
}
