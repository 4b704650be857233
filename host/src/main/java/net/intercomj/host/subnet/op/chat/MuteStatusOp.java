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
 * {@code muteStatus}: mutes or unmutes a user, writing {@code mtd/<user>} (spec §2.5.13). A muted
 * user cannot post ({@link MsgOp}). Dispatch {@code {type, user, muted: bool, address}}.
 *
 * <p>Authorised when signed by the admin (who may mute anyone), or by {@code address} when it is
 * a moderator and {@code user} is neither the admin nor a moderator. Unlike the original, which
 * read the admin unguarded and threw before an admin existed (spec §9 item 4), the admin path
 * simply does not apply while there is no admin.
 */
public final class MuteStatusOp implements OpHandler {

    @Override
    public String type() {
        return "muteStatus";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            ObjectNode dispatch = DispatchOps.dispatch(op, type(), List.of("user", "muted", "address"));
            String user = DispatchOps.key(dispatch, "user");
            boolean muted = DispatchOps.bool(dispatch, "muted");
            String address = DispatchOps.key(dispatch, "address");
            String signer = signer(op, context, user, address);
            DispatchOps.fresh(op, context, signer);
            context.markUsed(op, signer);
            context.put(ViewKeys.muted(user), muted);
            return OpResult.applied("Changed mute status " + user + " to " + muted);
        });
    }

    private static String signer(JsonNode op, OpContext context, String user, String address)
            throws OpRejection {
        if (DispatchOps.signedByAdmin(op, context)) {
            return context.admin().orElseThrow();
        }
        String notAdmin = DispatchOps.noAdminSignature(context);
        if (!context.isMod(address)) {
            throw new OpRejection(notAdmin + ", and address " + address + " is not a moderator");
        }
        if (context.isAdmin(user)) {
            throw new OpRejection("a moderator cannot change the admin's mute status");
        }
        if (context.isMod(user)) {
            throw new OpRejection("a moderator cannot change another moderator's mute status");
        }
        if (!context.signedBy(op, address)) {
            throw new OpRejection(notAdmin + ", nor by the moderator " + address);
        }
        return address;
    }
}
