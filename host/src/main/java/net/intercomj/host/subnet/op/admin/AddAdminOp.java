package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code addAdmin}: the subnet's creator names the first admin, once (spec §2.5.1). It needs no
 * signature: only the bootstrap writer's log can carry it. The key must be a whole public key
 * (the original accepted any even-length hex, even "", spec §9 item 10).
 */
public final class AddAdminOp implements OpHandler {

    @Override
    public String type() {
        return "addAdmin";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        JsonNode key = op.get("key");
        if (key == null || !key.isTextual() || !OpContext.KEY_HEX.matcher(key.textValue()).matches()) {
            return OpResult.rejected("key must be a public key of 64 lowercase hex characters");
        }
        if (!context.writer().equals(context.subnet())) {
            return OpResult.rejected("only the subnet bootstrap writer may set the initial admin");
        }
        if (context.adminKeyExists()) {
            return OpResult.rejected("the admin is already set");
        }
        context.put(ViewKeys.ADMIN, key.textValue());
        return OpResult.applied("Admin added: " + key.textValue());
    }
}
