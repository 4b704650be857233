package net.intercomj.host.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import net.intercomj.host.bridge.BridgeSettings.Limits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every client→server type and every error string of the original (spec §3.2–3.5, black-box
 * cases §5.7–5.20), through a real WebSocket client.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BridgeProtocolTest {

    private static final String WELCOME = "{\"payload\":{\"channel\":\"c\"},\"sig\":\"00\"}";
    private static final String INVITE = "{\"payload\":{\"channel\":\"c\",\"invitee\":\"x\"},\"sig\":\"11\"}";

    private TestBridge peer = TestBridge.start();

    @AfterEach
    void stop() {
        peer.close();
    }

    private void restart(Consumer<TestBridge.Spec> spec) {
        peer.close();
        peer = TestBridge.start(spec);
    }

    @Test
    void theFirstFrameIsHelloBeforeAuth() throws Exception {
        WsClient client = peer.connect();
        assertThat(client.next().toString()).isEqualTo("{\"type\":\"hello\",\"peer\":\"" + TestBridge.PEER
                + "\",\"address\":\"trac1example\",\"entryChannel\":\"0000intercom\",\"filter\":\"\",\"requiresAuth\":true}");
    }

    @Test
    void helloReportsTheDefaultFilter() throws Exception {
        restart(spec -> spec.filter = "alpha|beta");
        assertThat(peer.connect().next().path("filter").asText()).isEqualTo("alpha|beta");
    }

    @Test
    void textThatIsNotAJsonObjectGetsTheOriginalsErrors() throws Exception {
        WsClient client = peer.connect();
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
        WsClient client = peer.connect();
        client.next();
        for (String type : List.of("ping", "send", "stats", "info", "cli", "join", "nope")) {
            assertThat(client.ask("{\"id\":7,\"type\":\"" + type + "\"}").toString()).as(type)
                    .isEqualTo("{\"id\":7,\"type\":\"error\",\"error\":\"Unauthorized.\"}");
        }
        assertThat(client.ask("{\"id\":8,\"type\":\"auth\",\"token\":\"wrong\"}").toString())
                .isEqualTo("{\"id\":8,\"type\":\"error\",\"error\":\"Unauthorized.\"}");
        assertThat(client.ask("{\"id\":9,\"type\":\"auth\",\"token\":\"" + TestBridge.TOKEN + "\"}").toString())
                .isEqualTo("{\"id\":9,\"type\":\"auth_ok\"}");
        // A failed attempt later does not undo the success.
        client.ask("{\"type\":\"auth\",\"token\":\"wrong\"}");
        assertThat(client.ask("{\"id\":1,\"type\":\"ping\"}").path("type").asText()).isEqualTo("pong");
    }

    @Test
    void theTokenIsComparedExactly() throws Exception {
        WsClient client = peer.connect();
        client.next();
        for (String token : List.of(TestBridge.TOKEN.toUpperCase(), TestBridge.TOKEN + " ", TestBridge.TOKEN.substring(1))) {
            assertThat(client.ask("{\"type\":\"auth\",\"token\":\"" + token + "\"}").path("error").asText())
                    .as(token).isEqualTo("Unauthorized.");
        }
        assertThat(client.ask("{\"type\":\"auth\",\"token\":42}").path("error").asText()).isEqualTo("Unauthorized.");
    }

    @Test
    void pingAnswersPongWithATimeAndEchoesOnlyIntegerIds() throws Exception {
        WsClient client = peer.authenticated();
        JsonNode pong = client.ask("{\"id\":1,\"type\":\"ping\"}");
        assertThat(pong.path("id").asLong()).isEqualTo(1);
        assertThat(pong.path("type").asText()).isEqualTo("pong");
        assertThat(pong.path("ts").isIntegralNumber()).isTrue();
        assertThat(client.ask("{\"id\":\"1\",\"type\":\"ping\"}").has("id")).isFalse();
        assertThat(client.ask("{\"id\":1.5,\"type\":\"ping\"}").has("id")).isFalse();
        assertThat(client.ask("{\"id\":3.0,\"type\":\"ping\"}").path("id").asLong()).isEqualTo(3);
    }

    @Test
    void unknownAndMissingTypesAreNamed() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"nope\"}").path("error").asText()).isEqualTo("Unknown type: nope");
        assertThat(client.ask("{}").path("error").asText()).isEqualTo("Unknown type: undefined");
        assertThat(client.ask("[]").path("error").asText()).isEqualTo("Unknown type: undefined");
    }

    @Test
    void setFilterEchoesTheFilterAsGivenAndClearFilterEmptiesIt() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":2,\"type\":\"set_filter\",\"filter\":\"Alpha+beta|gamma\"}").toString())
                .isEqualTo("{\"id\":2,\"type\":\"filter_set\",\"filter\":\"Alpha+beta|gamma\"}");
        assertThat(client.ask("{\"type\":\"set_filter\"}").toString())
                .isEqualTo("{\"type\":\"filter_set\",\"filter\":\"\"}");
        assertThat(client.ask("{\"type\":\"clear_filter\"}").toString())
                .isEqualTo("{\"type\":\"filter_set\",\"filter\":\"\"}");
    }

    @Test
    void subscribeAndUnsubscribeReplyWithTheCurrentSet() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":1,\"type\":\"subscribe\",\"channels\":[\"a\",\"b\"]}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"subscribed\",\"channels\":[\"a\",\"b\"]}");
        assertThat(client.ask("{\"type\":\"subscribe\",\"channel\":\"c\"}").path("channels").toString())
                .isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(client.ask("{\"type\":\"subscribe\",\"channels\":[7]}").path("channels").toString())
                .isEqualTo("[\"a\",\"b\",\"c\",\"7\"]");
        assertThat(client.ask("{\"type\":\"unsubscribe\",\"channels\":[\"a\",\"7\"]}").toString())
                .isEqualTo("{\"type\":\"subscribed\",\"channels\":[\"b\",\"c\"]}");
        assertThat(client.ask("{\"type\":\"unsubscribe\",\"channel\":\"b\"}").path("channels").toString())
                .isEqualTo("[\"c\"]");
    }

    @Test
    void sendBroadcastsAndRepliesWithTheTrimmedChannel() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":4,\"type\":\"send\",\"channel\":\"  room \",\"message\":{\"hi\":1}}").toString())
                .isEqualTo("{\"id\":4,\"type\":\"sent\",\"channel\":\"room\"}");
        FakeSidechannels.Call call = peer.plane.last();
        assertThat(call.what()).isEqualTo("send");
        assertThat(call.channel()).isEqualTo("room");
        assertThat(call.detail()).isEqualTo("{\"hi\":1}");
        client.ask("{\"type\":\"send\",\"channel\":\"room\"}");
        assertThat(peer.plane.last().detail()).as("an absent message").isEqualTo("null");
    }

    @Test
    void sendErrors() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":1,\"type\":\"send\",\"message\":\"x\"}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"error\",\"error\":\"Missing channel.\"}");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":\"   \"}").path("error").asText())
                .isEqualTo("Missing channel.");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":\"c\",\"invite\":\"%%%\"}").path("error").asText())
                .isEqualTo("Invalid invite (expected JSON or base64).");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":\"c\",\"invite\":42}").path("error").asText())
                .isEqualTo("Invalid invite (expected JSON or base64).");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":\"c\",\"welcome\":\"{broken\"}").path("error").asText())
                .isEqualTo("Invalid welcome (expected JSON or base64).");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":\"locked\",\"message\":1}").path("error").asText())
                .isEqualTo("Send denied (invite required or invalid).");
        assertThat(peer.plane.calls).extracting(FakeSidechannels.Call::channel).containsExactly("locked");
    }

    @Test
    void invitesAndWelcomesAreReadAsJsonObjectsJsonTextOrBase64() throws Exception {
        WsClient client = peer.authenticated();
        String base64 = Base64.getEncoder().encodeToString(WELCOME.getBytes(StandardCharsets.UTF_8));
        client.ask("{\"type\":\"join\",\"channel\":\"c\",\"invite\":" + INVITE + ",\"welcome\":\"" + base64 + "\"}");
        FakeSidechannels.Call join = peer.plane.last();
        assertThat(join.invite()).contains(INVITE);
        assertThat(join.welcome()).contains(WELCOME);
        client.ask("{\"type\":\"join\",\"channel\":\"c\",\"invite\":\"  " + INVITE.replace("\"", "\\\"") + "  \",\"welcome\":\"\"}");
        assertThat(peer.plane.last().invite()).contains(INVITE);
        assertThat(peer.plane.last().welcome()).as("an empty string is none").isEmpty();
    }

    @Test
    void sendCarriesTheWelcomeInsideAnInviteThatHasNone() throws Exception {
        WsClient client = peer.authenticated();
        client.ask("{\"type\":\"send\",\"channel\":\"c\",\"message\":1,\"invite\":" + INVITE + ",\"welcome\":" + WELCOME + "}");
        FakeSidechannels.Call send = peer.plane.last();
        assertThat(send.invite()).contains(INVITE.substring(0, INVITE.length() - 1) + ",\"welcome\":" + WELCOME + "}");
        assertThat(send.welcome()).contains(WELCOME);
    }

    @Test
    void joinRepliesJoinedAndStatsListsTheChannel() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":5,\"type\":\"join\",\"channel\":\"x\"}").toString())
                .isEqualTo("{\"id\":5,\"type\":\"joined\",\"channel\":\"x\"}");
        JsonNode stats = client.ask("{\"id\":6,\"type\":\"stats\"}");
        assertThat(stats.toString())
                .isEqualTo("{\"id\":6,\"type\":\"stats\",\"channels\":[\"0000intercom\",\"x\"],\"connectionCount\":2,"
                        + "\"sidechannelStarted\":true}");
    }

    @Test
    void joinErrors() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"join\"}").path("error").asText()).isEqualTo("Missing channel.");
        assertThat(client.ask("{\"type\":\"join\",\"channel\":\"c\",\"welcome\":true}").path("error").asText())
                .isEqualTo("Invalid welcome (expected JSON or base64).");
        assertThat(client.ask("{\"type\":\"join\",\"channel\":\"locked\"}").path("error").asText())
                .isEqualTo("Join denied (invite required or invalid).");
        assertThat(client.ask("{\"type\":\"join\",\"channel\":\"boom\"}").path("error").asText())
                .isEqualTo("Join failed: topic unavailable");
    }

    @Test
    void leaveRepliesLeftWithOkFalseForTheEntryChannelOrAChannelNotJoined() throws Exception {
        WsClient client = peer.authenticated();
        client.ask("{\"type\":\"join\",\"channel\":\"x\"}");
        client.ask("{\"type\":\"subscribe\",\"channels\":[\"x\",\"y\"]}");
        assertThat(client.ask("{\"id\":1,\"type\":\"leave\",\"channel\":\"x\"}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"left\",\"channel\":\"x\",\"ok\":true}");
        assertThat(client.ask("{\"type\":\"subscribe\"}").path("channels").toString())
                .as("leaving drops the channel from this client's subscriptions").isEqualTo("[\"y\"]");
        assertThat(client.ask("{\"type\":\"leave\",\"channel\":\"0000intercom\"}").toString())
                .isEqualTo("{\"type\":\"left\",\"channel\":\"0000intercom\",\"ok\":false}");
        assertThat(client.ask("{\"type\":\"leave\",\"channel\":\"never\"}").path("ok").asBoolean()).isFalse();
        assertThat(client.ask("{\"type\":\"leave\"}").path("error").asText()).isEqualTo("Missing channel.");
        assertThat(client.ask("{\"type\":\"leave\",\"channel\":\"boom\"}").path("error").asText())
                .isEqualTo("Leave failed: port stuck");
    }

    @Test
    void openRequestsTheChannelViaAnotherOne() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":1,\"type\":\"open\",\"channel\":\"t\"}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"open_requested\",\"channel\":\"t\",\"via\":null}");
        assertThat(client.ask("{\"type\":\"open\",\"channel\":\"t\",\"via\":\"lobby\",\"welcome\":" + WELCOME + "}").toString())
                .isEqualTo("{\"type\":\"open_requested\",\"channel\":\"t\",\"via\":\"lobby\"}");
        assertThat(peer.plane.last()).isEqualTo(new FakeSidechannels.Call("open", "t", "lobby", Optional.empty(),
                Optional.of(WELCOME)));
        assertThat(client.ask("{\"type\":\"open\",\"channel\":\"t\",\"via\":\"unjoined\"}").path("error").asText())
                .isEqualTo("Open request denied (invalid input or missing invite/welcome).");
        assertThat(client.ask("{\"type\":\"open\"}").path("error").asText()).isEqualTo("Missing channel.");
        assertThat(client.ask("{\"type\":\"open\",\"channel\":\"t\",\"invite\":\"%%%\"}").path("error").asText())
                .isEqualTo("Invalid invite (expected JSON or base64).");
    }

    @Test
    void withoutTheSidechannelPlaneItsTypesSayNotReady() throws Exception {
        restart(spec -> spec.withPlane = false);
        WsClient client = peer.authenticated();
        for (String type : List.of("send", "join", "leave", "open", "stats")) {
            assertThat(client.ask("{\"id\":3,\"type\":\"" + type + "\",\"channel\":\"c\"}").toString()).as(type)
                    .isEqualTo("{\"id\":3,\"type\":\"error\",\"error\":\"Sidechannel not ready.\"}");
        }
    }

    @Test
    void infoGivesThePublicFactsAndNoSecret() throws Exception {
        WsClient client = peer.connect();
        String hello = client.next().path("peer").asText();
        client.ask("{\"type\":\"auth\",\"token\":\"" + TestBridge.TOKEN + "\"}");
        JsonNode info = client.ask("{\"id\":2,\"type\":\"info\"}");
        assertThat(info.path("id").asInt()).isEqualTo(2);
        assertThat(info.path("type").asText()).isEqualTo("info");
        assertThat(info.path("info").path("peerPubkey").asText()).isEqualTo(hello);
        assertThat(info.path("info").path("sidechannelEntry").asText()).isEqualTo("0000intercom");
        List<String> keys = List.of("msbBootstrap", "msbChannel", "msbStore", "msbDhtBootstrap", "peerStore",
                "peerDhtBootstrap", "subnetBootstrap", "subnetChannel", "peerPubkey", "peerTracAddress", "peerWriterKey",
                "sidechannelEntry", "sidechannelExtras");
        assertThat(info.path("info").properties()).extracting(Map.Entry::getKey)
                .containsExactlyElementsOf(keys);
        assertThat(info.path("info").path("msbBootstrap").isNull()).isTrue();
        assertThat(info.toString()).doesNotContainIgnoringCase("secret");
    }

    @Test
    void cliRunsATerminalCommandAndReturnsItsOutput() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":1,\"type\":\"cli\",\"command\":\"  /echo --text \\\"hi there\\\" \"}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"cli_result\",\"command\":\"/echo --text \\\"hi there\\\"\",\"ok\":true,"
                        + "\"output\":[\"hi there\"],\"error\":null}");
        assertThat(client.ask("{\"type\":\"cli\",\"command\":\"/fail\"}").toString())
                .isEqualTo("{\"type\":\"cli_result\",\"command\":\"/fail\",\"ok\":false,"
                        + "\"output\":[\"about to fail\",\"Command failed: it broke\"],\"error\":\"Command failed: it broke\"}");
        JsonNode unknown = client.ask("{\"type\":\"cli\",\"command\":\"/nope\"}");
        assertThat(unknown.path("ok").asBoolean()).isFalse();
        assertThat(unknown.path("error").asText()).startsWith("Unknown command: /nope.");
        assertThat(client.ask("{\"id\":2,\"type\":\"cli\",\"command\":\"  \"}").toString())
                .isEqualTo("{\"id\":2,\"type\":\"error\",\"error\":\"Missing command.\"}");
        assertThat(client.ask("{\"type\":\"cli\"}").path("error").asText()).isEqualTo("Missing command.");
    }

    @Test
    void cliReturnsPrintedValuesAsJson() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"cli\",\"command\":\"/value\"}").path("output").toString())
                .isEqualTo("[\"{\\\"n\\\":1}\"]");
    }

    @Test
    void cliRefusesCommandsThatRevealSecretsOrStopThePeer() throws Exception {
        WsClient client = peer.authenticated();
        JsonNode secret = client.ask("{\"type\":\"cli\",\"command\":\"/secret\"}");
        assertThat(secret.path("ok").asBoolean()).isFalse();
        assertThat(secret.path("output").toString()).isEqualTo("[]");
        assertThat(secret.path("error").asText()).isEqualTo("/secret is refused over the SC-Bridge because it reveals"
                + " secrets; start the peer with --sc-bridge-cli-unsafe 1 to allow it.");
        JsonNode halt = client.ask("{\"type\":\"cli\",\"command\":\"/halt\"}");
        assertThat(halt.path("error").asText()).contains("because it stops the peer");
        assertThat(peer.halted).isFalse();
    }

    @Test
    void cliRunsUnsafeCommandsWhenTheOperatorAllowedIt() throws Exception {
        restart(spec -> spec.cliUnsafe = true);
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"cli\",\"command\":\"/secret\"}").path("output").toString())
                .isEqualTo("[\"SECRET\"]");
        assertThat(client.ask("{\"type\":\"cli\",\"command\":\"/halt\"}").path("ok").asBoolean()).isTrue();
        assertThat(peer.halted).isTrue();
    }

    @Test
    void cliIsOffUnlessEnabled() throws Exception {
        restart(spec -> spec.cli = false);
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":1,\"type\":\"cli\",\"command\":\"/echo\"}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"error\",\"error\":\"CLI over WS is disabled.\"}");
    }

    @Test
    void oneClientsSendsLeaveAndAreAnsweredInTheOrderTheyCame() throws Exception {
        WsClient client = peer.authenticated();
        for (int i = 0; i < 20; i++) {
            client.send("{\"id\":" + i + ",\"type\":\"send\",\"channel\":\"ordered\",\"message\":" + i + "}");
        }
        for (int i = 0; i < 20; i++) {
            assertThat(client.next().path("id").asInt()).isEqualTo(i);
        }
        assertThat(peer.plane.calls).extracting(FakeSidechannels.Call::detail)
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(Integer::toString).toList());
    }

    @Test
    void aPlainHttpRequestIsToldToUpgrade() throws Exception {
        HttpResponse<String> response = peer.http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + peer.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(426);
        assertThat(response.body()).isEqualTo("Upgrade Required");
    }

    @Test
    void aBridgeWithoutATokenDoesNotStart() {
        assertThatThrownBy(() -> new BridgeSettings("127.0.0.1", 0, " ", "", List.of(), false, false, List.of(), false,
                Limits.DEFAULTS)).hasMessage("SC-Bridge requires --sc-bridge-token (auth is mandatory).");
    }
}
