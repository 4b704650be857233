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
 * {@code setMod}: the admin makes a user a moderator or takes the role away, writing
 * {@code mod/<user>} (spec §2.5.12). Dispatch {@code {type, user, mod: bool, address}}, signed by
 * the current admin; {@code address} is informational.
 */
public final class SetModOp implements OpHandler {

    @Override
    public String type() {
        return "setMod";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            ObjectNode dispatch = DispatchOps.dispatch(op, type(), List.of("user", "mod", "address"));
            String user = DispatchOps.key(dispatch, "user");
            boolean mod = DispatchOps.bool(dispatch, "mod");
            DispatchOps.key(dispatch, "address");
            String admin = DispatchOps.adminSigned(op, context);
            DispatchOps.fresh(op, context, admin);
            context.markUsed(op, admin);
            context.put(ViewKeys.mod(user), mod);
            return OpResult.applied("Changed mod status " + user + " to " + mod);
        });
    }
}
