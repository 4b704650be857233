package net.intercomj.intersplit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonNull;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;
import net.intercomj.api.network.Registration;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The InterSplit app: the rooms' operations (add, list, summary, clear) and their sync over the
 * room's sidechannel.
 *
 * <h2>Messages</h2>
 * All on the room's channel, {@code {"app":"expense_split_v1","type":…}}:
 * <ul>
 *   <li>{@code expense_add} {@code {event}}: the event with its author's {@code sig}. Accepted
 *       only when the event's {@code by} is the verified sender of the sidechannel message
 *       ({@link SidechannelMessage#from()}, a public key), the signature verifies against it,
 *       the payer is in the split ({@link Expense}) and {@code ts} is at most
 *       {@link #MAX_SKEW} ahead of this peer's clock (W3).
 *   <li>{@code expense_clear} {@code {ts, by, sig}}: a signed tombstone. Accepted from
 *       <b>any peer that can send on the channel</b> (the channel's own sidechannel policy,
 *       owner-only write or invites, is the access control), when {@code by} is the verified
 *       sender, the signature verifies, and {@code ts} is not ahead by more than
 *       {@link #MAX_SKEW}. Events with {@code ts <= ts} are removed and refused later; the clear
 *       is saved in the file (W2).
 *   <li>{@code expense_sync_request} {@code {have:[txId…], clearTs}}: sent when this peer first
 *       sees a joined channel (at start, on a join, on a local add), for every joined channel when
 *       the number of sidechannel connections grew ({@link #syncJoinedChannels}, run
 *       periodically by the plugin), and when it first hears a peer it has not heard on that
 *       channel. {@code have} lists at most {@link #MAX_HAVE}
 *       txIds (the newest; older events may then be re-sent and are deduplicated).
 *   <li>{@code expense_sync} {@code {events:[…], clear}}: the answer, the events the requester
 *       lacks and this peer's clear when newer than the requester's, split into messages of at
 *       most {@link #messageBudget} bytes. Every event still carries its author's signature, so
 *       relayed history is verified against its {@code by} whoever relays it (W4).
 * </ul>
 * Messages from this peer itself and malformed or refused messages are ignored (refusals are
 * logged at debug level).
 */
public final class ExpenseSplit implements AutoCloseable {

    /** The {@code app} of every InterSplit message. */
    public static final String APP = "expense_split_v1";

    /** How far ahead of this peer's clock a remote {@code ts} may be. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** The most txIds a sync request lists. */
    public static final int MAX_HAVE = 2000;

    /** The reply to a snapshot that is not a room snapshot (the original's text). */
    public static final String INVALID_SNAPSHOT = "Invalid snapshot.";

    private static final Logger LOG = LoggerFactory.getLogger(ExpenseSplit.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a local add returns. */
    public record Added(String channel, SignedExpense event, boolean broadcasted) {}

    private final Rooms rooms;
    private final Sidechannels sidechannels;
    private final Wallet wallet;
    private final SignatureVerifier verifier;
    private final Clock clock;
    private final int messageBudget;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Set<String> heard = ConcurrentHashMap.newKeySet();
    private volatile Registration subscription;
    private int lastConnections;

    /**
     * @param messageBudget the largest sync message to send, in bytes of JSON text
     */
    public ExpenseSplit(Rooms rooms, Sidechannels sidechannels, Wallet wallet, SignatureVerifier verifier, Clock clock,
            int messageBudget) {
        this.rooms = rooms;
        this.sidechannels = sidechannels;
        this.wallet = wallet;
        this.verifier = verifier;
        this.clock = clock;
        this.messageBudget = messageBudget;
    }

    /**
     * Starts listening to the sidechannels (InterSplit's own messages are then not printed on the
     * console, as in the original) and asks the joined channels for their history.
     */
    public void start() {
        subscription = sidechannels.handle(message -> {
            try {
                return handle(message);
            } catch (RuntimeException e) {
                LOG.warn("ExpenseSplit message handler error: {}", e.toString());
                return false;
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

    /** The rooms. */
    public Rooms rooms() {
        return rooms;
    }

    // ---- local operations

    /**
     * Adds an expense typed by the user, saves the file and broadcasts it.
     *
     * @throws IllegalArgumentException with the original's messages ({@code Missing payer.},
     *     {@code Invalid amount. Use a positive number.}, {@code Missing split members. Use
     *     comma-separated names.}) or a limit's message
     */
    public Added add(String channel, String payer, String amount, List<String> split, String note) {
        String room = Channels.canonical(channel);
        if (Names.normalize(payer).isEmpty()) {
            throw new IllegalArgumentException(Expense.MISSING_PAYER);
        }
        long cents = Amounts.parseAmountCents(amount);
        long now = clock.millis();
        // An add right after a clear of the same millisecond must not fall under the clear.
        Optional<Tombstone> cleared = rooms.find(room).flatMap(Room::clear);
        if (cleared.isPresent() && cleared.get().ts() >= now) {
            now = cleared.get().ts() + 1;
        }
        String key = wallet.publicKeyHex();
        String txId = key.substring(0, 12) + ":" + now + ":" + randomBase36(8);
        Expense event = Expense.of(txId, payer, cents, split, note, now, key);
        SignedExpense signed = Signatures.sign(wallet, room, event);
        rooms.room(room).add(signed);
        rooms.save();
        ensureJoined(room);
        boolean broadcasted = send(room, message("expense_add").put("event", signed.toJson()).build());
        return new Added(room, signed, broadcasted);
    }

    /** The room's events by {@code ts}; empty for an unknown room. */
    public List<Expense> list(String channel) {
        return rooms.find(channel).map(room -> room.ledger().list()).orElse(List.of());
    }

    /** The room's summary (an empty one for an unknown room). */
    public Summary summary(String channel) {
        return rooms.find(channel).map(room -> room.ledger().summary())
                .orElseGet(() -> new Ledger(Channels.canonical(channel)).summary());
    }

    /**
     * Clears the room: a tombstone signed by this peer, saved and broadcast.
     *
     * @return the canonical channel
     */
    public String clear(String channel) {
        String room = Channels.canonical(channel);
        Tombstone clear = Signatures.signClear(wallet, room, clock.millis());
        rooms.room(room).clear(clear);
        rooms.save();
        JsonObject.Builder message = message("expense_clear").put("ts", clear.ts()).put("by", clear.by()).put("sig", clear.sig());
        send(room, message.build());
        return room;
    }

    /**
     * What an import brought into a room.
     *
     * @param added events that were not there
     * @param total events the room holds now
     * @param refused events (and a clear) left out: a bad signature, shape or timestamp
     */
    public record Imported(String channel, int added, int total, int refused) {}

    /**
     * Imports a room snapshot ({@link Room#snapshot()}'s shape) into the room of {@code channel}:
     * every event and the clear are verified against their authors' keys, as if they had arrived
     * from the room; those that fail are left out and counted. With {@code replace}, the room is
     * emptied first (local entries the snapshot lacks are gone), else the snapshot is merged by
     * {@code txId}. Saves the file.
     *
     * @throws IllegalArgumentException {@code Invalid snapshot.} when it is not of this room or
     *     has no event list; the room is then left as it was
     */
    public Imported importSnapshot(String channel, JsonObject snapshot, boolean replace) {
        String room = Channels.canonical(channel);
        String claimed;
        try {
            claimed = Channels.canonical(snapshot.string("channel"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(INVALID_SNAPSHOT);
        }
        if (!claimed.equals(room) || !(snapshot.get("events").orElse(Json.NULL) instanceof JsonArray events)) {
            throw new IllegalArgumentException(INVALID_SNAPSHOT);
        }
        if (replace) {
            rooms.reset(room);
        }
        int added = 0;
        int refused = 0;
        Json clear = snapshot.get("clear").orElse(Json.NULL);
        if (!(clear instanceof JsonNull)) {
            try {
                applyClear(room, Tombstone.fromJson(clear));
            } catch (RuntimeException e) {
                refused++;
                LOG.debug("InterSplit: refused the clear of a snapshot of {}: {}", room, e.getMessage());
            }
        }
        for (Json event : events) {
            try {
                if (accept(room, SignedExpense.fromJson(event, clock.millis()))) {
                    added++;
                }
            } catch (RuntimeException e) {
                refused++;
                LOG.debug("InterSplit: refused an event of a snapshot of {}: {}", room, e.getMessage());
            }
        }
        rooms.save();
        return new Imported(room, added, rooms.room(room).ledger().list().size(), refused);
    }

    // ---- sync

    /**
     * Asks for the history of every joined channel not asked yet, and of every joined channel
     * when the sidechannels have more connections than at the last call (a peer arrived: a
     * request sent before it connected reached nobody); forgets channels left.
     */
    public synchronized void syncJoinedChannels() {
        int connections = sidechannels.connectionCount();
        if (connections > lastConnections) {
            requested.clear();
        }
        lastConnections = connections;
        List<String> joined = sidechannels.channels().stream().map(Channels::canonical).toList();
        requested.retainAll(joined);
        for (String channel : joined) {
            if (!requested.contains(channel)) {
                requestSync(channel);
            }
        }
    }

    /** Sends a sync request on {@code channel}. */
    public void requestSync(String channel) {
        String room = Channels.canonical(channel);
        requested.add(room);
        Optional<Room> held = rooms.find(room);
        List<String> have = held.map(Room::txIds).orElse(List.of());
        if (have.size() > MAX_HAVE) {
            have = have.subList(have.size() - MAX_HAVE, have.size());
        }
        Json clearTs = held.flatMap(Room::clear).<Json>map(c -> Json.of(c.ts())).orElse(Json.NULL);
        send(room, message("expense_sync_request")
                .put("have", Json.array(have.stream().map(Json::of).toList()))
                .put("clearTs", clearTs)
                .build());
    }

    private void ensureJoined(String room) {
        if (!sidechannels.channels().stream().map(Channels::canonical).toList().contains(room)) {
            sidechannels.join(room, Optional.empty(), Optional.empty());
        }
        if (!requested.contains(room)) {
            requestSync(room);
        }
    }

    // ---- remote messages

    /**
     * Handles one delivered sidechannel message.
     *
     * @return true when it was an InterSplit message (handled or refused), false otherwise
     */
    public boolean handle(SidechannelMessage delivered) {
        Json parsed;
        try {
            parsed = Json.parse(delivered.messageJson());
        } catch (RuntimeException e) {
            return false;
        }
        if (!(parsed instanceof JsonObject message) || !(message.get("app").orElse(Json.NULL) instanceof JsonString app)
                || !app.value().equals(APP)) {
            return false;
        }
        if (delivered.from().equals(wallet.publicKeyHex())) {
            return true;
        }
        String room = Channels.canonical(delivered.channel());
        String type = message.get("type").orElse(Json.NULL) instanceof JsonString t ? t.value() : "";
        try {
            switch (type) {
                case "expense_add" -> onAdd(room, delivered.from(), message);
                case "expense_clear" -> onClear(room, delivered.from(), message);
                case "expense_sync_request" -> onSyncRequest(room, message);
                case "expense_sync" -> onSync(room, message);
                default -> LOG.debug("InterSplit: unknown message type {} on {}", type, room);
            }
        } catch (RuntimeException e) {
            LOG.debug("InterSplit: refused {} from {} on {}: {}", type, delivered.from(), room, e.getMessage());
        }
        if (heard.add(room + "\n" + delivered.from()) && !type.equals("expense_sync")) {
            // A peer this one has not heard on the room: it may lack this peer's history, and
            // it may hold history this peer lacks. (A sync answer comes from a peer that saw
            // this peer's request already.)
            requestSync(room);
        }
        return true;
    }

    private void onAdd(String room, String sender, JsonObject message) {
        SignedExpense signed = SignedExpense.fromJson(message.get("event").orElse(Json.NULL), clock.millis());
        if (!sender.equals(signed.event().by())) {
            throw new IllegalArgumentException("by " + signed.event().by() + " is not the sender");
        }
        if (accept(room, signed)) {
            rooms.save();
        }
    }

    /** Verifies and adds one remote event; true when added. */
    private boolean accept(String room, SignedExpense signed) {
        if (!Signatures.verify(verifier, room, signed)) {
            throw new IllegalArgumentException("bad signature on " + signed.event().txId());
        }
        checkTs(signed.event().ts());
        return rooms.room(room).add(signed);
    }

    private void onClear(String room, String sender, JsonObject message) {
        Tombstone clear = Tombstone.fromJson(message);
        if (!sender.equals(clear.by())) {
            throw new IllegalArgumentException("clear by " + clear.by() + " is not the sender");
        }
        if (applyClear(room, clear)) {
            rooms.save();
        }
    }

    private boolean applyClear(String room, Tombstone clear) {
        if (!Signatures.verify(verifier, room, clear)) {
            throw new IllegalArgumentException("bad signature on a clear");
        }
        checkTs(clear.ts());
        return rooms.room(room).clear(clear);
    }

    private void checkTs(long ts) {
        if (ts > clock.millis() + MAX_SKEW.toMillis()) {
            throw new IllegalArgumentException("ts " + ts + " is too far ahead");
        }
    }

    private void onSyncRequest(String room, JsonObject message) {
        Set<String> have = new HashSet<>();
        if (message.get("have").orElse(Json.NULL) instanceof JsonArray list) {
            for (Json item : list) {
                if (item instanceof JsonString s) {
                    have.add(s.value());
                }
            }
        }
        long theirClear = message.get("clearTs").orElse(Json.NULL) instanceof JsonNumber n && n.isIntegral()
                ? n.value().longValue() : -1;
        Optional<Room> held = rooms.find(room);
        if (held.isEmpty()) {
            return;
        }
        Optional<Tombstone> clear = held.get().clear().filter(c -> c.ts() > theirClear);
        List<SignedExpense> missing = held.get().missingFrom(have);
        Json clearJson = clear.<Json>map(Tombstone::toJson).orElse(Json.NULL);
        if (missing.isEmpty() && clear.isEmpty()) {
            return;
        }
        List<Json> batch = new ArrayList<>();
        int size = 256 + utf8Length(clearJson.toJson());
        for (SignedExpense signed : missing) {
            int length = utf8Length(signed.toJson().toJson());
            if (!batch.isEmpty() && size + length + 1 > messageBudget) {
                sendSync(room, batch, clearJson);
                clearJson = Json.NULL;
                batch = new ArrayList<>();
                size = 256;
            }
            batch.add(signed.toJson());
            size += length + 1;
        }
        sendSync(room, batch, clearJson);
    }

    private void sendSync(String room, List<Json> events, Json clear) {
        send(room, message("expense_sync").put("events", Json.array(events)).put("clear", clear).build());
    }

    private void onSync(String room, JsonObject message) {
        boolean changed = false;
        Json clear = message.get("clear").orElse(Json.NULL);
        if (!(clear instanceof JsonNull)) {
            try {
                changed |= applyClear(room, Tombstone.fromJson(clear));
            } catch (RuntimeException e) {
                LOG.debug("InterSplit: refused a synced clear on {}: {}", room, e.getMessage());
            }
        }
        if (message.get("events").orElse(Json.NULL) instanceof JsonArray events) {
            for (Json event : events) {
                try {
                    changed |= accept(room, SignedExpense.fromJson(event, clock.millis()));
                } catch (RuntimeException e) {
                    LOG.debug("InterSplit: refused a synced event on {}: {}", room, e.getMessage());
                }
            }
        }
        if (changed) {
            rooms.save();
        }
    }

    // ---- helpers

    private static JsonObject.Builder message(String type) {
        return Json.object().put("app", APP).put("type", type);
    }

    private boolean send(String room, JsonObject message) {
        try {
            return sidechannels.send(room, message.toJson(), Optional.empty(), Optional.empty());
        } catch (RuntimeException e) {
            LOG.warn("InterSplit: cannot send on {}: {}", room, e.toString());
            return false;
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static String randomBase36(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
