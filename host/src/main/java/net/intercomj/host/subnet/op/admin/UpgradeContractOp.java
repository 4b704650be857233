package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code upgradeContract} (ours; the original had no contract pinning): pins the contract app
 * every peer of the subnet runs, as {@code key} = {@code <app id>:<version hash>}. From the next
 * op on, every peer applies with exactly that version, or pauses until it has it, so all peers
 * switch at the same place in the ordered log.
 *
 * <p>Two ways in: the subnet's creator pins the first contract like it names the first admin
 * ({@code {type, key}}, no signature, only from the bootstrap writer's log, only while there is
 * neither an admin nor a pin); after that only the admin changes it, with the signed form of
 * the other admin ops ({@code {type, key, value: {msg: {type, key}}, hash, nonce}}).
 *
 * <p>Writes {@code ctr} = {@code {"app": <app id>, "hash": <version hash>}}.
 */
public final class UpgradeContractOp implements OpHandler {

    public static final String TYPE = "upgradeContract";

    /** {@code <app id>:<hash>}: an id of letters, digits, {@code . _ -}, and a SHA-256 as 64 lowercase hex. */
    private static final Pattern PIN = Pattern.compile("([A-Za-z0-9._-]{1,128}):([0-9a-f]{64})");

    @Override
    public String type() {
        return TYPE;
    }

    /** The op's key for {@code appId} at {@code hash}. */
    public static String key(String appId, String hash) {
        String key = appId + ":" + hash;
        if (!PIN.matcher(key).matches()) {
            throw new IllegalArgumentException("Not an app id and version hash: " + key);
        }
        return key;
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        JsonNode key = op.get("key");
        Matcher pin = key != null && key.isTextual() ? PIN.matcher(key.textValue()) : null;
        if (pin == null || !pin.matches()) {
            return OpResult.rejected("key must be <app id>:<version hash as 64 lowercase hex>");
        }
        if (op.has("value") || op.has("hash") || op.has("nonce")) {
            AdminMsgOps.Result checked = AdminMsgOps.check(op, context, type());
            if (!checked.passed()) {
                return checked.rejection();
            }
        } else if (!context.writer().equals(context.subnet())) {
            return OpResult.rejected("only the subnet bootstrap writer may pin the first contract unsigned");
        } else if (context.adminKeyExists() || context.get(ViewKeys.CONTRACT).isPresent()) {
            return OpResult.rejected("once there is an admin or a pinned contract, only the admin may change it");
        }
        ObjectNode pinned = JsonNodeFactory.instance.objectNode().put("app", pin.group(1)).put("hash", pin.group(2));
        context.put(ViewKeys.CONTRACT, pinned);
        return OpResult.applied("Contract pinned: " + pin.group(1) + " " + pin.group(2));
    }
}
