package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/** {@code setChatStatus}: the admin turns chat on or off (spec §2.5.8). Chat is off until set. */
public final class SetChatStatusOp implements OpHandler {

    @Override
    public String type() {
        return "setChatStatus";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        AdminMsgOps.Result checked = AdminMsgOps.check(op, context, type());
        if (!checked.passed()) {
            return checked.rejection();
        }
        if (!checked.key().equals("on") && !checked.key().equals("off")) {
            return OpResult.rejected("key must be on or off");
        }
        context.put(ViewKeys.CHAT_STATUS, checked.key());
        return OpResult.applied("Set chat_status: " + checked.key());
    }
}
