package net.intercomj.api.contract;

import java.util.Objects;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * A contract operation as a user sends it in a transaction: trac-peer's {@code {type, value}}
 * dispatch. {@code type} names a function the contract registered; {@code value} is its input
 * ({@link Json#NULL} allowed, never absent).
 */
public record TxCommand(String type, Json value) {

    /** Longest type name, as the original's checks allow. */
    public static final int MAX_TYPE_LENGTH = 256;

    public TxCommand {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value (use Json.NULL for none)");
        if (type.isEmpty() || type.length() > MAX_TYPE_LENGTH) {
            throw new IllegalArgumentException("A tx type has 1 to " + MAX_TYPE_LENGTH + " characters, not "
                    + type.length());
        }
    }

    /** The dispatch object, {@code {"type": …, "value": …}} in that order (the order that is hashed). */
    public JsonObject toJson() {
        return Json.object().put("type", type).put("value", value).build();
    }
}
