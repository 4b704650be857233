package net.intercomj.focusroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eight bridge types: replies and errors of spec §1.7, with the bounds of the fixes. */
class FocusBridgeTest {

    private static final long T0 = 1_772_113_842_441L;

    @TempDir
    Path dir;

    private final FakeSidechannels.Hub hub = new FakeSidechannels.Hub();

    private static BridgeReply call(BridgeMessageHandler handler, String json) {
        JsonObject message = Json.parse(json).asObject();
        return handler.handle(new BridgeCall(message.string("type"), json));
    }

    private static String ok(BridgeReply reply, String type) {
        assertThat(reply).isInstanceOf(BridgeReply.Success.class);
        BridgeReply.Success success = (BridgeReply.Success) reply;
        assertThat(success.type()).isEqualTo(type);
        return success.fieldsJson();
    }

    private static String error(BridgeReply reply) {
        assertThat(reply).isInstanceOf(BridgeReply.Failure.class);
        return ((BridgeReply.Failure) reply).message();
    }

    @Test
    void theProofSequenceRepliesWithTheDocumentedShapes() {
        TestPeer host = new TestPeer(hub, new MutableClock(T0), dir.resolve("h"));
        TestPeer joiner = new TestPeer(hub, new MutableClock(T0), dir.resolve("j"));
        assertThat(ok(call(new FocusJoinHandler(joiner.app), "{\"id\":1,\"type\":\"focus_join\",\"room\":\" r \"}"),
                "focus_joined")).isEqualTo("{\"room\":\"r\"}");
        hub.pump();
        assertThat(ok(call(new FocusStartHandler(host.app),
                "{\"type\":\"focus_start\",\"room\":\"r\",\"minutes\":\"2.9\",\"goal\":\"proof\"}"), "focus_started"))
                .isEqualTo("{\"room\":\"r\"}");
        hub.pump();
        assertThat(host.room("r").integer("endsAt") - T0).as("parseInt(\"2.9\") is 2").isEqualTo(120_000);
        assertThat(ok(call(new FocusCheckinHandler(joiner.app), "{\"type\":\"focus_checkin\",\"room\":\"r\",\"message\":\"hi\"}"),
                "focus_checked_in")).isEqualTo("{\"room\":\"r\"}");
        hub.pump();
        assertThat(ok(call(new FocusExtendHandler(host.app), "{\"type\":\"focus_extend\",\"room\":\"r\"}"), "focus_extended"))
                .isEqualTo("{\"room\":\"r\"}");
        hub.pump();
        assertThat(host.room("r").integer("endsAt") - T0).as("default +5").isEqualTo(420_000);
        JsonObject status = Json.parse(ok(call(new FocusStatusHandler(host.app), "{\"type\":\"focus_status\",\"room\":\"r\"}"),
                "focus_status")).asObject();
        assertThat(status.object("room").names()).containsExactly("room", "host", "goal", "startedAt", "endsAt",
                "lastEventAt", "status", "endedAt", "endedReason", "participants", "checkins", "stats", "session", "summary");
        assertThat(ok(call(new FocusStatusHandler(host.app), "{\"type\":\"focus_status\",\"room\":\"nope\"}"), "focus_status"))
                .isEqualTo("{\"room\":null}");
        JsonObject all = Json.parse(ok(call(new FocusStatusHandler(host.app), "{\"type\":\"focus_status\"}"), "focus_status"))
                .asObject();
        assertThat(all.array("room").size()).isEqualTo(1);
        assertThat(all.array("rooms")).isEqualTo(all.array("room"));
        assertThat(ok(call(new FocusRoomsHandler(host.app), "{\"type\":\"focus_rooms\"}"), "focus_rooms"))
                .isEqualTo("{\"rooms\":[{\"room\":\"r\",\"status\":\"active\",\"participants\":2,\"goal\":\"proof\",\"endsAt\":"
                        + (T0 + 420_000) + "}]}");
        JsonObject ended = Json.parse(ok(call(new FocusEndHandler(host.app), "{\"type\":\"focus_end\",\"room\":\"r\",\"summary\":\"ok\"}"),
                "focus_ended")).asObject();
        assertThat(ended.string("room")).isEqualTo("r");
        assertThat(ended.object("stats").names()).containsExactly("plannedDurationMs", "actualDurationMs", "participantCount",
                "checkinCount");
        hub.pump();
        assertThat(ok(call(new FocusStreaksHandler(host.app), "{\"type\":\"focus_streaks\"}"), "focus_streaks"))
                .contains("{\"peer\":\"" + host.key() + "\",\"sessions\":1}", "{\"peer\":\"" + joiner.key() + "\",\"sessions\":1}");
        // A local push comes with every action.
        assertThat(host.events.get(0).names()).containsExactly("type", "app", "eventType", "payload", "at", "by", "source");
    }

    @Test
    void failuresCarryTheActionPrefixAndTheCoreError() {
        TestPeer host = new TestPeer(hub, new MutableClock(T0), dir.resolve("h"));
        TestPeer other = new TestPeer(hub, new MutableClock(T0), dir.resolve("o"));
        assertThat(error(call(new FocusStartHandler(host.app), "{\"type\":\"focus_start\"}")))
                .isEqualTo("focus_start failed: room is required");
        assertThat(error(call(new FocusJoinHandler(host.app), "{\"type\":\"focus_join\",\"room\":\"\"}")))
                .isEqualTo("focus_join failed: room is required");
        assertThat(error(call(new FocusStartHandler(host.app), "{\"type\":\"focus_start\",\"room\":\"r\",\"minutes\":0.5}")))
                .isEqualTo("focus_start failed: minutes must be between 1 and 1440 (got 0)");
        assertThat(error(call(new FocusStartHandler(host.app), "{\"type\":\"focus_start\",\"room\":\"r\",\"goal\":{}}")))
                .isEqualTo("focus_start failed: goal must be a string");
        assertThat(ok(call(new FocusStartHandler(host.app), "{\"type\":\"focus_start\",\"room\":\"r\",\"minutes\":\"abc\"}"),
                "focus_started")).as("NaN gives the default").isEqualTo("{\"room\":\"r\"}");
        assertThat(host.room("r").integer("endsAt") - T0).isEqualTo(25 * 60_000);
        assertThat(error(call(new FocusStartHandler(host.app), "{\"type\":\"focus_start\",\"room\":\"r\"}")))
                .isEqualTo("focus_start failed: room is already active");
        assertThat(error(call(new FocusCheckinHandler(host.app), "{\"type\":\"focus_checkin\",\"room\":\"r\"}")))
                .isEqualTo("focus_checkin failed: status is required");
        other.app.join("r");
        hub.pump();
        assertThat(error(call(new FocusExtendHandler(other.app), "{\"type\":\"focus_extend\",\"room\":\"r\"}")))
                .isEqualTo("focus_extend failed: only host can extend session");
        assertThat(error(call(new FocusEndHandler(other.app), "{\"type\":\"focus_end\",\"room\":\"r\"}")))
                .isEqualTo("focus_end failed: only host can end session");
        assertThat(error(call(new FocusEndHandler(other.app), "{\"type\":\"focus_end\",\"room\":\"x\"}")))
                .isEqualTo("focus_end failed: room is not active");
        assertThat(error(call(new FocusExtendHandler(host.app), "{\"type\":\"focus_extend\",\"room\":\"r\",\"minutes\":99999}")))
                .isEqualTo("focus_extend failed: minutes must be between 1 and 1440 (got 99999)");
    }
}
