package net.intercomj.focusroom;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/** Bridge {@code focus_join} {@code {room}}: replies {@code {type:"focus_joined", room}} (spec §1.7). */
final class FocusJoinHandler implements BridgeMessageHandler {

    private final FocusRoom app;

    FocusJoinHandler(FocusRoom app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            JsonObject room = app.join(BridgeInput.text(message, "room"));
            return BridgeReply.success("focus_joined", Json.object().put("room", room.string("room")).build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure("focus_join failed: " + e.getMessage());
        }
    }
}
