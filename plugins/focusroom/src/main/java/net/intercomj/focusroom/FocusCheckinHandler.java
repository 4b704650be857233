package net.intercomj.focusroom;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/** Bridge {@code focus_checkin} {@code {room, status | message}}: replies {@code {type:"focus_checked_in", room}} (spec §1.7). */
final class FocusCheckinHandler implements BridgeMessageHandler {

    private final FocusRoom app;

    FocusCheckinHandler(FocusRoom app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            JsonObject room = app.checkin(BridgeInput.text(message, "room"), BridgeInput.text(message, "status", "message"));
            return BridgeReply.success("focus_checked_in", Json.object().put("room", room.string("room")).build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure("focus_checkin failed: " + e.getMessage());
        }
    }
}
