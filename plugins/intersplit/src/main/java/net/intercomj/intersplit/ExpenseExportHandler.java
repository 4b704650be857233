package net.intercomj.intersplit;

import java.time.Clock;
import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/**
 * Bridge {@code expense_export} {@code {channel, format}}: replies {@code {type:"expense_export",
 * channel, format, data, summary}} (spec §2.7.1). {@code data} is the same export the terminal
 * prints ({@link Exports}: the text with {@code generated_at} and balances, the {@code intersplit}
 * json document, the csv), not the original bridge's reduced text and raw-summary json (W8: one
 * export format set).
 */
final class ExpenseExportHandler implements BridgeMessageHandler {

    private final ExpenseSplit app;
    private final Clock clock;

    ExpenseExportHandler(ExpenseSplit app, Clock clock) {
        this.app = app;
        this.clock = clock;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            String channel = BridgeInput.channel(message);
            String format = ExpenseExportCommand.format(
                    message.get("format").orElse(Json.NULL) instanceof JsonString s ? s.value() : "text");
            Summary summary = app.summary(channel);
            return BridgeReply.success("expense_export", Json.object()
                    .put("channel", channel)
                    .put("format", format)
                    .put("data", ExpenseExportCommand.export(summary, format, clock))
                    .put("summary", summary.toJson())
                    .build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure(e.getMessage());
        }
    }
}
