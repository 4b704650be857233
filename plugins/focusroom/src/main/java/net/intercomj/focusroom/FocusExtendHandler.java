package net.intercomj.focusroom;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/** Bridge {@code focus_extend} {@code {room, minutes=5}}: replies {@code {type:"focus_extended", room}} (spec §1.7); host only. */
final class FocusExtendHandler implements BridgeMessageHandler {

    private final FocusRoom app;

    FocusExtendHandler(FocusRoom app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            JsonObject room = app.extend(BridgeInput.text(message, "room"), BridgeInput.minutes(message));
            return BridgeReply.success("focus_extended", Json.object().put("room", room.string("room")).build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure("focus_extend failed: " + e.getMessage());
        }
    }
}
