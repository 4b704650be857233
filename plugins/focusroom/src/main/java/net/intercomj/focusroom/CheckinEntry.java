package net.intercomj.focusroom;

import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * One check-in, as the original's {@code {who, at, status}}.
 *
 * @param who    the participant's public key (the event's verified signer)
 * @param at     the participant's clock when it checked in (display only, never used for ordering)
 * @param status the trimmed note, 1 to {@value Limits#MAX_TEXT} characters
 */
record CheckinEntry(String who, long at, String status) {

    JsonObject toJson() {
        return Json.object().put("who", who).put("at", at).put("status", status).build();
    }

    static CheckinEntry fromJson(JsonObject json) {
        return new CheckinEntry(json.string("who"), json.integer("at"), json.string("status"));
    }
}
