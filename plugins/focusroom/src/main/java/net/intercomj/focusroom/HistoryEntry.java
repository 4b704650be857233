package net.intercomj.focusroom;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/**
 * One finished session as the history keeps it (one entry per session, whoever reported its
 * end: the original's dashboard kept one per end event and side, W-D5).
 *
 * @param endedReason {@code manual} or {@code timer}
 * @param summary     the host's end summary ({@code ""} for an expiry; the original did not keep it, W11)
 */
record HistoryEntry(String room, String session, String host, String goal, long startedAt, long endsAt, long endedAt,
        String endedReason, String summary, List<String> participants, Stats stats) {

    HistoryEntry {
        participants = List.copyOf(participants);
    }

    JsonObject toJson() {
        return Json.object()
                .put("room", room)
                .put("session", session)
                .put("host", host)
                .put("goal", goal)
                .put("startedAt", startedAt)
                .put("endsAt", endsAt)
                .put("endedAt", endedAt)
                .put("endedReason", endedReason)
                .put("summary", summary)
                .put("participants", Json.array(participants.stream().map(Json::of).toList()))
                .put("stats", stats.toJson())
                .build();
    }

    static HistoryEntry fromJson(JsonObject json) {
        List<String> participants = new ArrayList<>();
        for (Json item : json.array("participants")) {
            participants.add(((JsonString) item).value());
        }
        return new HistoryEntry(json.string("room"), json.string("session"), json.string("host"), json.string("goal"),
                json.integer("startedAt"), json.integer("endsAt"), json.integer("endedAt"), json.string("endedReason"),
                json.string("summary"), participants, Stats.fromJson(json.object("stats")));
    }
}
