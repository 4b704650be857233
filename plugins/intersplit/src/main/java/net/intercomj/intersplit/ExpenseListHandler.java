package net.intercomj.intersplit;

import java.util.List;
import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;

/** Bridge {@code expense_list} {@code {channel}}: replies {@code {type:"expense_list", channel, count, events}} (spec §2.7.1). */
final class ExpenseListHandler implements BridgeMessageHandler {

    private final ExpenseSplit app;

    ExpenseListHandler(ExpenseSplit app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            String channel = BridgeInput.channel(BridgeInput.message(call));
            List<Expense> events = app.list(channel);
            return BridgeReply.success("expense_list", Json.object()
                    .put("channel", channel)
                    .put("count", events.size())
                    .put("events", Json.array(events.stream().map(Expense::toJson).toList()))
                    .build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure(e.getMessage());
        }
    }
}
