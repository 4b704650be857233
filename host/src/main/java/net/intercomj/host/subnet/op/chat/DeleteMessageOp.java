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
 * {@code deleteMessage}: deletes message {@code id} (spec §2.5.16). Dispatch
 * {@code {type, id, address}}. The message must exist and not be deleted yet.
 *
 * <p>Authorised when signed by the admin; or by {@code address} when it is a moderator and the
 * author is not the admin; or by {@code address} when it is not a moderator, is the author and
 * is not the admin (self-delete). The message keeps its fields but loses its text and
 * attachments and records who deleted it ({@code deleted_by}: the admin's key when the admin
 * signed, else {@code address}); {@code delm/<delml>} = id and {@code delml} + 1 index the
 * deletion. Unlike the original, nothing dereferences a missing admin (spec §9 item 4).
 */
public final class DeleteMessageOp implements OpHandler {

    @Override
    public String type() {
        return "deleteMessage";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            ObjectNode dispatch = DispatchOps.dispatch(op, type(), List.of("id", "address"));
            long id = DispatchOps.id(dispatch, "id");
            String address = DispatchOps.key(dispatch, "address");
            ObjectNode message = DispatchOps.message(context, id);
            JsonNode authorNode = message.get("address");
            if (authorNode == null || !authorNode.isTextual()) {
                throw new OpRejection("message " + id + " has no author");
            }
            String author = authorNode.textValue();
            String signer = signer(op, context, address, author);
            DispatchOps.fresh(op, context, signer);
            JsonNode deletedBy = message.get("deleted_by");
            if (deletedBy == null) {
                throw new OpRejection("message " + id + " has no deleted_by field");
            }
            if (!deletedBy.isNull()) {
                throw new OpRejection("message " + id + " is already deleted");
            }
            context.markUsed(op, signer);
            message.putNull("msg");
            message.set("attachments", JsonNodeFactory.instance.arrayNode());
            message.put("deleted_by", signer);
            long deletions = context.counter(ViewKeys.DELETED_COUNT);
            context.put(ViewKeys.message(id), message);
            context.put(ViewKeys.deleted(deletions), id);
            context.put(ViewKeys.DELETED_COUNT, deletions + 1);
            return OpResult.applied("Deleted message " + id + " of user " + author + " by " + address);
        });
    }

    private static String signer(JsonNode op, OpContext context, String address, String author)
            throws OpRejection {
        if (DispatchOps.signedByAdmin(op, context)) {
            return context.admin().orElseThrow();
        }
        String notAdmin = DispatchOps.noAdminSignature(context);
        if (context.isMod(address)) {
            if (context.isAdmin(author)) {
                throw new OpRejection("a moderator cannot delete the admin's message");
            }
            if (!context.signedBy(op, address)) {
                throw new OpRejection(notAdmin + ", nor by the moderator " + address);
            }
            return address;
        }
        if (!address.equals(author)) {
            throw new OpRejection(notAdmin + ", and address " + address
                    + " is neither a moderator nor the message's author");
        }
        if (context.isAdmin(address)) {
            throw new OpRejection("not signed by the admin");
        }
        if (!context.signedBy(op, address)) {
            throw new OpRejection(notAdmin + ", nor by the author " + address);
        }
        return address;
    }
}
