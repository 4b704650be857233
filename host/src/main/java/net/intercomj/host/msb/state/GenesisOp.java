package net.intercomj.host.msb.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.MsbNetwork;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.wallet.TracAddress;

/**
 * {@code msbGenesis}: the node that created the MSB gives its genesis balance once,
 * {@code {type: "msbGenesis", key: <address>, value: "<base units>"}}. It is the only way
 * TNK comes into being, so the supply is the genesis balance, less what fees burned.
 */
public final class GenesisOp implements OpHandler {

    public static final String TYPE = "msbGenesis";

    private final MsbNetwork network;

    public GenesisOp(MsbNetwork network) {
        this.network = network;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The op that gives {@code units} to {@code address}. */
    public static JsonNode of(String address, BigInteger units) {
        return JsonNodeFactory.instance.objectNode().put("type", TYPE).put("key", address).put("value", units.toString());
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        if (!context.writer().equals(context.subnet())) {
            return OpResult.rejected("only the node that created the MSB gives the genesis balance");
        }
        if (context.get(MsbKeys.GENESIS).isPresent()) {
            return OpResult.rejected("the genesis balance was given already");
        }
        String address = op.path("key").asText("");
        try {
            // the canonical (lowercase) form only: settlement ops name accounts in lowercase, so a
            // balance under an uppercase address could never be spent
            if (!network.address(TracAddress.decode(network.hrp(), address)).equals(address)) {
                return OpResult.rejected("key must be an account address in lowercase");
            }
        } catch (IllegalArgumentException e) {
            return OpResult.rejected("key must be an account address: " + e.getMessage());
        }
        BigInteger units;
        try {
            units = new BigInteger(op.path("value").asText(""));
        } catch (NumberFormatException e) {
            return OpResult.rejected("value must be a whole number of base units");
        }
        if (!Amounts.inRange(units) || op.size() != 3) {
            return OpResult.rejected("value must be 0 to 2^128-1 base units, and the op holds only type, key and value");
        }
        context.put(MsbKeys.GENESIS, true);
        context.put(MsbKeys.SUPPLY, units.toString());
        context.put(MsbKeys.balance(address), units.toString());
        return OpResult.applied(null);
    }
}
