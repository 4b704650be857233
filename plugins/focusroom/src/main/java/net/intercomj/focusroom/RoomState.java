package net.intercomj.focusroom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * One room as this peer sees it (spec §1.3), mutable, guarded by {@link FocusRoom}'s lock.
 *
 * <p>Unlike the original, a room holds one <b>session</b> at a time, identified by the id its
 * host chose: a start resets participants and check-ins (W6), the host's events are ordered by
 * the host's sequence numbers ({@link #lastSeq}), and the session's signed events are kept in
 * {@link #log} so a peer joining later can be sent them (W2).
 */
final class RoomState {

    enum Status {
        IDLE, ACTIVE, ENDED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The most events a session's log keeps; check-ins and joins are dropped first. */
    static final int MAX_LOG = 160;
    /** How many ended session ids a room remembers, to refuse their replayed starts. */
    static final int MAX_ENDED = 64;

    final String room;
    String session;
    String host;
    String goal = "";
    Long startedAt;
    Long endsAt;
    Long lastEventAt;
    Status status = Status.IDLE;
    Long endedAt;
    String endedReason;
    String summary;
    Stats stats;
    /** True when this peer ended the session at the host's deadline without the host's word yet (W8). */
    boolean followedExpiry;
    final Set<String> participants = new LinkedHashSet<>();
    /** Peers that joined since the last session ended: they take part in the next start. */
    final Set<String> lobby = new LinkedHashSet<>();
    final Deque<CheckinEntry> checkins = new ArrayDeque<>();
    /** The highest sequence number applied per author, in this session. */
    final Map<String, Long> lastSeq = new HashMap<>();
    final List<SignedEvent> log = new ArrayList<>();
    final Set<String> endedSessions = new LinkedHashSet<>();

    RoomState(String room) {
        this.room = room;
    }

    /** Whether {@code seq} is new for {@code author} in this session; records it when so. */
    boolean fresh(String author, long seq) {
        Long last = lastSeq.get(author);
        if (last != null && seq <= last) {
            return false;
        }
        lastSeq.put(author, seq);
        return true;
    }

    void addCheckin(CheckinEntry checkin) {
        checkins.addLast(checkin);
        while (checkins.size() > Limits.MAX_CHECKINS) {
            checkins.removeFirst();
        }
    }

    void addParticipant(String key) {
        if (participants.size() < Limits.MAX_PARTICIPANTS) {
            participants.add(key);
        }
    }

    void log(SignedEvent event) {
        log.add(event);
        while (log.size() > MAX_LOG) {
            int drop = 0;
            for (int i = 0; i < log.size(); i++) {
                FocusEvent e = log.get(i).event();
                if (e instanceof FocusEvent.Join || e instanceof FocusEvent.Checkin) {
                    drop = i;
                    break;
                }
            }
            log.remove(drop);
        }
    }

    void rememberEnded(String id) {
        endedSessions.add(id);
        while (endedSessions.size() > MAX_ENDED) {
            endedSessions.remove(endedSessions.iterator().next());
        }
    }

    /** The stats at {@code now}, as the original computes them (this session's counts only). */
    Stats statsAt(long now) {
        long start = startedAt == null ? now : startedAt;
        long end = endsAt == null ? now : endsAt;
        return new Stats(Math.max(0, end - start), Math.max(0, now - start), participants.size(), checkins.size());
    }

    /**
     * The room object of replies, fields in the original's order ({@code room, host, goal,
     * startedAt, endsAt, lastEventAt, status, endedAt, endedReason, participants, checkins} (the
     * last {@value Limits#SHOWN_CHECKINS}), {@code stats}), then this version's {@code session}
     * and {@code summary}.
     */
    JsonObject toJson() {
        List<CheckinEntry> all = new ArrayList<>(checkins);
        List<CheckinEntry> shown = all.subList(Math.max(0, all.size() - Limits.SHOWN_CHECKINS), all.size());
        return Json.object()
                .put("room", room)
                .put("host", nullable(host))
                .put("goal", goal)
                .put("startedAt", nullable(startedAt))
                .put("endsAt", nullable(endsAt))
                .put("lastEventAt", nullable(lastEventAt))
                .put("status", status.wire())
                .put("endedAt", nullable(endedAt))
                .put("endedReason", nullable(endedReason))
                .put("participants", Json.array(participants.stream().map(Json::of).toList()))
                .put("checkins", Json.array(shown.stream().map(CheckinEntry::toJson).toList()))
                .put("stats", stats == null ? Json.NULL : stats.toJson())
                .put("session", nullable(session))
                .put("summary", nullable(summary))
                .build();
    }

    /** The row of {@code focus_rooms}: {@code {room, status, participants:<count>, goal, endsAt}}. */
    JsonObject toRow() {
        return Json.object()
                .put("room", room)
                .put("status", status.wire())
                .put("participants", participants.size())
                .put("goal", goal)
                .put("endsAt", nullable(endsAt))
                .build();
    }

    private static Json nullable(String value) {
        return value == null ? Json.NULL : Json.of(value);
    }

    private static Json nullable(Long value) {
        return value == null ? Json.NULL : Json.of(value);
    }
}
