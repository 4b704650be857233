package net.intercomj.host.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.intercomj.api.sidechannel.SidechannelMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Events the bridge pushes: {@code sidechannel_message} with the original's exact fields (spec
 * §3.6), who gets it (authenticated clients whose filter §3.7 and subscriptions §3.8 let it
 * through; black-box cases §5.18–5.19), and the events plugins push.
 *
 * <p>A message that must not arrive is followed by a marker that must: the marker being the
 * next frame proves the first was not delivered, with no waiting.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BridgeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = "a1".repeat(32);
    private static final String RELAY = "c3".repeat(32);
    private static final String SIG = "5e".repeat(64);
    private static final long TS = 1_700_000_000_123L;

    private final AtomicInteger ids = new AtomicInteger();
    private TestBridge peer = TestBridge.start();

    @AfterEach
    void stop() {
        peer.close();
    }

    private void restart(Consumer<TestBridge.Spec> spec) {
        peer.close();
        peer = TestBridge.start(spec);
    }

    /** Delivers a direct message on {@code channel}; returns its id. */
    private String deliver(String channel, String messageJson) {
        String id = "m" + ids.incrementAndGet();
        peer.bridge.deliver(new SidechannelMessage(channel, id, FROM, FROM, SIG, Optional.empty(), 3, TS, messageJson));
        return id;
    }

    /** Delivers a string message on {@code channel}; returns its id. */
    private String deliverText(String channel, String text) {
        return deliver(channel, "\"" + text + "\"");
    }

    /** Asserts the client's next frame is the event of message {@code id}, and returns it. */
    private static JsonNode expectEvent(WsClient client, String id) throws InterruptedException {
        JsonNode frame = client.next();
        assertThat(frame.path("type").asText()).as("the next frame: %s", frame).isEqualTo("sidechannel_message");
        assertThat(frame.path("id").asText()).as("the next event: %s", frame).isEqualTo(id);
        return frame;
    }

    @Test
    void aDirectMessageArrivesWithTheOriginalsFieldsInOrderAndRelayedByNull() throws Exception {
        WsClient client = peer.authenticated();
        String id = deliver("lobby", "\"hello there\"");
        assertThat(client.next().toString()).isEqualTo("{\"type\":\"sidechannel_message\",\"channel\":\"lobby\",\"id\":\""
                + id + "\",\"from\":\"" + FROM + "\",\"origin\":\"" + FROM + "\",\"sig\":\"" + SIG
                + "\",\"relayedBy\":null,\"ttl\":3,\"ts\":" + TS + ",\"message\":\"hello there\"}");
    }

    @Test
    void aRelayedMessageNamesTheRelayAndKeepsAnObjectMessageAsJson() throws Exception {
        WsClient client = peer.authenticated();
        String message = "{\"text\":\"hi\",\"n\":[1,2.5,null,true],\"nested\":{\"k\":\"\\u00e9\\\"q\"}}";
        peer.bridge.deliver(new SidechannelMessage("room", "r1", FROM, FROM, SIG, Optional.of(RELAY), 2, TS, message));
        JsonNode event = client.next();
        assertThat(event.toString()).isEqualTo("{\"type\":\"sidechannel_message\",\"channel\":\"room\",\"id\":\"r1\",\"from\":\""
                + FROM + "\",\"origin\":\"" + FROM + "\",\"sig\":\"" + SIG + "\",\"relayedBy\":\"" + RELAY
                + "\",\"ttl\":2,\"ts\":" + TS + ",\"message\":{\"text\":\"hi\",\"n\":[1,2.5,null,true],"
                + "\"nested\":{\"k\":\"é\\\"q\"}}}");
        assertThat(event.path("message").path("nested").path("k").asText()).isEqualTo("é\"q");
    }

    @Test
    void everyKindOfJsonMessageIsForwardedAsItIs() throws Exception {
        WsClient client = peer.authenticated();
        for (String message : List.of("42", "-1.5e3", "null", "true", "[]", "[1,\"two\",{\"three\":3}]", "{}", "\"\"",
                "\"line\\nbreak \\u2603\"")) {
            String id = deliver("c", message);
            JsonNode event = expectEvent(client, id);
            assertThat(event.path("message")).as(message).isEqualTo(JSON.readTree(message));
        }
    }

    @Test
    void unauthenticatedClientsGetNoEvents() throws Exception {
        WsClient stranger = peer.connect();
        stranger.next();
        WsClient member = peer.authenticated();
        String hidden = deliverText("c", "for members only");
        expectEvent(member, hidden);
        assertThat(stranger.ask("{\"type\":\"auth\",\"token\":\"" + TestBridge.TOKEN + "\"}").toString())
                .as("the event before auth was not sent").isEqualTo("{\"type\":\"auth_ok\"}");
        String marker = deliverText("c", "now you see me");
        expectEvent(stranger, marker);
        expectEvent(member, marker);
    }

    @Test
    void aClientFilterLetsThroughMessagesWithAllWordsOfAnAlternative() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"set_filter\",\"filter\":\"Alpha+beta|gamma\"}").path("type").asText())
                .isEqualTo("filter_set");
        expectEvent(client, deliverText("c", "ALPHA x BETA"));
        deliverText("c", "alpha");
        expectEvent(client, deliverText("c", "Gamma"));
        // An object message is matched on its JSON text.
        deliver("c", "{\"alpha\":1}");
        expectEvent(client, deliver("c", "{\"word\":\"alphabet soup\",\"beta\":true}"));

        client.ask("{\"type\":\"clear_filter\"}");
        expectEvent(client, deliverText("c", "alpha"));
        expectEvent(client, deliverText("c", "nothing in common"));
    }

    @Test
    void aStringMessageIsMatchedOnItsTextNotItsJsonQuotes() throws Exception {
        WsClient client = peer.authenticated();
        client.ask("{\"type\":\"set_filter\",\"filter\":\"say \\\"\"}");
        // The filter's second word is a double quote: a string message has none in its text.
        deliverText("c", "say it");
        expectEvent(client, deliver("c", "{\"say\":1}"));
    }

    @Test
    void eachClientHasItsOwnFilter() throws Exception {
        WsClient picky = peer.authenticated();
        WsClient open = peer.authenticated();
        picky.ask("{\"type\":\"set_filter\",\"filter\":\"urgent\"}");
        String plain = deliverText("c", "routine");
        expectEvent(open, plain);
        String urgent = deliverText("c", "URGENT: fire");
        expectEvent(picky, urgent);
        expectEvent(open, urgent);
    }

    @Test
    void theDefaultFilterAppliesToEveryNewClientUntilItClearsIt() throws Exception {
        restart(spec -> spec.filter = "urgent|alarm");
        WsClient client = peer.authenticated();
        deliverText("c", "routine");
        expectEvent(client, deliverText("c", "Alarm bells"));
        WsClient later = peer.authenticated();
        deliverText("c", "routine again");
        String urgent = deliverText("c", "urgent");
        expectEvent(later, urgent);
        expectEvent(client, urgent);

        client.ask("{\"type\":\"clear_filter\"}");
        String routine = deliverText("c", "routine at last");
        expectEvent(client, routine);
        expectEvent(later, deliverText("c", "urgent again"));
    }

    @Test
    void withFilterChannelsTheFilterAppliesOnlyOnThoseChannels() throws Exception {
        restart(spec -> {
            spec.filter = "urgent";
            spec.filterChannels = List.of("alerts", "ops");
        });
        WsClient client = peer.authenticated();
        deliverText("alerts", "routine");
        deliverText("ops", "routine");
        expectEvent(client, deliverText("chat", "routine"));
        expectEvent(client, deliverText("alerts", "urgent"));
        expectEvent(client, deliverText("ops", "urgent too"));

        // A client's own filter is scoped the same way.
        client.ask("{\"type\":\"set_filter\",\"filter\":\"deploy\"}");
        deliverText("ops", "urgent");
        expectEvent(client, deliverText("chat", "urgent"));
        expectEvent(client, deliverText("ops", "deploy done"));
    }

    @Test
    void subscribingToOneChannelHidesTheOthersAndUnsubscribingTheLastShowsAllAgain() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"subscribe\",\"channels\":[\"a\"]}").path("channels").toString())
                .isEqualTo("[\"a\"]");
        deliverText("b", "hidden");
        expectEvent(client, deliverText("a", "shown"));
        assertThat(client.ask("{\"type\":\"unsubscribe\",\"channel\":\"a\"}").path("channels").toString())
                .isEqualTo("[]");
        // The original's quirk, kept on purpose: an empty set means every channel (spec §3.8, §6.10).
        expectEvent(client, deliverText("b", "shown again"));
        expectEvent(client, deliverText("a", "and here"));
    }

    @Test
    void subscriptionsAndFiltersCombine() throws Exception {
        WsClient client = peer.authenticated();
        client.ask("{\"type\":\"subscribe\",\"channels\":[\"a\",\"b\"]}");
        client.ask("{\"type\":\"set_filter\",\"filter\":\"yes\"}");
        deliverText("a", "no");
        deliverText("c", "yes");
        expectEvent(client, deliverText("b", "yes"));
    }

    @Test
    void pushToAllReachesEveryAuthenticatedClientWhateverItsFilterOrSubscriptions() throws Exception {
        WsClient stranger = peer.connect();
        stranger.next();
        WsClient plain = peer.authenticated();
        WsClient narrowed = peer.authenticated();
        narrowed.ask("{\"type\":\"subscribe\",\"channel\":\"elsewhere\"}");
        narrowed.ask("{\"type\":\"set_filter\",\"filter\":\"nothing-matches-this\"}");
        peer.bridge.pushToAll("{ \"type\" : \"focus_event\", \"room\" : \"r1\", \"n\" : [1, 2] }");
        for (WsClient client : List.of(plain, narrowed)) {
            assertThat(client.next().toString()).isEqualTo("{\"type\":\"focus_event\",\"room\":\"r1\",\"n\":[1,2]}");
        }
        assertThat(stranger.ask("{\"type\":\"auth\",\"token\":\"" + TestBridge.TOKEN + "\"}").path("type").asText())
                .as("no event before auth").isEqualTo("auth_ok");
    }

    @Test
    void pushToChannelReachesTheAuthenticatedClientsThatReceiveTheChannel() throws Exception {
        WsClient stranger = peer.connect();
        stranger.next();
        WsClient onA = peer.authenticated();
        WsClient onB = peer.authenticated();
        WsClient everything = peer.authenticated();
        onA.ask("{\"type\":\"subscribe\",\"channels\":[\"a\"]}");
        onB.ask("{\"type\":\"subscribe\",\"channels\":[\"b\"]}");
        peer.bridge.pushToChannel("a", "{\"type\":\"tick\",\"on\":\"a\"}");
        peer.bridge.pushToAll("{\"type\":\"marker\"}");
        assertThat(onA.next().toString()).isEqualTo("{\"type\":\"tick\",\"on\":\"a\"}");
        assertThat(everything.next().toString()).isEqualTo("{\"type\":\"tick\",\"on\":\"a\"}");
        assertThat(onB.next().toString()).as("b's subscriber skipped the event on a").isEqualTo("{\"type\":\"marker\"}");
        assertThat(onA.next().path("type").asText()).isEqualTo("marker");
        assertThat(everything.next().path("type").asText()).isEqualTo("marker");
        assertThat(stranger.ask("{\"type\":\"auth\",\"token\":\"" + TestBridge.TOKEN + "\"}").path("type").asText())
                .as("no event before auth").isEqualTo("auth_ok");
    }

    @Test
    void pushedEventsMustBeJsonObjectsWithAStringType() throws Exception {
        WsClient client = peer.authenticated();
        for (String bad : List.of("not json", "", "null", "42", "\"focus_event\"", "[{\"type\":\"x\"}]", "{}",
                "{\"type\":7}", "{\"type\":null}", "{\"type\":{\"a\":1}}", "{\"type\":\"x\"",
                "{\"type\":\"x\"} trailing", "{\"type\":\"x\"}{\"type\":\"y\"}")) {
            assertThatThrownBy(() -> peer.bridge.pushToAll(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> peer.bridge.pushToChannel("c", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        peer.bridge.pushToAll("{\"type\":\"ok\"}");
        assertThat(client.next().toString()).as("none of the bad events went out").isEqualTo("{\"type\":\"ok\"}");
    }
}
