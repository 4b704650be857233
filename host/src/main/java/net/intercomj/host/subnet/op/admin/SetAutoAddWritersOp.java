package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/** {@code setAutoAddWriters}: the admin lets joiners become writers by asking (spec §2.5.6). */
public final class SetAutoAddWritersOp implements OpHandler {

    @Override
    public String type() {
        return "setAutoAddWriters";
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
        context.put(ViewKeys.AUTO_ADD_WRITERS, checked.key());
        return OpResult.applied("Set auto_add_writers: " + checked.key());
    }
}
