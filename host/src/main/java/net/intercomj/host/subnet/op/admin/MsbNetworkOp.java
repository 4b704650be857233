package net.intercomj.host.subnet.op.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code msbNetwork}: the subnet's creator records, once, the MSB network its transactions
 * settle on, {@code {type: "msbNetwork", key: <MSB bootstrap>, value: {channel, networkId}}}, so
 * joiners find it with no flag. Like {@code addAdmin} it needs no signature: only the
 * bootstrap writer's log can carry it.
 */
public final class MsbNetworkOp implements OpHandler {

    public static final String TYPE = "msbNetwork";

    /** Longest MSB channel name. */
    static final int MAX_CHANNEL = 256;

    @Override
    public String type() {
        return TYPE;
    }

    /** The op that records an MSB network. */
    public static ObjectNode of(String bootstrapHex, String channel, int networkId) {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", TYPE).put("key", bootstrapHex);
        op.putObject("value").put("channel", channel).put("networkId", networkId);
        return op;
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        JsonNode key = op.get("key");
        JsonNode value = op.get("value");
        if (op.size() != 3 || key == null || !key.isTextual() || !OpContext.KEY_HEX.matcher(key.textValue()).matches()) {
            return OpResult.rejected("an msbNetwork op holds type, key (the MSB bootstrap, 64 lowercase hex) and value");
        }
        if (value == null || !value.isObject() || value.size() != 2 || !value.path("channel").isTextual()
                || value.get("channel").textValue().isEmpty() || value.get("channel").textValue().length() > MAX_CHANNEL
                || !value.path("networkId").canConvertToInt() || !value.get("networkId").isIntegralNumber()
                || value.get("networkId").intValue() < 1) {
            return OpResult.rejected("value must be {channel: 1 to " + MAX_CHANNEL
                    + " characters, networkId: a positive integer}");
        }
        if (!context.writer().equals(context.subnet())) {
            return OpResult.rejected("only the subnet bootstrap writer may record the MSB network");
        }
        if (context.get(ViewKeys.MSB).isPresent()) {
            return OpResult.rejected("the subnet's MSB network is already recorded");
        }
        context.put(ViewKeys.MSB, JsonNodeFactory.instance.objectNode().put("bootstrap", key.textValue())
                .put("channel", value.get("channel").textValue()).put("networkId", value.get("networkId").intValue()));
        return OpResult.applied(null);
    }
}
