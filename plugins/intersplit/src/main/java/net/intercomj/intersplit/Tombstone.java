package net.intercomj.intersplit;

import java.util.Objects;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/**
 * A signed room clear: every event of the room with {@code ts <= ts} is removed, and such events
 * arriving later (relayed or synced) are refused. Kept in the local file and sent with history
 * sync, so a clear survives restarts and reaches peers that were offline (fixes W2).
 *
 * @param ts the clear's time, epoch milliseconds
 * @param by the public key (64 hex) of the peer that cleared
 * @param sig its signature over {@link Signatures#clearMessage}, lowercase hex
 */
public record Tombstone(long ts, String by, String sig) {

    public Tombstone {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(sig, "sig");
    }

    /** {@code {"ts":…,"by":…,"sig":…}}. */
    public JsonObject toJson() {
        return Json.object().put("ts", ts).put("by", by).put("sig", sig).build();
    }

    /**
     * Reads a tombstone (the signature is not checked here).
     *
     * @throws IllegalArgumentException when a field is missing or of the wrong type
     */
    public static Tombstone fromJson(Json value) {
        if (value instanceof JsonObject o
                && o.get("ts").orElse(Json.NULL) instanceof JsonNumber ts && ts.isIntegral()
                && ts.value().signum() >= 0 && ts.value().longValue() <= Expense.MAX_TS
                && o.get("by").orElse(Json.NULL) instanceof JsonString by
                && o.get("sig").orElse(Json.NULL) instanceof JsonString sig) {
            return new Tombstone(ts.value().longValue(), by.value(), sig.value());
        }
        throw new IllegalArgumentException("A clear needs a whole ts, a by and a sig.");
    }
}
