package net.intercomj.focusroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.intercomj.api.json.Json;
import net.intercomj.api.plugin.DataFiles;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What survives a restart (the original kept nothing, W14): the streaks, the finished sessions'
 * history, and this peer's sequence-number mark, in {@code <plugin data folder>/focus-room.json}:
 * <pre>{"version":1,"seqMark":n,"streaks":[{"peer","sessions"}],"history":[…]}</pre>
 * The file is rewritten whole after every change, atomically (a {@code .tmp} sibling renamed over
 * it), so a failed write leaves the previous file; failures are logged.
 *
 * <p>Live rooms are not kept: after a restart a peer learns a running session again from the
 * peers in the room (history sync). The history's session ids also tell which sessions were
 * already counted, so a session synced again after a restart is not counted twice.
 *
 * <p>Sequence numbers must keep increasing across restarts (receivers drop an author's event
 * whose number is not above the last seen). Writing the file for every event would be wasteful,
 * so numbers are reserved in blocks of {@link #SEQ_BLOCK}: the file holds the end of the
 * reserved block and a restart continues after it.
 *
 * <p>Not thread-safe: {@link FocusRoom} calls it under its lock.
 */
final class FocusStore {

    static final String FILE_NAME = "focus-room.json";
    static final int MAX_HISTORY = 500;
    static final long SEQ_BLOCK = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(FocusStore.class);

    private final Path file;
    private final Map<String, Long> streaks = new LinkedHashMap<>();
    private final Deque<HistoryEntry> history = new ArrayDeque<>();
    private final Set<String> counted = new HashSet<>();
    private long seq;
    private long seqMark;

    FocusStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Reads the file if there is one; what cannot be read is logged and skipped. */
    void load() {
        if (!Files.exists(file)) {
            return;
        }
        JsonObject root;
        try {
            root = Json.parse(Files.readString(file, StandardCharsets.UTF_8)).asObject();
        } catch (IOException | RuntimeException e) {
            LOG.warn("FocusRoom: cannot read {}: {}; starting with no streaks or history", file, e.getMessage());
            return;
        }
        try {
            seq = Math.max(0, root.integer("seqMark"));
            seqMark = seq;
        } catch (RuntimeException e) {
            LOG.warn("FocusRoom: {} has no valid seqMark", file);
        }
        if (root.get("streaks").orElse(Json.NULL) instanceof JsonArray rows) {
            for (Json row : rows) {
                try {
                    JsonObject streak = row.asObject();
                    streaks.put(streak.string("peer"), streak.integer("sessions"));
                } catch (RuntimeException e) {
                    LOG.warn("FocusRoom: skipping a streak in {}: {}", file, e.getMessage());
                }
            }
        }
        if (root.get("history").orElse(Json.NULL) instanceof JsonArray entries) {
            for (Json entry : entries) {
                try {
                    HistoryEntry read = HistoryEntry.fromJson(entry.asObject());
                    history.addLast(read);
                    counted.add(read.session());
                } catch (RuntimeException e) {
                    LOG.warn("FocusRoom: skipping a history entry in {}: {}", file, e.getMessage());
                }
            }
        }
    }

    /** The next sequence number of this peer; reserves (and saves) a new block when needed. */
    long nextSeq() {
        seq++;
        if (seq > seqMark) {
            seqMark = seq + SEQ_BLOCK;
            save();
        }
        return seq;
    }

    /** Whether the session was already counted (its end is in the history). */
    boolean counted(String session) {
        return counted.contains(session);
    }

    /**
     * Records a finished session once: +1 to each of its participants, an entry in the history
     * (the oldest beyond {@value #MAX_HISTORY} dropped), and saves.
     *
     * @return false when the session was already counted
     */
    boolean finish(HistoryEntry entry) {
        if (!counted.add(entry.session())) {
            return false;
        }
        for (String peer : entry.participants()) {
            streaks.merge(peer, 1L, Long::sum);
        }
        history.addFirst(entry);
        while (history.size() > MAX_HISTORY) {
            // The dropped session's id stays counted until the next restart; a session that
            // old is not synced any more in practice.
            history.removeLast();
        }
        save();
        return true;
    }

    /** Replaces the history entry of {@code entry}'s session (the host's end replacing a local one). */
    void amend(HistoryEntry entry) {
        List<HistoryEntry> all = new ArrayList<>(history);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).session().equals(entry.session())) {
                all.set(i, entry);
            }
        }
        history.clear();
        history.addAll(all);
        save();
    }

    /** Sessions by count, descending; ties in the order peers were first counted (as the original). */
    List<Streak> streaks() {
        List<Streak> rows = new ArrayList<>();
        streaks.forEach((peer, sessions) -> rows.add(new Streak(peer, sessions)));
        rows.sort(Comparator.comparingLong(Streak::sessions).reversed());
        return rows;
    }

    /** Finished sessions, newest first. */
    List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    JsonObject toJson() {
        return Json.object()
                .put("version", 1)
                .put("seqMark", seqMark)
                .put("streaks", Json.array(streaks().stream().map(Streak::toJson).toList()))
                .put("history", Json.array(history.stream().map(HistoryEntry::toJson).toList()))
                .build();
    }

    /** Rewrites the file atomically; false (logged) when the write failed. */
    boolean save() {
        try {
            DataFiles.writeAtomically(file, toJson().toJson() + "\n");
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("FocusRoom: cannot write {}: {}", file, e.toString());
            return false;
        }
    }
}
