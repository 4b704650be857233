package net.intercomj.intersplit;

import java.util.Objects;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/**
 * An expense event with its author's signature, as it travels (live adds and history sync) and
 * as the local file keeps it: the event's JSON ({@link Expense#toJson()}) plus {@code "sig"},
 * 128 hex characters. {@code by} is the author's public key (64 hex), see {@link Signatures}.
 *
 * @param event the event
 * @param sig the author's Ed25519 signature over {@link Signatures#eventMessage}, lowercase hex
 */
public record SignedExpense(Expense event, String sig) {

    public SignedExpense {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(sig, "sig");
    }

    /** The event's JSON with {@code sig} added. */
    public JsonObject toJson() {
        return event.toJson().with("sig", Json.of(sig));
    }

    /**
     * Reads an event with its signature; the signature is not checked here.
     *
     * @throws IllegalArgumentException when the event is invalid or has no {@code sig} string
     */
    public static SignedExpense fromJson(Json value, long nowMillis) {
        Expense event = Expense.fromJson(value, nowMillis);
        if (!(((JsonObject) value).get("sig").orElse(Json.NULL) instanceof JsonString sig)) {
            throw new IllegalArgumentException("The event carries no signature.");
        }
        return new SignedExpense(event, sig.value());
    }
}
