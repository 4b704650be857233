package net.intercomj.intersplit;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;

/**
 * Bridge {@code expense_clear} {@code {channel}}: clears the room with a signed tombstone (saved,
 * sent to the room) and replies {@code {type:"expense_cleared", channel, ok:true}} (spec §2.7.1).
 */
final class ExpenseClearHandler implements BridgeMessageHandler {

    private final ExpenseSplit app;

    ExpenseClearHandler(ExpenseSplit app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            String channel = app.clear(BridgeInput.channel(BridgeInput.message(call)));
            return BridgeReply.success("expense_cleared",
                    Json.object().put("channel", channel).put("ok", true).build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure(e.getMessage());
        }
    }
}
