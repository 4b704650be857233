package net.intercomj.intersplit;

import java.util.Objects;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * A member's net position in a room, in cents: positive means the member is owed money
 * ("receives"), negative means the member owes money ("owes"). A room's balances always sum to
 * zero.
 *
 * @param member the member's (normalized) name
 * @param cents the net amount; zero is a valid balance and is listed
 */
public record Balance(String member, long cents) {

    public Balance {
        Objects.requireNonNull(member, "member");
    }

    /** {@code {"member", "cents"}}, as the original's summary lists balances. */
    public JsonObject toJson() {
        return Json.object().put("member", member).put("cents", cents).build();
    }
}
