package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpResult;

/**
 * The checks shared by the admin's membership and settings ops, the original's "msg-signed"
 * family (spec §2.4 A): {@code {type, key, value: {msg: {type, key}}, hash, nonce}}, where the
 * inner type and key repeat the outer ones, signed by the current admin, never seen before.
 */
final class AdminMsgOps {

    private AdminMsgOps() {}

    /** The op's key once every check passed; otherwise the rejection. */
    static Result check(JsonNode op, OpContext context, String type) {
        JsonNode key = op.get("key");
        JsonNode msg = op.path("value").path("msg");
        if (key == null || !key.isTextual() || key.textValue().isEmpty() || key.textValue().length() > 256) {
            return new Result(null, OpResult.rejected("key must be a string of 1 to 256 characters"));
        }
        if (!msg.path("type").isTextual() || !type.equals(msg.get("type").textValue())) {
            return new Result(null, OpResult.rejected("value.msg.type must be " + type));
        }
        if (!msg.path("key").isTextual() || !key.textValue().equals(msg.get("key").textValue())) {
            return new Result(null, OpResult.rejected("value.msg.key must equal key"));
        }
        Optional<String> admin = context.admin();
        if (admin.isEmpty()) {
            return new Result(null, OpResult.rejected("the subnet has no admin"));
        }
        if (!context.signedBy(op, admin.get())) {
            return new Result(null, OpResult.rejected("not signed by the admin"));
        }
        if (context.replayed(op, admin.get())) {
            return new Result(null, OpResult.rejected("signature or nonce already used"));
        }
        context.markUsed(op, admin.get());
        return new Result(key.textValue(), null);
    }

    /** Either the checked key or the rejection. */
    record Result(String key, OpResult rejection) {
        boolean passed() {
            return rejection == null;
        }
    }
}
