package net.intercomj.focusroom;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/** Bridge {@code focus_status} {@code {room?}}: {@code {type:"focus_status", room:<room object | null>}}; without a room the original put the array of all rooms under {@code room} (W13), kept for its clients, and {@code rooms} carries the same array under the right name. */
final class FocusStatusHandler implements BridgeMessageHandler {

    private final FocusRoom app;

    FocusStatusHandler(FocusRoom app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            String room = BridgeInput.text(message, "room");
            if (room.isBlank()) {
                var all = Json.array(app.statusAll());
                return BridgeReply.success("focus_status", Json.object().put("room", all).put("rooms", all).build().toJson());
            }
            return BridgeReply.success("focus_status", Json.object()
                    .put("room", app.status(room).<Json>map(r -> r).orElse(Json.NULL)).build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure("focus_status failed: " + e.getMessage());
        }
    }
}
