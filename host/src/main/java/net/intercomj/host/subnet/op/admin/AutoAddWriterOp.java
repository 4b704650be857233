package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code autoAddWriter}: a joiner's request to become a writer, appended for it by a writer
 * while auto-add is on (spec §2.5.7). In the original any writer could add any key this way
 * (spec §9 item 9); here the request must be signed by the writer key it adds, so it proves
 * that the joiner holds that key and asked. It says "added" only when it added.
 */
public final class AutoAddWriterOp implements OpHandler {

    @Override
    public String type() {
        return "autoAddWriter";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        JsonNode key = op.get("key");
        if (key == null || !key.isTextual() || !OpContext.KEY_HEX.matcher(key.textValue()).matches()) {
            return OpResult.rejected("key must be a writer key of 64 lowercase hex characters");
        }
        String writer = key.textValue();
        if (!writer.equals(op.path("value").path("key").asText(null))) {
            return OpResult.rejected("value.key must equal key");
        }
        if (!"on".equals(context.text(ViewKeys.AUTO_ADD_WRITERS).orElse("off"))) {
            return OpResult.rejected("auto_add_writers is off");
        }
        if (context.get(ViewKeys.banned(writer)).isPresent()) {
            return OpResult.rejected("banned: " + writer);
        }
        if (!context.signedBy(op, writer)) {
            return OpResult.rejected("not signed by the writer key it adds");
        }
        if (context.replayed(op, writer)) {
            return OpResult.rejected("signature or nonce already used");
        }
        if (Membership.isWriter(context, writer)) {
            return OpResult.rejected("already a writer: " + writer);
        }
        context.markUsed(op, writer);
        Membership.add(context, writer, false);
        return OpResult.applied("Writer auto added: " + writer);
    }
}
