package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code updateAdmin}: the admin hands the role to another key, or waives it for good with
 * {@code null} (spec §2.5.2). Signed by the current admin.
 */
public final class UpdateAdminOp implements OpHandler {

    @Override
    public String type() {
        return "updateAdmin";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        JsonNode dispatch = op.path("value").path("dispatch");
        if (!type().equals(dispatch.path("type").asText(null))) {
            return OpResult.rejected("value.dispatch.type must be " + type());
        }
        JsonNode next = dispatch.get("admin");
        if (next == null || !(next.isNull() || next.isTextual() && OpContext.KEY_HEX.matcher(next.textValue()).matches())) {
            return OpResult.rejected("value.dispatch.admin must be a public key of 64 lowercase hex characters, or null");
        }
        Optional<String> admin = context.admin();
        if (admin.isEmpty()) {
            return OpResult.rejected("the subnet has no admin");
        }
        if (!context.signedBy(op, admin.get())) {
            return OpResult.rejected("not signed by the admin");
        }
        if (context.replayed(op, admin.get())) {
            return OpResult.rejected("signature or nonce already used");
        }
        context.markUsed(op, admin.get());
        context.put(ViewKeys.ADMIN, next.isNull() ? JsonNodeFactory.instance.nullNode() : next);
        return OpResult.applied("Changed admin " + admin.get() + " to " + (next.isNull() ? "null" : next.textValue()));
    }
}
