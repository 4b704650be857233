package net.intercomj.focusroom;

import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * One row of {@code focus_streaks}: how many finished sessions {@code peer} took part in. As in
 * the original a "streak" is a total count, not consecutive days; unlike it, only the
 * participants of that session count, each session once (W7).
 *
 * @param peer     the participant's public key
 * @param sessions finished sessions it took part in
 */
record Streak(String peer, long sessions) {

    JsonObject toJson() {
        return Json.object().put("peer", peer).put("sessions", sessions).build();
    }
}
