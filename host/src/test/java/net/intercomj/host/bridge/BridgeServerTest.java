package net.intercomj.host.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.bridge.handlers.ClearFilterHandler;
import net.intercomj.host.bridge.handlers.PingHandler;
import net.intercomj.host.bridge.handlers.SetFilterHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bridge's connection, auth and generic answers through a real WebSocket client (spec §3.2–3.4, §5.7–5.12, §5.20). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BridgeServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEER = "ab".repeat(32);
    private static final String TOKEN = "s3cret-token";

    private BridgeServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A client that keeps every text frame it receives. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

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

        JsonNode next() throws InterruptedException {
            JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 10 s").isNotNull();
            return frame;
        }

        JsonNode ask(String text) throws InterruptedException {
            socket.sendText(text, true).join();
            return next();
        }
    }

    @BeforeEach
    void start() {
        server = BridgeServer.start("127.0.0.1", 0, TOKEN,
                new BridgeServer.Hello(PEER, "trac1example", "0000intercom", ""), List.of(new PingHandler(Clock.systemUTC()), new SetFilterHandler(), new ClearFilterHandler()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Client connect() throws Exception {
        Client client = new Client();
        client.socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.address().getPort() + "/"), client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    private Client authenticated() throws Exception {
        Client client = connect();
        client.next();
        assertThat(client.ask("{\"type\":\"auth\",\"token\":\"" + TOKEN + "\"}").toString())
                .isEqualTo("{\"type\":\"auth_ok\"}");
        return client;
    }

    @Test
    void theFirstFrameIsHelloBeforeAuth() throws Exception {
        Client client = connect();
        assertThat(client.next().toString()).isEqualTo("{\"type\":\"hello\",\"peer\":\"" + PEER
                + "\",\"address\":\"trac1example\",\"entryChannel\":\"0000intercom\",\"filter\":\"\",\"requiresAuth\":true}");
    }

    @Test
    void textThatIsNotAJsonObjectGetsTheOriginalsErrors() throws Exception {
        Client client = connect();
        client.next();
        assertThat(client.ask("not json").toString()).isEqualTo("{\"type\":\"error\",\"error\":\"Invalid JSON.\"}");
        for (String value : List.of("null", "42", "\"text\"", "true")) {
            assertThat(client.ask(value).toString()).as(value)
                    .isEqualTo("{\"type\":\"error\",\"error\":\"Invalid message.\"}");
        }
        // Arrays count as objects, so they meet the auth check, as in the original.
        assertThat(client.ask("[1,2]").path("error").asText()).isEqualTo("Unauthorized.");
    }

    @Test
    void everythingButAuthIsRefusedUntilTheTokenIsGivenAndIntegerIdsAreEchoed() throws Exception {
        Client client = connect();
        client.next();
        assertThat(client.ask("{\"id\":7,\"type\":\"ping\"}").toString())
                .isEqualTo("{\"id\":7,\"type\":\"error\",\"error\":\"Unauthorized.\"}");
        assertThat(client.ask("{\"id\":8,\"type\":\"auth\",\"token\":\"wrong\"}").toString())
                .isEqualTo("{\"id\":8,\"type\":\"error\",\"error\":\"Unauthorized.\"}");
        assertThat(client.ask("{\"id\":9,\"type\":\"auth\",\"token\":\"" + TOKEN + "\"}").toString())
                .isEqualTo("{\"id\":9,\"type\":\"auth_ok\"}");
        // A failed attempt later does not undo the success.
        client.ask("{\"type\":\"auth\",\"token\":\"wrong\"}");
        assertThat(client.ask("{\"id\":1,\"type\":\"ping\"}").path("type").asText()).isEqualTo("pong");
    }

    @Test
    void pingAnswersPongWithATimeAndEchoesOnlyIntegerIds() throws Exception {
        Client client = authenticated();
        JsonNode pong = client.ask("{\"id\":1,\"type\":\"ping\"}");
        assertThat(pong.path("id").asLong()).isEqualTo(1);
        assertThat(pong.path("type").asText()).isEqualTo("pong");
        assertThat(pong.path("ts").isIntegralNumber()).isTrue();
        assertThat(client.ask("{\"id\":\"1\",\"type\":\"ping\"}").has("id")).isFalse();
        assertThat(client.ask("{\"id\":1.5,\"type\":\"ping\"}").has("id")).isFalse();
    }

    @Test
    void unknownAndMissingTypesAreNamed() throws Exception {
        Client client = authenticated();
        assertThat(client.ask("{\"type\":\"nope\"}").path("error").asText()).isEqualTo("Unknown type: nope");
        assertThat(client.ask("{}").path("error").asText()).isEqualTo("Unknown type: undefined");
    }

    @Test
    void setFilterEchoesTheFilterAsGivenAndClearFilterEmptiesIt() throws Exception {
        Client client = authenticated();
        assertThat(client.ask("{\"id\":2,\"type\":\"set_filter\",\"filter\":\"Alpha+beta|gamma\"}").toString())
                .isEqualTo("{\"id\":2,\"type\":\"filter_set\",\"filter\":\"Alpha+beta|gamma\"}");
        assertThat(client.ask("{\"type\":\"set_filter\"}").toString())
                .isEqualTo("{\"type\":\"filter_set\",\"filter\":\"\"}");
        assertThat(client.ask("{\"type\":\"clear_filter\"}").toString())
                .isEqualTo("{\"type\":\"filter_set\",\"filter\":\"\"}");
    }

    @Test
    void aPlainHttpRequestIsToldToUpgrade() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.address().getPort() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(426);
        assertThat(response.body()).isEqualTo("Upgrade Required");
    }

    @Test
    void aBridgeWithoutATokenDoesNotStart() {
        assertThatThrownBy(() -> BridgeServer.start("127.0.0.1", 0, " ",
                new BridgeServer.Hello(PEER, null, "0000intercom", ""), List.of()))
                .hasMessage("SC-Bridge requires --sc-bridge-token (auth is mandatory).");
    }
}
