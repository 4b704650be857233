package net.intercomj.focusroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FocusRoom core between peers on a fake sidechannel hub (spec §1.4–1.6 and the fixes of §1.11). */
class FocusRoomTest {

    private static final long T0 = 1_772_113_842_441L;
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    private final FakeSidechannels.Hub hub = new FakeSidechannels.Hub();

    private TestPeer peer(String name) {
        return new TestPeer(hub, new MutableClock(T0), dir.resolve(name));
    }

    private static List<String> participants(JsonObject room) {
        return room.array("participants").values().stream().map(j -> ((JsonString) j).value()).toList();
    }

    private long sent(String eventType) {
        return hub.sent.stream().filter(m -> m.contains("\"eventType\":\"" + eventType + "\"")).count();
    }

    @Test
    void theProofSequenceGivesBothPeersTheSameSessionAndStreaks() {
        TestPeer host = peer("host");
        TestPeer joiner = peer("joiner");
        joiner.app.join("proof-room");
        hub.pump();
        JsonObject started = host.app.start("proof-room", 25L, "ship focus-room v2");
        hub.pump();
        assertThat(started.string("status")).isEqualTo("active");
        assertThat(started.integer("endsAt") - started.integer("startedAt")).isEqualTo(25 * MINUTE);
        joiner.app.checkin("proof-room", "timer + sc-bridge wired");
        hub.pump();
        host.clock.advance(1000);
        host.app.extend("proof-room", 5L);
        hub.pump();
        JsonObject atHost = host.room("proof-room");
        JsonObject atJoiner = joiner.room("proof-room");
        for (JsonObject room : List.of(atHost, atJoiner)) {
            assertThat(room.string("status")).isEqualTo("active");
            assertThat(room.string("host")).isEqualTo(host.key());
            assertThat(room.integer("endsAt")).isEqualTo(T0 + 30 * MINUTE);
            assertThat(participants(room)).containsExactlyInAnyOrder(host.key(), joiner.key());
            assertThat(room.array("checkins").size()).isEqualTo(1);
            assertThat(room.array("checkins").get(0).asObject().string("status")).isEqualTo("timer + sc-bridge wired");
        }
        assertThat(host.app.rooms()).containsExactly(Json.object().put("room", "proof-room").put("status", "active")
                .put("participants", 2).put("goal", "ship focus-room v2").put("endsAt", T0 + 30 * MINUTE).build());

        host.clock.advance(MINUTE);
        JsonObject ended = host.app.end("proof-room", "feature complete");
        hub.pump();
        assertThat(ended.object("stats")).isEqualTo(new Stats(30 * MINUTE, 61_000, 2, 1).toJson());
        assertThat(joiner.room("proof-room").string("status")).isEqualTo("ended");
        assertThat(joiner.room("proof-room").string("endedReason")).isEqualTo("manual");
        assertThat(joiner.room("proof-room").get("summary").orElseThrow()).isEqualTo(Json.of("feature complete"));
        assertThat(joiner.room("proof-room").object("stats")).isEqualTo(ended.object("stats"));
        for (TestPeer peer : List.of(host, joiner)) {
            assertThat(peer.app.streaks()).extracting(Streak::sessions).containsExactly(1L, 1L);
            assertThat(peer.app.streaks()).extracting(Streak::peer).containsExactlyInAnyOrder(host.key(), joiner.key());
        }
        // The host was not in the room's channel yet when the joiner joined: it hears the join
        // once it starts (the joiner's answer to its sync request), once only.
        assertThat(host.eventTypes()).containsExactly("session_start/local", "session_join/remote",
                "session_checkin/remote", "session_extend/local", "session_end/local");
        assertThat(joiner.eventTypes()).contains("session_join/local", "session_start/remote", "session_checkin/local",
                "session_extend/remote", "session_end/remote");
        assertThat(host.lines).contains("[focus:proof-room] started by " + host.key() + " for 25m 0s | goal=\"ship focus-room v2\"",
                "[focus:proof-room] checkin " + joiner.key() + ": timer + sc-bridge wired");
    }

    @Test
    void localErrorsKeepTheOriginalsStringsAndChangeNothing() {
        TestPeer host = peer("host");
        TestPeer other = peer("other");
        assertThatThrownBy(() -> host.app.start("  ", 25L, "")).hasMessage("room is required");
        assertThatThrownBy(() -> host.app.join("")).hasMessage("room is required");
        assertThatThrownBy(() -> host.app.extend("r", 5L)).hasMessage("room is not active");
        assertThatThrownBy(() -> host.app.end("r", "")).hasMessage("room is not active");
        host.app.start("r", 10L, "goal");
        hub.pump();
        assertThatThrownBy(() -> host.app.start("r", 10L, "")).hasMessage("room is already active");
        assertThatThrownBy(() -> host.app.checkin("r", "   ")).hasMessage("status is required");
        other.app.join("r");
        hub.pump();
        int sentBefore = hub.sent.size();
        assertThatThrownBy(() -> other.app.extend("r", 5L)).hasMessage("only host can extend session");
        assertThatThrownBy(() -> other.app.end("r", "")).hasMessage("only host can end session");
        assertThat(hub.sent).hasSize(sentBefore);
        assertThat(host.room("r").string("status")).isEqualTo("active");
        assertThat(host.app.status("unknown")).isEmpty();
    }

    @Test
    void boundsAreRefusedWithAnErrorNamingTheField() {
        TestPeer host = peer("host");
        assertThatThrownBy(() -> host.app.start("r", 0L, "")).hasMessage("minutes must be between 1 and 1440 (got 0)");
        assertThatThrownBy(() -> host.app.start("r", 1441L, "")).hasMessage("minutes must be between 1 and 1440 (got 1441)");
        assertThatThrownBy(() -> host.app.start("r", 35_792L, "")).hasMessageContaining("minutes must be between");
        assertThatThrownBy(() -> host.app.start("r", 5L, "g".repeat(241))).hasMessage("goal is too long (241 > 240 characters)");
        assertThatThrownBy(() -> host.app.start("r".repeat(129), 5L, "")).hasMessageStartingWith("room is too long");
        assertThatThrownBy(() -> host.app.start("a\nb", 5L, "")).hasMessage("room must not contain control characters");
        assertThat(host.app.rooms()).isEmpty();
        host.app.start("r", 1440L, "  trimmed goal  ");
        assertThat(host.room("r").string("goal")).isEqualTo("trimmed goal");
        assertThatThrownBy(() -> host.app.checkin("r", "s".repeat(241))).hasMessage("status is too long (241 > 240 characters)");
        assertThatThrownBy(() -> host.app.extend("r", 1441L)).hasMessageContaining("minutes must be between");
        assertThatThrownBy(() -> host.app.end("r", "x".repeat(241))).hasMessage("summary is too long (241 > 240 characters)");
    }

    @Test
    void nobodyButTheHostsKeyCanEndOrExtendEvenWithAForgedPayload() {
        TestPeer host = peer("host");
        TestPeer mallory = peer("mallory");
        mallory.app.join("r");
        host.app.start("r", 10L, "");
        hub.pump();
        JsonObject room = mallory.room("r");
        String session = room.string("session");
        // Mallory signs with its own key an end that names the host as author: refused when decoded.
        FocusEvent.End forged = new FocusEvent.End("r", session, host.key(), false, "", T0, new Stats(0, 0, 1, 0),
                List.of(host.key()));
        assertThatThrownBy(() -> Signatures.sign(mallory.wallet, forged, 99, T0))
                .hasMessageContaining("is not its signer");
        // Mallory's own signed end and extend: valid signatures, but not the host's key.
        mallory.sidechannels.send("r", Signatures.sign(mallory.wallet, new FocusEvent.End("r", session, mallory.key(),
                false, "", T0, new Stats(0, 0, 1, 0), List.of(mallory.key())), 1000, T0).toJson().toJson(),
                Optional.empty(), Optional.empty());
        mallory.sidechannels.send("r", Signatures.sign(mallory.wallet, new FocusEvent.Extend("r", session, mallory.key(), 5,
                T0 + 15 * MINUTE, T0), 1001, T0).toJson().toJson(), Optional.empty(), Optional.empty());
        // The host's key and payload with mallory's signature bytes: a bad signature.
        SignedEvent real = Signatures.sign(mallory.wallet, new FocusEvent.Join("r", session, mallory.key(), T0), 1002, T0);
        String stolen = real.toJson().toJson().replace(mallory.key(), host.key());
        mallory.sidechannels.send("r", stolen, Optional.empty(), Optional.empty());
        hub.pump();
        assertThat(host.room("r").string("status")).isEqualTo("active");
        assertThat(host.room("r").integer("endsAt")).isEqualTo(T0 + 10 * MINUTE);
        assertThat(participants(host.room("r"))).containsExactlyInAnyOrder(mallory.key(), host.key());
        assertThat(host.room("r").array("checkins").size()).isZero();
        assertThat(host.app.streaks()).isEmpty();
    }

    @Test
    void clockSkewDropsNothingBecauseOrderIsTheAuthorsSequence() {
        TestPeer host = peer("host");
        TestPeer joiner = new TestPeer(hub, new MutableClock(T0 - 10 * MINUTE), dir.resolve("slow"));
        joiner.app.join("r");
        host.app.start("r", 30L, "");
        hub.pump();
        // The joiner's clock is 10 minutes behind: its events carry older `at`s than the host's.
        joiner.app.checkin("r", "first");
        joiner.app.checkin("r", "second");
        hub.pump();
        host.clock.advance(MINUTE);
        host.app.extend("r", 5L);
        hub.pump();
        joiner.app.checkin("r", "third");
        hub.pump();
        JsonObject room = host.room("r");
        assertThat(room.array("checkins").values()).extracting(j -> j.asObject().string("status"))
                .containsExactly("first", "second", "third");
        assertThat(joiner.room("r").integer("endsAt")).isEqualTo(T0 + 35 * MINUTE);
    }

    @Test
    void aReplayedOrOutOfOrderHostEventIsIgnoredBySequence() {
        TestPeer host = peer("host");
        TestPeer joiner = peer("joiner");
        joiner.app.join("r");
        host.app.start("r", 10L, "");
        hub.pump();
        String session = host.room("r").string("session");
        SignedEvent later = Signatures.sign(host.wallet, new FocusEvent.Extend("r", session, host.key(), 10,
                T0 + 20 * MINUTE, T0), 500, T0);
        SignedEvent earlier = Signatures.sign(host.wallet, new FocusEvent.Extend("r", session, host.key(), 5,
                T0 + 15 * MINUTE, T0), 400, T0);
        joiner.sidechannels.deliver("r", host.key(), later.toJson().toJson());
        joiner.sidechannels.deliver("r", host.key(), earlier.toJson().toJson());
        joiner.sidechannels.deliver("r", host.key(), later.toJson().toJson());
        assertThat(joiner.room("r").integer("endsAt")).isEqualTo(T0 + 20 * MINUTE);
        // An extend that would move the end backwards, or by more than its minutes, is refused (W10).
        SignedEvent backwards = Signatures.sign(host.wallet, new FocusEvent.Extend("r", session, host.key(), 5,
                T0 + 12 * MINUTE, T0), 600, T0);
        SignedEvent tooFar = Signatures.sign(host.wallet, new FocusEvent.Extend("r", session, host.key(), 1,
                T0 + 40 * MINUTE, T0), 700, T0);
        joiner.sidechannels.deliver("r", host.key(), backwards.toJson().toJson());
        joiner.sidechannels.deliver("r", host.key(), tooFar.toJson().toJson());
        assertThat(joiner.room("r").integer("endsAt")).isEqualTo(T0 + 20 * MINUTE);
        assertThat(joiner.eventTypes()).filteredOn(t -> t.startsWith("session_extend")).hasSize(1);
    }

    @Test
    void aLateJoinerReceivesTheRunningSessionFromPeersInTheRoom() {
        TestPeer host = peer("host");
        TestPeer early = peer("early");
        early.app.join("r");
        host.app.start("r", 25L, "deep work");
        hub.pump();
        early.app.checkin("r", "on it");
        hub.pump();
        host.clock.advance(MINUTE);
        host.app.extend("r", 5L);
        hub.pump();
        TestPeer late = peer("late");
        JsonObject joined = late.app.join("r");
        assertThat(joined.string("status")).as("before any answer").isEqualTo("idle");
        hub.pump();
        JsonObject room = late.room("r");
        assertThat(room.string("status")).isEqualTo("active");
        assertThat(room.string("host")).isEqualTo(host.key());
        assertThat(room.string("goal")).isEqualTo("deep work");
        assertThat(room.integer("endsAt")).isEqualTo(T0 + 30 * MINUTE);
        assertThat(participants(room)).contains(host.key(), early.key(), late.key());
        assertThat(room.array("checkins").size()).isEqualTo(1);
        assertThat(participants(host.room("r"))).contains(late.key());
        assertThat(late.eventTypes()).contains("session_start/remote", "session_extend/remote");
        // The late joiner follows the host afterwards.
        host.app.end("r", "done");
        hub.pump();
        assertThat(late.room("r").string("status")).isEqualTo("ended");
    }

    @Test
    void syncedHistoryIsVerifiedPerEventWhoeverRelaysIt() {
        TestPeer host = peer("host");
        TestPeer relay = peer("relay");
        host.app.start("r", 10L, "");
        hub.pump();
        String session = host.room("r").string("session");
        SignedEvent start = Signatures.sign(relay.wallet, new FocusEvent.Start("r", "00000000000000aa", relay.key(), "fake",
                T0, T0 + MINUTE, List.of(relay.key())), 1, T0);
        String tampered = start.toJson().toJson().replace("\"fake\"", "\"evil\"");
        TestPeer late = peer("late");
        late.sidechannels.join("r", Optional.empty(), Optional.empty());
        String reply = "{\"app\":\"focus_room\",\"eventType\":\"room_sync\",\"payload\":{\"room\":\"r\",\"events\":[" + tampered
                + "]},\"at\":1,\"by\":\"" + relay.key() + "\"}";
        late.sidechannels.deliver("r", relay.key(), reply);
        assertThat(late.app.status("r").map(r -> r.string("status")).orElse("none")).isNotEqualTo("active");
        late.app.join("r");
        hub.pump();
        assertThat(late.room("r").string("session")).as("the real session came from the peers' answers").isEqualTo(session);
    }

    @Test
    void theHostDecidesTheOneExpiryAndOthersFollowIt() {
        TestPeer host = peer("host");
        TestPeer joiner = peer("joiner");
        joiner.app.join("r");
        host.app.start("r", 1L, "");
        hub.pump();
        // The joiner's clock passes the deadline first: it waits for the host.
        joiner.clock.advance(MINUTE + 1000);
        joiner.app.tick();
        hub.pump();
        assertThat(joiner.room("r").string("status")).isEqualTo("active");
        host.clock.advance(MINUTE - 1);
        host.app.tick();
        assertThat(host.room("r").string("status")).isEqualTo("active");
        host.clock.advance(1);
        host.app.tick();
        host.app.tick();
        hub.pump();
        joiner.clock.advance(FocusRoom.FOLLOW_GRACE.toMillis());
        joiner.app.tick();
        hub.pump();
        assertThat(sent("session_expired")).isEqualTo(1);
        for (TestPeer peer : List.of(host, joiner)) {
            JsonObject room = peer.room("r");
            assertThat(room.string("status")).isEqualTo("ended");
            assertThat(room.string("endedReason")).isEqualTo("timer");
            assertThat(room.integer("endedAt")).isEqualTo(T0 + MINUTE);
            assertThat(room.object("stats")).isEqualTo(new Stats(MINUTE, MINUTE, 2, 0).toJson());
            assertThat(peer.app.streaks()).extracting(Streak::sessions).containsExactly(1L, 1L);
        }
        assertThat(joiner.lines).contains("[focus:r] expired automatically");
    }

    @Test
    void whenTheHostIsSilentOthersEndLocallyWithoutBroadcastingAndTakeTheHostsEndLater() {
        TestPeer host = peer("host");
        TestPeer joiner = peer("joiner");
        joiner.app.join("r");
        host.app.start("r", 1L, "");
        hub.pump();
        host.sidechannels.online = false;
        host.clock.advance(MINUTE + 5000);
        host.app.tick();
        hub.pump();
        joiner.clock.advance(MINUTE + FocusRoom.FOLLOW_GRACE.toMillis());
        joiner.app.tick();
        hub.pump();
        assertThat(joiner.room("r").string("status")).isEqualTo("ended");
        assertThat(joiner.room("r").integer("endedAt")).isEqualTo(T0 + MINUTE);
        assertThat(hub.sent.stream().filter(m -> m.contains("session_expired"))).hasSize(1).allMatch(m -> m.contains(host.key()));
        assertThat(joiner.app.streaks()).extracting(Streak::sessions).containsExactly(1L, 1L);
        // The host comes back: its expiry (in its room log) reaches the joiner through a sync.
        host.sidechannels.online = true;
        joiner.app.requestSync("r");
        hub.pump();
        JsonObject room = joiner.room("r");
        assertThat(room.integer("endedAt")).as("the host's end replaces the local one").isEqualTo(T0 + MINUTE + 5000);
        assertThat(joiner.app.streaks()).as("counted once").extracting(Streak::sessions).containsExactly(1L, 1L);
        assertThat(joiner.app.history()).hasSize(1);
        assertThat(joiner.app.history().get(0).endedAt()).isEqualTo(T0 + MINUTE + 5000);
    }

    @Test
    void streaksCountOnlyTheParticipantsOfEachSession() {
        TestPeer host = peer("host");
        TestPeer joiner = peer("joiner");
        joiner.app.join("r");
        hub.pump();
        host.app.start("r", 10L, "");
        hub.pump();
        joiner.app.checkin("r", "here");
        hub.pump();
        host.app.end("r", "one");
        hub.pump();
        host.app.start("r", 10L, "");
        hub.pump();
        JsonObject second = joiner.room("r");
        assertThat(participants(second)).as("a start resets participants (W6)").containsExactly(host.key());
        assertThat(second.array("checkins").size()).isZero();
        host.app.end("r", "two");
        hub.pump();
        for (TestPeer peer : List.of(host, joiner)) {
            assertThat(peer.app.streaks()).containsExactly(new Streak(host.key(), 2), new Streak(joiner.key(), 1));
            assertThat(peer.app.history()).extracting(HistoryEntry::summary).containsExactly("two", "one");
        }
        assertThat(host.app.history().get(0).stats().participantCount()).isEqualTo(1);
    }

    @Test
    void aMessageSpeaksOnlyForTheRoomOfItsChannel() {
        TestPeer host = peer("host");
        TestPeer other = peer("other");
        other.sidechannels.join("r", Optional.empty(), Optional.empty());
        SignedEvent start = Signatures.sign(host.wallet, new FocusEvent.Start("r", "00000000000000ff", host.key(), "",
                T0, T0 + MINUTE, List.of(host.key())), 1, T0);
        other.sidechannels.deliver("0000intercom", host.key(), start.toJson().toJson());
        other.sidechannels.deliver("elsewhere", host.key(), start.toJson().toJson());
        assertThat(other.app.status("r")).isEmpty();
        other.sidechannels.deliver("r", host.key(), start.toJson().toJson());
        assertThat(other.room("r").string("status")).isEqualTo("active");
    }

    @Test
    void simultaneousStartsConvergeOnOneSession() {
        TestPeer a = peer("a");
        TestPeer b = peer("b");
        a.sidechannels.join("r", Optional.empty(), Optional.empty());
        b.sidechannels.join("r", Optional.empty(), Optional.empty());
        a.app.start("r", 10L, "a");
        b.app.start("r", 10L, "b");
        hub.pump();
        assertThat(a.room("r").string("session")).isEqualTo(b.room("r").string("session"));
        assertThat(a.room("r").string("host")).isEqualTo(b.room("r").string("host"));
    }

    @Test
    void streaksAndHistorySurviveARestartAndASyncedEndIsNotCountedTwice() {
        TestPeer host = peer("host");
        TestPeer joiner = peer("joiner");
        joiner.app.join("r");
        host.app.start("r", 10L, "kept");
        hub.pump();
        host.app.end("r", "bye");
        hub.pump();
        List<Streak> before = joiner.app.streaks();
        joiner.app.close();
        joiner.sidechannels.online = false;
        TestPeer restarted = new TestPeer(hub, new MutableClock(T0), dir.resolve("joiner"), joiner.wallet);
        assertThat(restarted.app.streaks()).isEqualTo(before);
        assertThat(restarted.app.history()).hasSize(1);
        assertThat(restarted.app.history().get(0).goal()).isEqualTo("kept");
        restarted.app.join("r");
        hub.pump();
        assertThat(restarted.room("r").string("status")).as("the ended session synced back").isNotEqualTo("active");
        assertThat(restarted.app.streaks()).isEqualTo(before);
        // Its own events after the restart are still fresh for the others (sequence numbers kept increasing).
        host.app.start("r", 10L, "again");
        hub.pump();
        restarted.app.checkin("r", "after restart");
        hub.pump();
        assertThat(host.room("r").array("checkins").size()).isEqualTo(1);
    }

    @Test
    void aPeerThatMissedAStartLearnsTheSessionFromItsNextEvent() {
        TestPeer host = peer("host");
        TestPeer joiner = peer("joiner");
        joiner.app.join("r");
        host.app.start("r", 10L, "first");
        hub.pump();
        host.app.end("r", "");
        hub.pump();
        joiner.sidechannels.online = false;
        host.app.start("r", 10L, "second");
        hub.pump();
        joiner.sidechannels.online = true;
        assertThat(joiner.room("r").string("status")).isEqualTo("ended");
        host.clock.advance(MINUTE);
        host.app.extend("r", 5L);
        hub.pump();
        JsonObject room = joiner.room("r");
        assertThat(room.string("status")).isEqualTo("active");
        assertThat(room.string("goal")).isEqualTo("second");
        assertThat(room.integer("endsAt")).isEqualTo(T0 + 15 * MINUTE);
    }
}
