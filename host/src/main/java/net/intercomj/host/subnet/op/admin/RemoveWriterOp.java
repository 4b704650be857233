package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;

/**
 * {@code removeWriter}: the admin removes a writer or an indexer (spec §2.5.5). Removing the last
 * indexer is refused as an ordinary rejection; in the original it threw inside apply and halted
 * the subnet (spec §9 item 4).
 */
public final class RemoveWriterOp implements OpHandler {

    @Override
    public String type() {
        return "removeWriter";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        AdminMsgOps.Result checked = AdminMsgOps.check(op, context, type());
        if (!checked.passed()) {
            return checked.rejection();
        }
        String key = checked.key();
        if (!Membership.isWriter(context, key)) {
            return OpResult.rejected("not a writer: " + key);
        }
        if (Membership.isIndexer(context, key) && Membership.indexers(context) == 1) {
            return OpResult.rejected("Not allowed to remove the last indexer");
        }
        Membership.remove(context, key);
        return OpResult.applied("Writer removed: " + key);
    }
}
