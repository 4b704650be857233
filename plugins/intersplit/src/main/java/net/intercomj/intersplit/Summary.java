package net.intercomj.intersplit;

import java.util.List;
import java.util.Objects;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * What a room adds up to at one moment: the input of every export and of the balance command.
 *
 * @param channel the room's name
 * @param eventCount how many events the room holds
 * @param totalCents the sum of the events' amounts
 * @param balances every member's balance, in {@link Names#ORDER}, zero balances included
 * @param settlements the payments that settle the balances
 */
public record Summary(String channel, int eventCount, long totalCents, List<Balance> balances, List<Transfer> settlements) {

    public Summary {
        Objects.requireNonNull(channel, "channel");
        balances = List.copyOf(balances);
        settlements = List.copyOf(settlements);
    }

    /**
     * The original's summary object, {@code {channel, eventCount, totalCents, balances:[{member,
     * cents}], settlements:[{from, to, amountCents}]}}, as the bridge's {@code expense_balance}
     * reply carries it.
     */
    public JsonObject toJson() {
        return Json.object()
                .put("channel", channel)
                .put("eventCount", eventCount)
                .put("totalCents", totalCents)
                .put("balances", Json.array(balances.stream().map(Balance::toJson).toList()))
                .put("settlements", Json.array(settlements.stream().map(Transfer::toJson).toList()))
                .build();
    }
}
