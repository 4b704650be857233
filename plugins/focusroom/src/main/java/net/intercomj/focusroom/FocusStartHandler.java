package net.intercomj.focusroom;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/** Bridge {@code focus_start} {@code {room, minutes=25, goal}}: replies {@code {type:"focus_started", room}} (spec §1.7); failures {@code focus_start failed: <error>}. */
final class FocusStartHandler implements BridgeMessageHandler {

    private final FocusRoom app;

    FocusStartHandler(FocusRoom app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            JsonObject room = app.start(BridgeInput.text(message, "room"), BridgeInput.minutes(message),
                    BridgeInput.text(message, "goal"));
            return BridgeReply.success("focus_started", Json.object().put("room", room.string("room")).build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure("focus_start failed: " + e.getMessage());
        }
    }
}
