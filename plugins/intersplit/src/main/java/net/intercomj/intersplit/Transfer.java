package net.intercomj.intersplit;

import java.util.Objects;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * One payment of a settlement plan: {@code from} pays {@code to} the amount.
 *
 * @param from the debtor who pays
 * @param to the creditor who is paid
 * @param amountCents the amount, positive
 */
public record Transfer(String from, String to, long amountCents) {

    public Transfer {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (amountCents <= 0) {
            throw new IllegalArgumentException("A transfer moves a positive amount, got " + amountCents + ".");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("A transfer needs two members, got " + from + " twice.");
        }
    }

    /** {@code {"from", "to", "amountCents"}}, as the original's summary lists settlements. */
    public JsonObject toJson() {
        return Json.object().put("from", from).put("to", to).put("amountCents", amountCents).build();
    }
}
