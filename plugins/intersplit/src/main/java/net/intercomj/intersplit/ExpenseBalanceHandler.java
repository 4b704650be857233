package net.intercomj.intersplit;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;

/** Bridge {@code expense_balance} {@code {channel}}: replies {@code {type:"expense_balance", summary}} (spec §2.7.1). */
final class ExpenseBalanceHandler implements BridgeMessageHandler {

    private final ExpenseSplit app;

    ExpenseBalanceHandler(ExpenseSplit app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            String channel = BridgeInput.channel(BridgeInput.message(call));
            return BridgeReply.success("expense_balance",
                    Json.object().put("summary", app.summary(channel).toJson()).build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure(e.getMessage());
        }
    }
}
