package net.intercomj.focusroom;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.network.Registration;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FocusRoom app: the local actions of spec §1.4 shared by the bridge and the terminal, the
 * remote events of §1.5 with the fixes of §1.11, history sync for late joiners, and the expiry
 * clock ({@link #tick}).
 *
 * <h2>Rules (the fixes)</h2>
 * <ul>
 *   <li><b>W1</b> every event is signed by its author ({@link Signatures}); the author is the
 *       only identity used. The host of a session is the key that signed its start, so only
 *       that key's extend, end and expiry are applied, on every peer.
 *   <li><b>W2</b> a peer that joins a room (or first hears a peer on it) sends
 *       {@code room_sync_request}; peers holding the room answer with the current session's
 *       signed events, which the joiner verifies one by one.
 *   <li><b>W3/W4</b> local actions join the room's channel before sending; a remote event is
 *       applied only to the room named by the channel it arrived on.
 *   <li><b>W5</b> an author's events are ordered by its sequence numbers, never by clocks; a
 *       clock skew drops nothing.
 *   <li><b>W6/W7</b> a start resets participants and check-ins; a finished session is counted
 *       once per session id, for the participants the host listed in its end.
 *   <li><b>W8</b> only the host's deadline ends a session: the host broadcasts the expiry;
 *       others end the session locally, without broadcasting, only if the host stays silent for
 *       {@link #FOLLOW_GRACE} after its deadline, and take the host's end when it comes.
 *   <li><b>W9/W10/W11</b> bounded minutes and texts ({@link Limits}); a remote extend must move
 *       the end forward by at most its minutes; pushes carry the checked payload.
 *   <li><b>W14</b> streaks and history are kept on disk ({@link FocusStore}).
 * </ul>
 * Every method is synchronized: the bridge, the terminal, the scheduler and the sidechannel
 * threads all call in.
 */
public final class FocusRoom implements AutoCloseable {

    /** How long peers wait for the host's expiry after its deadline before ending locally. */
    public static final Duration FOLLOW_GRACE = Duration.ofSeconds(10);

    /** Default minutes of a start and of an extend, as the original. */
    static final int DEFAULT_START_MINUTES = 25;
    static final int DEFAULT_EXTEND_MINUTES = 5;

    static final String ALREADY_ACTIVE = "room is already active";
    static final String NOT_ACTIVE = "room is not active";
    static final String ONLY_HOST_EXTEND = "only host can extend session";
    static final String ONLY_HOST_END = "only host can end session";

    private static final Logger LOG = LoggerFactory.getLogger(FocusRoom.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where events go: bridge clients ({@code focus_event}) and the console. */
    @FunctionalInterface
    public interface Events {
        /**
         * @param focusEvent  the {@code focus_event} object for bridge clients
         * @param consoleLine the original's console line for the event
         */
        void emit(JsonObject focusEvent, String consoleLine);
    }

    private final FocusStore store;
    private final Sidechannels sidechannels;
    private final Wallet wallet;
    private final SignatureVerifier verifier;
    private final Clock clock;
    private final Events events;
    private final int messageBudget;
    private final String self;
    private final Map<String, RoomState> rooms = new LinkedHashMap<>();
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Set<String> heard = ConcurrentHashMap.newKeySet();
    private final Set<String> heardRooms = ConcurrentHashMap.newKeySet();
    private final Set<String> askedSessions = ConcurrentHashMap.newKeySet();
    private int lastConnections;
    private volatile Registration subscription;

    /** @param messageBudget the largest sync message to send, in bytes of JSON text */
    FocusRoom(FocusStore store, Sidechannels sidechannels, Wallet wallet, SignatureVerifier verifier, Clock clock,
            Events events, int messageBudget) {
        this.store = store;
        this.sidechannels = sidechannels;
        this.wallet = wallet;
        this.verifier = verifier;
        this.clock = clock;
        this.events = events;
        this.messageBudget = messageBudget;
        this.self = wallet.publicKeyHex();
    }

    /** Starts listening to the sidechannels and asks the joined channels for their rooms. */
    public void start() {
        subscription = sidechannels.subscribe(message -> {
            try {
                handle(message);
            } catch (RuntimeException e) {
                LOG.warn("FocusRoom message handler error: {}", e.toString());
            }
        });
        syncJoinedChannels();
    }

    @Override
    public void close() {
        Registration running = subscription;
        if (running != null) {
            running.close();
        }
    }

    /** This peer's key, as rooms show it. */
    public String self() {
        return self;
    }

    // ---- local actions (§1.4)

    /**
     * Starts a session; this peer becomes its host.
     *
     * @param minutes null for the default {@value #DEFAULT_START_MINUTES}
     * @return the room object
     * @throws IllegalArgumentException with the core error ({@code room is required},
     *     {@code room is already active}, a bound's message)
     */
    public synchronized JsonObject start(String rawRoom, Long minutes, String rawGoal) {
        String name = Limits.room(rawRoom);
        int length = Limits.minutes(minutes == null ? DEFAULT_START_MINUTES : minutes);
        String goal = Limits.text(rawGoal, "goal");
        RoomState room = room(name);
        if (room.status == RoomState.Status.ACTIVE) {
            throw new IllegalArgumentException(ALREADY_ACTIVE);
        }
        long now = clock.millis();
        List<String> participants = new ArrayList<>(room.lobby);
        if (!participants.contains(self)) {
            participants.add(self);
        }
        FocusEvent.Start start = new FocusEvent.Start(name, newSession(), self, goal, now, now + length * 60_000L,
                participants);
        local(room, start, now);
        return room.toJson();
    }

    /** Joins a room (any status; creates it); returns the room object. */
    public synchronized JsonObject join(String rawRoom) {
        String name = Limits.room(rawRoom);
        RoomState room = room(name);
        long now = clock.millis();
        String session = room.status == RoomState.Status.ACTIVE ? room.session : null;
        local(room, new FocusEvent.Join(name, session, self, now), now);
        return room.toJson();
    }

    /**
     * Checks in to the room's running session. Unlike the original (any status), a check-in
     * belongs to a session, so the room must be active.
     */
    public synchronized JsonObject checkin(String rawRoom, String rawStatus) {
        String name = Limits.room(rawRoom);
        String status = Limits.text(rawStatus, "status");
        if (status.isEmpty()) {
            throw new IllegalArgumentException(Limits.STATUS_REQUIRED);
        }
        RoomState room = active(name);
        long now = clock.millis();
        local(room, new FocusEvent.Checkin(name, room.session, self, status, now), now);
        return room.toJson();
    }

    /** Extends the running session (host only); null minutes for {@value #DEFAULT_EXTEND_MINUTES}. */
    public synchronized JsonObject extend(String rawRoom, Long minutes) {
        String name = Limits.room(rawRoom);
        RoomState room = active(name);
        if (!self.equals(room.host)) {
            throw new IllegalArgumentException(ONLY_HOST_EXTEND);
        }
        int add = Limits.minutes(minutes == null ? DEFAULT_EXTEND_MINUTES : minutes);
        long now = clock.millis();
        long endsAt = Math.max(room.endsAt, now) + add * 60_000L;
        local(room, new FocusEvent.Extend(name, room.session, self, add, endsAt, now), now);
        return room.toJson();
    }

    /** Ends the running session (host only); returns the room object, with its stats. */
    public synchronized JsonObject end(String rawRoom, String rawSummary) {
        String name = Limits.room(rawRoom);
        String summary = Limits.text(rawSummary, "summary");
        RoomState room = active(name);
        if (!self.equals(room.host)) {
            throw new IllegalArgumentException(ONLY_HOST_END);
        }
        long now = clock.millis();
        local(room, new FocusEvent.End(name, room.session, self, false, summary, now, room.statsAt(now),
                List.copyOf(room.participants)), now);
        return room.toJson();
    }

    /** The room object of {@code room}, empty when unknown (does not create it). */
    public synchronized Optional<JsonObject> status(String rawRoom) {
        String name = rawRoom == null ? "" : rawRoom.strip();
        return Optional.ofNullable(rooms.get(name)).map(RoomState::toJson);
    }

    /** Every room object, in creation order. */
    public synchronized List<JsonObject> statusAll() {
        return rooms.values().stream().map(RoomState::toJson).toList();
    }

    /** {@code focus_rooms} rows, in creation order. */
    public synchronized List<JsonObject> rooms() {
        return rooms.values().stream().map(RoomState::toRow).toList();
    }

    /** Finished sessions counted per participant, descending. */
    public synchronized List<Streak> streaks() {
        return store.streaks();
    }

    /** Finished sessions, newest first (kept across restarts). */
    public synchronized List<HistoryEntry> history() {
        return store.history();
    }

    private RoomState room(String name) {
        return rooms.computeIfAbsent(name, RoomState::new);
    }

    private RoomState active(String name) {
        RoomState room = rooms.get(name);
        if (room == null || room.status != RoomState.Status.ACTIVE) {
            throw new IllegalArgumentException(NOT_ACTIVE);
        }
        return room;
    }

    /** Signs, applies, emits and broadcasts one event of this peer. */
    private void local(RoomState room, FocusEvent event, long now) {
        SignedEvent signed = Signatures.sign(wallet, event, store.nextSeq(), now);
        if (!apply(room, signed) && !(event instanceof FocusEvent.Join)) {
            throw new IllegalStateException("a local " + event.type() + " was not applied");
        }
        // A join this peer already made is sent again all the same: peers may have missed it.
        emit(signed, "local");
        ensureJoined(room.room);
        send(room.room, signed.toJson());
    }

    // ---- expiry (W8)

    /**
     * Ends the sessions whose deadline passed: the host's own with a broadcast
     * {@code session_expired}; another host's only when it stayed silent for
     * {@link #FOLLOW_GRACE} after its deadline, locally and without a broadcast. The plugin calls
     * it every second; tests call it after moving their clock.
     */
    public synchronized void tick() {
        long now = clock.millis();
        for (RoomState room : List.copyOf(rooms.values())) {
            if (room.status != RoomState.Status.ACTIVE || room.endsAt > now) {
                continue;
            }
            if (self.equals(room.host)) {
                local(room, new FocusEvent.End(room.room, room.session, self, true, "", now, room.statsAt(now),
                        List.copyOf(room.participants)), now);
            } else if (room.endsAt + FOLLOW_GRACE.toMillis() <= now) {
                Stats stats = room.statsAt(room.endsAt);
                finish(room, room.endsAt, true, "", stats, List.copyOf(room.participants));
                room.followedExpiry = true;
                JsonObject payload = Json.object().put("room", room.room).put("who", room.host).put("reason", "timer")
                        .put("at", room.endsAt).put("stats", stats.toJson()).put("session", room.session)
                        .put("participants", Json.array(room.participants.stream().map(Json::of).toList())).build();
                emit(room.room, "session_expired", payload, now, self, "local", room.endsAt);
            }
        }
    }

    // ---- applying events (local and remote)

    /**
     * Applies one verified event to its room.
     *
     * @return false when it was refused or already applied (nothing changed)
     */
    private boolean apply(RoomState room, SignedEvent signed) {
        boolean applied = switch (signed.event()) {
            case FocusEvent.Start start -> applyStart(room, signed, start);
            case FocusEvent.Join join -> applyJoin(room, signed, join);
            case FocusEvent.Checkin checkin -> applyCheckin(room, signed, checkin);
            case FocusEvent.Extend extend -> applyExtend(room, signed, extend);
            case FocusEvent.End end -> applyEnd(room, signed, end);
        };
        if (applied) {
            room.lastEventAt = signed.at();
        }
        return applied;
    }

    private boolean applyStart(RoomState room, SignedEvent signed, FocusEvent.Start start) {
        if (start.session().equals(room.session) || room.endedSessions.contains(start.session())
                || store.counted(start.session())) {
            return false;
        }
        // Two peers started the room at once: every peer keeps the session with the smaller id,
        // so all converge on one host.
        if (room.status == RoomState.Status.ACTIVE && start.session().compareTo(room.session) > 0) {
            return false;
        }
        boolean wasInLobby = room.lobby.contains(self);
        room.session = start.session();
        room.host = start.host();
        room.goal = start.goal();
        room.startedAt = start.startedAt();
        room.endsAt = start.endsAt();
        room.status = RoomState.Status.ACTIVE;
        room.endedAt = null;
        room.endedReason = null;
        room.summary = null;
        room.stats = null;
        room.followedExpiry = false;
        room.participants.clear();
        start.participants().forEach(room::addParticipant);
        room.addParticipant(start.host());
        room.lobby.forEach(room::addParticipant);
        room.lobby.clear();
        room.checkins.clear();
        room.lastSeq.clear();
        room.lastSeq.put(signed.by(), signed.seq());
        room.log.clear();
        room.log(signed);
        if (wasInLobby && !start.participants().contains(self) && !signed.by().equals(self)) {
            // This peer joined before the host heard it: tell the host, so the host's end lists
            // it (streaks follow the host's list).
            long now = clock.millis();
            SignedEvent join = Signatures.sign(wallet, new FocusEvent.Join(room.room, room.session, self, now),
                    store.nextSeq(), now);
            room.fresh(self, join.seq());
            room.log(join);
            send(room.room, join.toJson());
        }
        return true;
    }

    private boolean applyJoin(RoomState room, SignedEvent signed, FocusEvent.Join join) {
        if (join.session() != null && !join.session().equals(room.session)) {
            // A join of a session this peer does not know: it missed the start.
            syncOnce(room.room, join.session());
            return false;
        }
        if (room.status == RoomState.Status.ACTIVE) {
            // Of the running session, or sent while its author saw the room idle: either way
            // the author takes part in the session that runs now.
            if (!room.fresh(signed.by(), signed.seq()) || room.participants.contains(join.who())) {
                // Already taking part (a join sent again, or relayed by a sync): nothing new.
                return false;
            }
            room.addParticipant(join.who());
            room.log(signed);
            return true;
        }
        if (join.session() != null) {
            // A join of the session that has ended since.
            return false;
        }
        // An idle or ended room: the author takes part in the next start.
        boolean added = room.lobby.add(join.who());
        room.addParticipant(join.who());
        if (added) {
            room.log(signed);
        }
        return added;
    }

    private boolean applyCheckin(RoomState room, SignedEvent signed, FocusEvent.Checkin checkin) {
        if (!checkin.session().equals(room.session)) {
            syncOnce(room.room, checkin.session());
            return false;
        }
        if (room.status != RoomState.Status.ACTIVE || !room.fresh(signed.by(), signed.seq())) {
            return false;
        }
        room.addParticipant(checkin.who());
        room.addCheckin(new CheckinEntry(checkin.who(), checkin.at(), checkin.status()));
        room.log(signed);
        return true;
    }

    private boolean applyExtend(RoomState room, SignedEvent signed, FocusEvent.Extend extend) {
        if (!extend.session().equals(room.session)) {
            syncOnce(room.room, extend.session());
            return false;
        }
        if (room.status != RoomState.Status.ACTIVE || !extend.who().equals(room.host)) {
            return false;
        }
        // W10: the end only moves forward, by at most the minutes the host says it added.
        if (extend.endsAt() <= room.endsAt
                || extend.endsAt() > Math.max(room.endsAt, extend.at()) + extend.minutes() * 60_000L) {
            return false;
        }
        if (!room.fresh(signed.by(), signed.seq())) {
            return false;
        }
        room.endsAt = extend.endsAt();
        room.log(signed);
        return true;
    }

    private boolean applyEnd(RoomState room, SignedEvent signed, FocusEvent.End end) {
        if (!end.session().equals(room.session)) {
            syncOnce(room.room, end.session());
            return false;
        }
        if (!end.who().equals(room.host)) {
            return false;
        }
        boolean followed = room.status == RoomState.Status.ENDED && room.followedExpiry;
        if (room.status != RoomState.Status.ACTIVE && !followed || !room.fresh(signed.by(), signed.seq())) {
            return false;
        }
        room.log(signed);
        if (followed) {
            // This peer ended the session at the deadline on its own; the host's word replaces it.
            room.followedExpiry = false;
            setEnded(room, end.at(), end.timer(), end.summary(), end.stats());
            store.amend(entry(room, end.participants()));
            return true;
        }
        finish(room, end.at(), end.timer(), end.summary(), end.stats(), end.participants());
        return true;
    }

    private void finish(RoomState room, long endedAt, boolean timer, String summary, Stats stats,
            List<String> participants) {
        setEnded(room, endedAt, timer, summary, stats);
        room.rememberEnded(room.session);
        store.finish(entry(room, participants));
    }

    private static void setEnded(RoomState room, long endedAt, boolean timer, String summary, Stats stats) {
        room.status = RoomState.Status.ENDED;
        room.endedAt = endedAt;
        room.endedReason = timer ? "timer" : "manual";
        room.summary = summary;
        room.stats = stats;
    }

    private static HistoryEntry entry(RoomState room, List<String> participants) {
        return new HistoryEntry(room.room, room.session, room.host, room.goal, room.startedAt, room.endsAt, room.endedAt,
                room.endedReason, room.summary == null ? "" : room.summary, participants, room.stats);
    }

    // ---- remote messages

    /**
     * Handles one delivered sidechannel message.
     *
     * @return true when it was a FocusRoom message (applied, ignored or refused), false otherwise
     */
    public synchronized boolean handle(SidechannelMessage delivered) {
        Optional<WireMessage> decoded;
        try {
            decoded = WireMessage.parse(delivered.messageJson());
        } catch (IllegalArgumentException e) {
            LOG.debug("FocusRoom: refused a message from {} on {}: {}", delivered.from(), delivered.channel(), e.getMessage());
            return true;
        }
        if (decoded.isEmpty()) {
            return false;
        }
        if (delivered.from().equals(self)) {
            return true;
        }
        WireMessage message = decoded.get();
        String channel = delivered.channel().strip();
        if (!message.room().equals(channel)) {
            // W4: a message only ever speaks for the room of its own channel.
            LOG.debug("FocusRoom: refused a message about room {} on channel {}", message.room(), channel);
            return true;
        }
        switch (message) {
            case SignedEvent signed -> receive(signed);
            case WireMessage.SyncRequest request -> answerSync(request.room());
            case WireMessage.SyncReply reply -> reply.events().forEach(this::receive);
        }
        heardRooms.add(channel);
        if (heard.add(channel + "\n" + delivered.from()) && !(message instanceof WireMessage.SyncReply)) {
            // A peer not heard on this room before: it may hold a session this peer lacks.
            requestSync(channel);
        }
        return true;
    }

    private void receive(SignedEvent signed) {
        if (!Signatures.verify(verifier, signed)) {
            LOG.debug("FocusRoom: refused {} with a bad signature by {}", signed.event().type(), signed.by());
            return;
        }
        RoomState room = room(signed.room());
        if (apply(room, signed)) {
            emit(signed, signed.by().equals(self) ? "local" : "remote");
        }
    }

    // ---- sync (W2)

    /**
     * Asks for the rooms of every joined channel not asked yet, of every room this peer holds
     * where no peer was heard yet, and of every joined channel when the sidechannels have more connections than at the last
     * call (a peer arrived); forgets channels left. The plugin calls it every
     * {@link FocusRoomPlugin#JOIN_CHECK}.
     */
    public synchronized void syncJoinedChannels() {
        int connections = sidechannels.connectionCount();
        if (connections > lastConnections) {
            requested.clear();
        }
        lastConnections = connections;
        List<String> joined = sidechannels.channels().stream().map(String::strip)
                .filter(channel -> !channel.equals(Sidechannels.ENTRY_CHANNEL)).toList();
        requested.retainAll(joined);
        for (String channel : joined) {
            // A room of this peer where no peer answered yet is asked again: the first requests
            // may have gone out before the channel's connections were open.
            if (!requested.contains(channel) || rooms.containsKey(channel) && !heardRooms.contains(channel)) {
                try {
                    requestSync(Limits.room(channel));
                } catch (IllegalArgumentException e) {
                    requested.add(channel);
                }
            }
        }
    }

    /**
     * Asks for the room's state once per unknown session: an event of a session this peer does
     * not know means it missed the start (or the session is older than the one it holds; the
     * answer then changes nothing). Asking on every such event would answer old history with
     * new requests forever.
     */
    private void syncOnce(String room, String session) {
        if (askedSessions.size() > 4096) {
            askedSessions.clear();
        }
        if (askedSessions.add(room + "\n" + session)) {
            requestSync(room);
        }
    }

    void requestSync(String room) {
        requested.add(room);
        send(room, new WireMessage.SyncRequest(room, self, clock.millis()).toJson());
    }

    private void answerSync(String name) {
        RoomState room = rooms.get(name);
        if (room == null || room.log.isEmpty()) {
            return;
        }
        List<SignedEvent> batch = new ArrayList<>();
        int size = 512;
        for (SignedEvent event : room.log) {
            int length = event.toJson().toJson().getBytes(StandardCharsets.UTF_8).length + 1;
            if (!batch.isEmpty() && size + length > messageBudget) {
                send(name, new WireMessage.SyncReply(name, batch, self, clock.millis()).toJson());
                batch = new ArrayList<>();
                size = 512;
            }
            batch.add(event);
            size += length;
        }
        send(name, new WireMessage.SyncReply(name, batch, self, clock.millis()).toJson());
    }

    private void ensureJoined(String room) {
        if (!sidechannels.channels().contains(room)) {
            sidechannels.join(room, Optional.empty(), Optional.empty());
        }
        if (!requested.contains(room)) {
            requestSync(room);
        }
    }

    // ---- output

    private void emit(SignedEvent signed, String source) {
        emit(signed.room(), signed.event().type(), signed.event().payload(), signed.at(), signed.by(), source, null);
    }

    private void emit(String room, String type, JsonObject payload, long at, String by, String source, Long expiredAt) {
        JsonObject event = Json.object()
                .put("type", "focus_event")
                .put("app", WireMessage.APP)
                .put("eventType", type)
                .put("payload", payload)
                .put("at", at)
                .put("by", by)
                .put("source", source)
                .build();
        try {
            events.emit(event, consoleLine(rooms.get(room), type, payload));
        } catch (RuntimeException e) {
            LOG.warn("FocusRoom: cannot emit {}: {}", type, e.toString());
        }
    }

    /** The original's console lines (§1.8). */
    static String consoleLine(RoomState room, String type, JsonObject payload) {
        String prefix = "[focus:" + room.room + "] ";
        return prefix + switch (type) {
            case "session_start" -> "started by " + room.host + " for " + duration(room.endsAt - room.startedAt)
                    + " | goal=\"" + room.goal + "\"";
            case "session_join" -> "join " + payload.string("who");
            case "session_checkin" -> "checkin " + payload.string("who") + ": " + payload.string("status");
            case "session_extend" -> "extended by " + payload.integer("minutes") + "m | new end "
                    + Instant.ofEpochMilli(payload.integer("endsAt"));
            case "session_expired" -> "expired automatically";
            default -> "ended by " + payload.string("who") + " | actual "
                    + duration(room.stats == null ? 0 : room.stats.actualDurationMs()) + " | participants="
                    + (room.stats == null ? 0 : room.stats.participantCount()) + " | checkins="
                    + (room.stats == null ? 0 : room.stats.checkinCount());
        };
    }

    private static String duration(long ms) {
        long seconds = Math.max(0, ms) / 1000;
        return seconds / 60 + "m " + seconds % 60 + "s";
    }

    private void send(String room, JsonObject message) {
        try {
            if (!sidechannels.send(room, message.toJson(), Optional.empty(), Optional.empty())) {
                LOG.debug("FocusRoom: the sidechannel refused a message on {}", room);
            }
        } catch (RuntimeException e) {
            LOG.warn("FocusRoom: cannot send on {}: {}", room, e.toString());
        }
    }

    private static String newSession() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
