package net.intercomj.focusroom;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;

/** Bridge {@code focus_rooms}: {@code {type:"focus_rooms", rooms:[{room, status, participants:<count>, goal, endsAt}]}} (spec §1.7). */
final class FocusRoomsHandler implements BridgeMessageHandler {

    private final FocusRoom app;

    FocusRoomsHandler(FocusRoom app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        return BridgeReply.success("focus_rooms", Json.object().put("rooms", Json.array(app.rooms())).build().toJson());
    }
}
