package net.intercomj.host.subnet.op.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpRejection;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code pinMessage}: pins or unpins message {@code id} (spec §2.5.17). Dispatch
 * {@code {type, id, pinned: bool, address}}; the message must exist. Authorised when signed by
 * the admin, or by {@code address} when it is a moderator.
 *
 * <p>A message without a pin slot gets {@code pin_id} = {@code pnl} and {@code pnl} + 1; its
 * slot {@code pni/<pin_id>} = {@code {msg: id, pinned}} is written either way, and the message's
 * {@code pinned} is set. {@code pinned: false} thus unpins but keeps the slot.
 */
public final class PinMessageOp implements OpHandler {

    @Override
    public String type() {
        return "pinMessage";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            ObjectNode dispatch = DispatchOps.dispatch(op, type(), List.of("id", "pinned", "address"));
            long id = DispatchOps.id(dispatch, "id");
            boolean pinned = DispatchOps.bool(dispatch, "pinned");
            String address = DispatchOps.key(dispatch, "address");
            ObjectNode message = DispatchOps.message(context, id);
            JsonNode pinId = message.path("pin_id");
            if (!pinId.isNull() && !DispatchOps.isId(pinId)) {
                throw new OpRejection("message " + id + " has an invalid pin_id");
            }
            String signer = DispatchOps.adminOrModSigned(op, context, address);
            DispatchOps.fresh(op, context, signer);
            context.markUsed(op, signer);
            long slot;
            if (pinId.isNull()) {
                slot = context.counter(ViewKeys.PIN_COUNT);
                message.put("pin_id", slot);
                context.put(ViewKeys.PIN_COUNT, slot + 1);
            } else {
                slot = pinId.longValue();
            }
            context.put(ViewKeys.pin(slot), JsonNodeFactory.instance.objectNode().put("msg", id).put("pinned", pinned));
            message.put("pinned", pinned);
            context.put(ViewKeys.message(id), message);
            return OpResult.applied("Pinned message " + id + " by " + address);
        });
    }
}
