package net.intercomj.intersplit;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonNull;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/**
 * Bridge {@code expense_add} {@code {channel, payer, amount, split, note}}: replies
 * {@code {type:"expense_added", channel, event, broadcasted}} (spec §2.7.1). {@code amount} is a
 * string or a number, {@code split} an array of names or a comma-separated string. Unlike the
 * original, a {@code note} that is not a string (or null) is refused rather than stringified
 * (W16).
 */
final class ExpenseAddHandler implements BridgeMessageHandler {

    static final String MISSING_FIELDS = "Missing fields. Required: channel, payer, amount, split.";

    private final ExpenseSplit app;

    ExpenseAddHandler(ExpenseSplit app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            String channel = BridgeInput.channel(message);
            String payer = switch (message.get("payer").orElse(Json.NULL)) {
                case JsonString s -> Names.jsTrim(s.value());
                case JsonNumber n -> n.toJson();
                default -> "";
            };
            Json amountValue = message.get("amount").orElse(null);
            List<String> split = split(message.get("split").orElse(Json.NULL));
            if (payer.isEmpty() || amountValue == null || split.isEmpty()) {
                return BridgeReply.failure(MISSING_FIELDS);
            }
            String amount = switch (amountValue) {
                case JsonString s -> s.value();
                case JsonNumber n -> n.toJson();
                default -> "";
            };
            String note = switch (message.get("note").orElse(Json.NULL)) {
                case JsonString s -> s.value();
                case JsonNull n -> "";
                default -> throw new IllegalArgumentException("Invalid note. Use a string.");
            };
            ExpenseSplit.Added added = app.add(channel, payer, amount, split, note);
            return BridgeReply.success("expense_added", Json.object()
                    .put("channel", added.channel())
                    .put("event", added.event().event().toJson())
                    .put("broadcasted", added.broadcasted())
                    .build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure(e.getMessage());
        }
    }

    private static List<String> split(Json value) {
        return switch (value) {
            case JsonString s -> Names.parseList(s.value());
            case JsonArray array -> {
                List<String> items = new ArrayList<>();
                for (Json item : array) {
                    items.add(item instanceof JsonString s ? s.value() : item instanceof JsonNull ? "" : item.toJson());
                }
                yield Names.members(items);
            }
            default -> List.of();
        };
    }
}
