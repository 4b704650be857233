package net.intercomj.host.subnet.op.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpRejection;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code enableWhitelist}: the admin turns the chat whitelist on or off, writing {@code wlst}
 * (spec §2.5.10). Dispatch {@code {type, enabled: bool, address}}, signed by the current admin;
 * {@code address} is informational. While it is on, only whitelisted users and the admin may
 * post ({@link MsgOp}).
 */
public final class EnableWhitelistOp implements OpHandler {

    @Override
    public String type() {
        return "enableWhitelist";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            ObjectNode dispatch = DispatchOps.dispatch(op, type(), List.of("enabled", "address"));
            boolean enabled = DispatchOps.bool(dispatch, "enabled");
            DispatchOps.key(dispatch, "address");
            String admin = DispatchOps.adminSigned(op, context);
            DispatchOps.fresh(op, context, admin);
            context.markUsed(op, admin);
            context.put(ViewKeys.WHITELIST_ENABLED, enabled);
            return OpResult.applied("Changed whitelist enabled " + enabled);
        });
    }
}
