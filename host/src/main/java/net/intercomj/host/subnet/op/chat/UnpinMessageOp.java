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
 * {@code unpinMessage}: releases pin slot {@code id} (spec §2.5.18). Dispatch
 * {@code {type, id, address}}, where {@code id} is the pin slot ({@code pni/<id>}), not the
 * message id; the slot must exist. Authorised when signed by the admin, or by {@code address}
 * when it is a moderator.
 *
 * <p>The slot is rewritten as {@code {msg, pinned: false}}. The slot's message becomes unpinned
 * with no slot ({@code pinned: false}, {@code pin_id: null}) only while that slot is still its
 * pin: the original also reset a message that had since been pinned again under a newer slot,
 * leaving that slot saying "pinned" over an unpinned message.
 */
public final class UnpinMessageOp implements OpHandler {

    @Override
    public String type() {
        return "unpinMessage";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            ObjectNode dispatch = DispatchOps.dispatch(op, type(), List.of("id", "address"));
            long id = DispatchOps.id(dispatch, "id");
            String address = DispatchOps.key(dispatch, "address");
            JsonNode pin = context.get(ViewKeys.pin(id)).orElse(null);
            if (pin == null) {
                throw new OpRejection("pin " + id + " does not exist");
            }
            if (!DispatchOps.isId(pin.get("msg"))) {
                throw new OpRejection("pin " + id + " names no valid message id");
            }
            long messageId = pin.get("msg").longValue();
            String signer = DispatchOps.adminOrModSigned(op, context, address);
            DispatchOps.fresh(op, context, signer);
            context.markUsed(op, signer);
            JsonNode stored = context.get(ViewKeys.message(messageId)).orElse(null);
            if (stored != null && stored.isObject()) {
                if (stored.path("pin_id").canConvertToLong() && stored.get("pin_id").longValue() == id) {
                    ObjectNode message = ((ObjectNode) stored).deepCopy();
                    message.put("pinned", false);
                    message.putNull("pin_id");
                    context.put(ViewKeys.message(messageId), message);
                }
                context.put(ViewKeys.pin(id),
                        JsonNodeFactory.instance.objectNode().put("msg", messageId).put("pinned", false));
            }
            return OpResult.applied("Unpinned message " + messageId + " by " + address);
        });
    }
}
