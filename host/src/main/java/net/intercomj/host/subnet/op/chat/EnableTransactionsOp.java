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
 * {@code enableTransactions}: the admin turns contract transactions on or off, writing
 * {@code txen} (spec §2.5.9). Dispatch {@code {type, enabled: bool, address}}, signed by the
 * current admin; {@code address} is informational.
 */
public final class EnableTransactionsOp implements OpHandler {

    @Override
    public String type() {
        return "enableTransactions";
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
            context.put(ViewKeys.TRANSACTIONS_ENABLED, enabled);
            return OpResult.applied("Changed transactions enabled " + enabled);
        });
    }
}
