package net.intercomj.focusroom;

import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * A finished session's numbers, as the original's {@code stats}.
 *
 * @param plannedDurationMs {@code endsAt − startedAt} at the end (extensions included)
 * @param actualDurationMs  {@code endedAt − startedAt}
 * @param participantCount  the session's participants (this session only, unlike the original, W6)
 * @param checkinCount      the session's check-ins kept (at most {@value Limits#MAX_CHECKINS})
 */
record Stats(long plannedDurationMs, long actualDurationMs, int participantCount, int checkinCount) {

    Stats {
        if (plannedDurationMs < 0 || actualDurationMs < 0 || participantCount < 0 || checkinCount < 0) {
            throw new IllegalArgumentException("stats must not be negative");
        }
    }

    JsonObject toJson() {
        return Json.object()
                .put("plannedDurationMs", plannedDurationMs)
                .put("actualDurationMs", actualDurationMs)
                .put("participantCount", participantCount)
                .put("checkinCount", checkinCount)
                .build();
    }

    /** Reads stats; every field must be a non-negative integer, the counts within the session's bounds. */
    static Stats fromJson(JsonObject json) {
        long participants = json.integer("participantCount");
        long checkins = json.integer("checkinCount");
        if (participants > Limits.MAX_PARTICIPANTS || checkins > Limits.MAX_CHECKINS) {
            throw new IllegalArgumentException("stats counts are out of bounds");
        }
        return new Stats(json.integer("plannedDurationMs"), json.integer("actualDurationMs"), (int) participants,
                (int) checkins);
    }
}
