package net.intercomj.intersplit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.intercomj.api.json.Json;
import net.intercomj.api.plugin.DataFiles;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonNull;
import net.intercomj.api.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms of this peer, by canonical channel name ({@link Channels#canonical}, fixes W1), and
 * their local file.
 *
 * <p>The file is {@code <plugin data folder>/expense-split.snapshots.json} (the original kept it
 * at {@code stores/<peer-store>/expense-split.snapshots.json}; the plugin API gives a plugin only
 * its own data folder, {@code stores/<peer-store>/plugins/intersplit/}). Its shape is the original's,
 * {@code {"version":1,"updatedAt":<ms>,"rooms":[{"channel","version":1,"events":[…]}]}}, plus a
 * {@code sig} on every event and a {@code clear} tombstone per room where one exists. It is
 * rewritten whole after every change ({@link #save}), atomically: written to
 * {@code expense-split.snapshots.json.tmp}, then renamed over the file, so a failed write leaves
 * the previous file intact; failures are logged, never swallowed (fixes W12). It is loaded once,
 * at start, without rewriting it.
 *
 * <p>Signatures in the file are not re-verified on load: the file is this peer's own store.
 */
public final class Rooms {

    /** The file's name inside the plugin's data folder. */
    public static final String FILE_NAME = "expense-split.snapshots.json";

    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);

    private final Path file;
    private final Clock clock;
    private final Map<String, Room> rooms = new TreeMap<>();
    private final Object saveLock = new Object();

    /** Rooms kept in {@code file}; nothing is read until {@link #load}. */
    public Rooms(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The room of {@code channel} (any spelling), created empty when missing. */
    public synchronized Room room(String channel) {
        return rooms.computeIfAbsent(Channels.canonical(channel), Room::new);
    }

    /** The room of {@code channel} (any spelling), if this peer has one. */
    public synchronized Optional<Room> find(String channel) {
        return Optional.ofNullable(rooms.get(Channels.canonical(channel)));
    }

    /** The canonical names of the rooms held. */
    public synchronized List<String> channels() {
        return List.copyOf(rooms.keySet());
    }

    /**
     * Reads the file, if there is one; a room or event that cannot be read is logged and skipped.
     *
     * @return how many events were loaded
     */
    public int load() {
        int loaded = 0;
        long now = clock.millis();
        for (JsonObject snapshot : readFile()) {
            try {
                Room room = room(snapshot.string("channel"));
                Json clear = snapshot.get("clear").orElse(Json.NULL);
                if (!(clear instanceof JsonNull)) {
                    room.clear(Tombstone.fromJson(clear));
                }
                JsonArray events = snapshot.get("events").orElse(Json.NULL) instanceof JsonArray array ? array : Json.array();
                for (Json event : events) {
                    try {
                        if (room.add(SignedExpense.fromJson(event, now))) {
                            loaded++;
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("InterSplit: skipping an event of room {} in {}: {}", room.channel(), file, e.getMessage());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("InterSplit: skipping a room in {}: {}", file, e.getMessage());
            }
        }
        return loaded;
    }

    /**
     * The snapshot of {@code channel} (any spelling) as the file holds it now, not as memory
     * does: what a restore falls back to (the original re-imported memory, W5).
     */
    public Optional<JsonObject> fileSnapshot(String channel) {
        String wanted = Channels.canonical(channel);
        for (JsonObject snapshot : readFile()) {
            try {
                if (Channels.canonical(snapshot.string("channel")).equals(wanted)) {
                    return Optional.of(snapshot);
                }
            } catch (RuntimeException e) {
                // A room without a readable channel is nobody's snapshot.
            }
        }
        return Optional.empty();
    }

    /** The room snapshots in the file; none when it is missing or unreadable (logged). */
    private List<JsonObject> readFile() {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonObject root;
        synchronized (saveLock) {
            try {
                Json parsed = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!(parsed instanceof JsonObject object)) {
                    LOG.warn("InterSplit: {} is not a JSON object; no rooms read from it", file);
                    return List.of();
                }
                root = object;
            } catch (IOException | RuntimeException e) {
                LOG.warn("InterSplit: cannot read {}: {}; no rooms read from it", file, e.getMessage());
                return List.of();
            }
        }
        if (!(root.get("rooms").orElse(Json.NULL) instanceof JsonArray list)) {
            return List.of();
        }
        List<JsonObject> snapshots = new ArrayList<>();
        for (Json item : list) {
            if (item instanceof JsonObject snapshot) {
                snapshots.add(snapshot);
            } else {
                LOG.warn("InterSplit: skipping a room in {}: not an object", file);
            }
        }
        return snapshots;
    }

    /** Empties the room of {@code channel} (any spelling): a restore that replaces starts from nothing. */
    public synchronized Room reset(String channel) {
        Room fresh = new Room(Channels.canonical(channel));
        rooms.put(fresh.channel(), fresh);
        return fresh;
    }

    /**
     * Rewrites the file with every room that holds events or a clear, atomically.
     *
     * @return false when the write failed (logged; the previous file is left as it was)
     */
    public boolean save() {
        synchronized (saveLock) {
            return write();
        }
    }

    private boolean write() {
        try {
            DataFiles.writeAtomically(file, toJson().toJson() + "\n");
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("InterSplit: cannot write {}: {}", file, e.toString());
            return false;
        }
    }

    /** The file's content. */
    synchronized JsonObject toJson() {
        List<Json> snapshots = new ArrayList<>();
        for (Room room : rooms.values()) {
            if (room.isBlank()) {
                continue;
            }
            snapshots.add(room.snapshot());
        }
        return Json.object()
                .put("version", 1)
                .put("updatedAt", clock.millis())
                .put("rooms", Json.array(snapshots))
                .build();
    }
}
