package net.intercomj.focusroom;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;

/** Bridge {@code focus_streaks}: {@code {type:"focus_streaks", streaks:[{peer, sessions}]}} (spec §1.7), kept across restarts. */
final class FocusStreaksHandler implements BridgeMessageHandler {

    private final FocusRoom app;

    FocusStreaksHandler(FocusRoom app) {
        this.app = app;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        return BridgeReply.success("focus_streaks", Json.object()
                .put("streaks", Json.array(app.streaks().stream().map(Streak::toJson).toList())).build().toJson());
    }
}
