package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;

/** {@code addWriter}: the admin makes a writer key a writer of the subnet (spec §2.5.3). */
public final class AddWriterOp implements OpHandler {

    @Override
    public String type() {
        return "addWriter";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        AdminMsgOps.Result checked = AdminMsgOps.check(op, context, type());
        if (!checked.passed()) {
            return checked.rejection();
        }
        if (!OpContext.KEY_HEX.matcher(checked.key()).matches()) {
            return OpResult.rejected("key must be a writer key of 64 lowercase hex characters");
        }
        if (Membership.isWriter(context, checked.key())) {
            return OpResult.rejected("already a writer: " + checked.key());
        }
        Membership.add(context, checked.key(), false);
        return OpResult.applied("Writer added: " + checked.key());
    }
}
