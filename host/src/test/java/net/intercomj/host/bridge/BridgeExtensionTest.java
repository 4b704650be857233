package net.intercomj.host.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.network.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Message types plugins add through {@link ScBridge#handle}, as clients see them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BridgeExtensionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestBridge peer = TestBridge.start();

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void theReplyCarriesTheIdThenTheTypeThenTheFieldsAndTheHandlerSeesTheWholeMessage() throws Exception {
        AtomicReference<BridgeCall> seen = new AtomicReference<>();
        peer.bridge.handle("expense_add", call -> {
            seen.set(call);
            return BridgeReply.success("expense_added",
                    "{\"total\":1250,\"id\":999,\"type\":\"spoofed\",\"items\":[{\"cents\":1250}],\"note\":null}");
        });
        WsClient client = peer.authenticated();
        String request = "{\"id\":3,\"type\":\"expense_add\",\"amount\":12.5,\"who\":[\"ann\",\"bo\"]}";
        assertThat(client.ask(request).toString())
                .isEqualTo("{\"id\":3,\"type\":\"expense_added\",\"total\":1250,\"items\":[{\"cents\":1250}],\"note\":null}");
        assertThat(seen.get().type()).isEqualTo("expense_add");
        assertThat(JSON.readTree(seen.get().messageJson())).isEqualTo(JSON.readTree(request));

        assertThat(client.ask("{\"type\":\"expense_add\"}").toString())
                .as("without an id, none is added")
                .isEqualTo("{\"type\":\"expense_added\",\"total\":1250,\"items\":[{\"cents\":1250}],\"note\":null}");
        assertThat(client.ask("{\"id\":\"s\",\"type\":\"expense_add\"}").has("id")).as("a string id is not echoed")
                .isFalse();
    }

    @Test
    void aFailureBecomesAnErrorReply() throws Exception {
        peer.bridge.handle("expense_add", call -> BridgeReply.failure("Amount must be positive."));
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":4,\"type\":\"expense_add\"}").toString())
                .isEqualTo("{\"id\":4,\"type\":\"error\",\"error\":\"Amount must be positive.\"}");
    }

    @Test
    void aHandlerExceptionBecomesAnErrorWithItsMessageAndTheConnectionLivesOn() throws Exception {
        peer.bridge.handle("boom", call -> {
            throw new IllegalStateException("ledger is locked");
        });
        peer.bridge.handle("silent_boom", call -> {
            throw new UnsupportedOperationException();
        });
        peer.bridge.handle("no_reply", call -> null);
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":5,\"type\":\"boom\"}").toString())
                .isEqualTo("{\"id\":5,\"type\":\"error\",\"error\":\"ledger is locked\"}");
        assertThat(client.ask("{\"id\":6,\"type\":\"silent_boom\"}").toString())
                .isEqualTo("{\"id\":6,\"type\":\"error\",\"error\":\"silent_boom failed.\"}");
        assertThat(client.ask("{\"id\":7,\"type\":\"no_reply\"}").toString())
                .isEqualTo("{\"id\":7,\"type\":\"error\",\"error\":\"no_reply gave no reply.\"}");
        assertThat(client.ask("{\"id\":8,\"type\":\"ping\"}").path("type").asText()).isEqualTo("pong");
        assertThat(client.ask("{\"id\":9,\"type\":\"boom\"}").path("error").asText()).isEqualTo("ledger is locked");
        assertThat(client.closed).isNotDone();
    }

    @Test
    void fieldsThatAreNotAJsonObjectGiveAnError() throws Exception {
        List<String> bad = List.of("not json", "", "[1,2]", "42", "\"text\"", "null", "{\"a\":1} trailing");
        AtomicInteger next = new AtomicInteger();
        peer.bridge.handle("bad_reply", call -> BridgeReply.success("bad_replied", bad.get(next.getAndIncrement())));
        WsClient client = peer.authenticated();
        for (String fields : bad) {
            assertThat(client.ask("{\"id\":1,\"type\":\"bad_reply\"}").toString()).as(fields)
                    .isEqualTo("{\"id\":1,\"type\":\"error\",\"error\":\"bad_reply gave an invalid reply.\"}");
        }
        assertThat(client.ask("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("pong");
    }

    @Test
    void closingTheRegistrationRemovesTheTypeAndItCanBeAddedAgain() throws Exception {
        Registration registration = peer.bridge.handle("focus_start", call -> BridgeReply.success("focus_started", "{}"));
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":1,\"type\":\"focus_start\"}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"focus_started\"}");
        registration.close();
        assertThat(client.ask("{\"id\":2,\"type\":\"focus_start\"}").toString())
                .isEqualTo("{\"id\":2,\"type\":\"error\",\"error\":\"Unknown type: focus_start\"}");
        registration.close();

        Registration again = peer.bridge.handle("focus_start", call -> BridgeReply.success("focus_restarted", "{}"));
        // Closing the old registration a second time does not remove the new handler.
        registration.close();
        assertThat(client.ask("{\"type\":\"focus_start\"}").path("type").asText()).isEqualTo("focus_restarted");
        again.close();
        assertThat(client.ask("{\"type\":\"focus_start\"}").path("error").asText()).isEqualTo("Unknown type: focus_start");
    }

    @Test
    void builtInAndTakenTypesCannotBeRegistered() throws Exception {
        for (String builtIn : List.of("auth", "ping", "send", "join", "leave", "open", "stats", "info", "cli",
                "subscribe", "unsubscribe", "set_filter", "clear_filter")) {
            assertThatThrownBy(() -> peer.bridge.handle(builtIn, call -> BridgeReply.success("x", "{}"))).as(builtIn)
                    .isInstanceOf(IllegalStateException.class);
        }
        peer.bridge.handle("expense_add", call -> BridgeReply.success("first", "{}"));
        assertThatThrownBy(() -> peer.bridge.handle("expense_add", call -> BridgeReply.success("second", "{}")))
                .isInstanceOf(IllegalStateException.class);
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"expense_add\"}").path("type").asText()).as("the first handler stays")
                .isEqualTo("first");
        assertThat(client.ask("{\"type\":\"ping\"}").path("type").asText()).as("the built-in stays").isEqualTo("pong");
    }

    @Test
    void malformedTypeNamesAreRefused() {
        for (String type : new String[] {null, "", "Expense", "expense-add", "expense add", "expense.add", "ünïcode",
                "a".repeat(65), "x\n", "/cmd"}) {
            assertThatThrownBy(() -> peer.bridge.handle(type, call -> BridgeReply.success("x", "{}")))
                    .as(String.valueOf(type)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> peer.bridge.handle("fine", null)).isInstanceOf(NullPointerException.class);
        // The bounds of what is allowed.
        peer.bridge.handle("a".repeat(64), call -> BridgeReply.success("x", "{}")).close();
        peer.bridge.handle("0_9", call -> BridgeReply.success("x", "{}")).close();
    }

    @Test
    void unauthenticatedCallsAreRefusedWithoutReachingTheHandler() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        peer.bridge.handle("expense_add", call -> {
            calls.incrementAndGet();
            return BridgeReply.success("expense_added", "{}");
        });
        WsClient client = peer.connect();
        client.next();
        assertThat(client.ask("{\"id\":1,\"type\":\"expense_add\"}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"error\",\"error\":\"Unauthorized.\"}");
        client.ask("{\"type\":\"auth\",\"token\":\"" + TestBridge.TOKEN + "\"}");
        assertThat(client.ask("{\"type\":\"expense_add\"}").path("type").asText()).isEqualTo("expense_added");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aBlockedHandlerHoldsUpNeitherQuickRequestsNorOtherClientsAndOneClientsCallsStayInOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        peer.bridge.handle("slow", call -> {
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    return BridgeReply.failure("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return BridgeReply.failure("interrupted");
            }
            order.add("slow");
            return BridgeReply.success("slow_done", "{}");
        });
        peer.bridge.handle("after", call -> {
            order.add("after");
            return BridgeReply.success("after_done", "{}");
        });
        WsClient waiting = peer.authenticated();
        WsClient other = peer.authenticated();
        waiting.send("{\"id\":1,\"type\":\"slow\"}");
        waiting.send("{\"id\":2,\"type\":\"after\"}");
        assertThat(waiting.ask("{\"id\":3,\"type\":\"ping\"}").path("id").asInt())
                .as("a quick request is answered while the slow one waits").isEqualTo(3);
        assertThat(other.ask("{\"type\":\"after\"}").path("type").asText()).isEqualTo("after_done");
        release.countDown();
        assertThat(waiting.next().path("id").asInt()).isEqualTo(1);
        assertThat(waiting.next().path("id").asInt()).isEqualTo(2);
        assertThat(order).containsExactly("after", "slow", "after");
    }

    @Test
    void helloFieldsAppearAfterTheBridgesOwnForClientsConnectingLaterUntilClosed() throws Exception {
        WsClient before = peer.connect();
        assertThat(before.next().has("focusBridgeActions")).isFalse();
        Registration field = peer.bridge.helloField("focusBridgeActions", "[\"focus_start\", \"focus_join\"]");
        assertThat(peer.connect().next().toString()).isEqualTo("{\"type\":\"hello\",\"peer\":\"" + TestBridge.PEER
                + "\",\"address\":\"trac1example\",\"entryChannel\":\"0000intercom\",\"filter\":\"\","
                + "\"requiresAuth\":true,\"focusBridgeActions\":[\"focus_start\",\"focus_join\"]}");
        assertThatThrownBy(() -> peer.bridge.helloField("focusBridgeActions", "[]"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("focusBridgeActions");
        field.close();
        assertThat(peer.connect().next().has("focusBridgeActions")).isFalse();
        Registration again = peer.bridge.helloField("focusBridgeActions", "7");
        field.close();
        assertThat(peer.connect().next().path("focusBridgeActions").asInt()).as("an old registration leaves a new field")
                .isEqualTo(7);
        again.close();
    }

    @Test
    void helloFieldsCannotReplaceTheBridgesOwnOrBeInvalidJson() {
        for (String own : List.of("type", "peer", "address", "entryChannel", "filter", "requiresAuth", "")) {
            assertThatThrownBy(() -> peer.bridge.helloField(own, "1")).as(own).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : List.of("", "not json", "[1,", "{\"a\":1} trailing")) {
            assertThatThrownBy(() -> peer.bridge.helloField("x", bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("x");
        }
    }
}
