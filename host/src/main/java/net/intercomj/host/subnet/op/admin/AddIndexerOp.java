package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;

/**
 * {@code addIndexer}: the admin makes a writer key an indexer, one that takes part in ordering
 * (spec §2.5.4). A writer already in the subnet is promoted.
 */
public final class AddIndexerOp implements OpHandler {

    @Override
    public String type() {
        return "addIndexer";
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
        if (Membership.isIndexer(context, checked.key())) {
            return OpResult.rejected("already an indexer: " + checked.key());
        }
        Membership.add(context, checked.key(), true);
        return OpResult.applied("Indexer added: " + checked.key());
    }
}
