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
 * {@code setWhitelistStatus}: the admin puts a user on the chat whitelist or takes them off,
 * writing {@code wl/<user>} (spec §2.5.11). Dispatch {@code {type, user, status: bool, address}},
 * signed by the current admin; {@code address} is informational.
 */
public final class SetWhitelistStatusOp implements OpHandler {

    @Override
    public String type() {
        return "setWhitelistStatus";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            ObjectNode dispatch = DispatchOps.dispatch(op, type(), List.of("user", "status", "address"));
            String user = DispatchOps.key(dispatch, "user");
            boolean status = DispatchOps.bool(dispatch, "status");
            DispatchOps.key(dispatch, "address");
            String admin = DispatchOps.adminSigned(op, context);
            DispatchOps.fresh(op, context, admin);
            context.markUsed(op, admin);
            context.put(ViewKeys.whitelisted(user), status);
            return OpResult.applied("Changed whitelist status " + user + " to " + status);
        });
    }
}
