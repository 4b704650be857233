package net.intercomj.intersplit;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * Bridge {@code expense_restore} {@code {channel, confirmed, replace}}: replies
 * {@code {type:"expense_restored", channel, added, total, confirmed, replace, source, refused}}
 * (spec §2.7.1, plus {@code refused}: events left out because their signature did not verify).
 * {@code confirmed} defaults to true and {@code replace} to false: merging is the default (W6).
 */
final class ExpenseRestoreHandler implements BridgeMessageHandler {

    private final RoomPersistence persistence;

    ExpenseRestoreHandler(RoomPersistence persistence) {
        this.persistence = persistence;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            String channel = BridgeInput.channel(message);
            boolean confirmed = BridgeInput.flag(message, "confirmed", true);
            boolean replace = BridgeInput.flag(message, "replace", false);
            RoomPersistence.Restored restored = persistence.restore(channel, confirmed, replace);
            ExpenseSplit.Imported imported = restored.imported();
            return BridgeReply.success("expense_restored", Json.object()
                    .put("channel", imported.channel())
                    .put("added", imported.added())
                    .put("total", imported.total())
                    .put("confirmed", confirmed)
                    .put("replace", replace)
                    .put("source", restored.source().bridgeName())
                    .put("refused", imported.refused())
                    .build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure(e.getMessage());
        }
    }
}
