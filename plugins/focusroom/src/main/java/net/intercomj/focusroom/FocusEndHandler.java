package net.intercomj.focusroom;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/** Bridge {@code focus_end} {@code {room, summary}}: replies {@code {type:"focus_ended", room, stats}} (spec §1.7); host only. */
final class FocusEndHandler implements BridgeMessageHandler {

    private final FocusRoom app;

    FocusEndHandler(FocusRoom app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            JsonObject room = app.end(BridgeInput.text(message, "room"), BridgeInput.text(message, "summary"));
            return BridgeReply.success("focus_ended", Json.object().put("room", room.string("room"))
                    .put("stats", room.get("stats").orElse(Json.NULL)).build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure("focus_end failed: " + e.getMessage());
        }
    }
}
