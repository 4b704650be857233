package net.intercomj.host.msb.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.HexFormat;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.MsbNetwork;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.ops.SettlementOp;
import net.intercomj.host.msb.ops.SettlementOpCodec;
import net.intercomj.host.msb.ops.Transfer;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;

/**
 * {@code settle}: a validator appends a completed op, {@code {type: "settle", op: <complete op>}}.
 * Apply checks it again ({@link SettlementChecks#complete}), records it under its hash with its
 * position, and moves the fee (spec §4.5): the requester pays 0.03; for a transaction the
 * validator gets 50% and the subnet's deployer 25% (the validator 75% when it deployed the
 * subnet, 50% when the requester did), the rest is burned; for a deployment or a transfer the
 * validator gets 75% and 25% is burned. A refused op changes nothing.
 */
public final class SettleOp implements OpHandler {

    public static final String TYPE = "settle";

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private final SettlementChecks checks;

    public SettleOp(MsbNetwork network) {
        this.checks = new SettlementChecks(network);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int maxBytes() {
        return 4096;
    }

    /** The log op that settles {@code op}. */
    public static JsonNode wrap(SettlementOp op) {
        return JsonNodeFactory.instance.objectNode().put("type", TYPE).set("op", SettlementOpCodec.write(op));
    }

    @Override
    public OpResult apply(JsonNode json, OpContext context) {
        SettlementOp op;
        try {
            if (json.size() != 2 || !json.has("op")) {
                return OpResult.rejected("a settle op holds exactly type and op");
            }
            op = SettlementOpCodec.parse(json.get("op"));
        } catch (IllegalArgumentException e) {
            return OpResult.rejected(e.getMessage());
        }
        MsbLedger ledger = new MsbLedger(context.reader());
        try {
            checks.complete(op, ledger, context.writer().toHex());
        } catch (SettlementRejected e) {
            return OpResult.rejected(e.getMessage());
        }
        String validator = op.seal().orElseThrow().address();
        switch (op) {
            case TxSettlement tx -> {
                String deployer = ledger.deployment(tx.bs()).orElseThrow().deployer();
                debit(context, ledger, op.address(), Amounts.FEE);
                if (deployer.equals(op.address())) {
                    credit(context, ledger, validator, share(50));
                    burn(context, ledger, share(50));
                } else if (deployer.equals(validator)) {
                    credit(context, ledger, validator, share(75));
                    burn(context, ledger, share(25));
                } else {
                    credit(context, ledger, validator, share(50));
                    credit(context, ledger, deployer, share(25));
                    burn(context, ledger, share(25));
                }
            }
            case Deployment deployment -> {
                debit(context, ledger, op.address(), Amounts.FEE);
                credit(context, ledger, validator, share(75));
                burn(context, ledger, share(25));
                context.put(MsbKeys.deployment(deployment.bs()), JsonNodeFactory.instance.objectNode()
                        .put("tx", op.tx()).put("deployer", op.address()).put("channel", deployment.ic()));
            }
            case Transfer transfer -> {
                BigInteger amount = Amounts.fromBytes16(HexFormat.of().parseHex(transfer.am()));
                boolean self = transfer.to().equals(op.address());
                debit(context, ledger, op.address(), self ? Amounts.FEE : amount.add(Amounts.FEE));
                if (!self) {
                    credit(context, ledger, transfer.to(), amount);
                }
                credit(context, ledger, validator, share(75));
                burn(context, ledger, share(25));
            }
        }
        long seq = ledger.length();
        context.put(MsbKeys.record(op.tx()), JsonNodeFactory.instance.objectNode().put("seq", seq)
                .set("op", SettlementOpCodec.write(op)));
        context.put(MsbKeys.LENGTH, seq + 1);
        return OpResult.applied(null);
    }

    private static BigInteger share(int percent) {
        return Amounts.FEE.multiply(BigInteger.valueOf(percent)).divide(HUNDRED);
    }

    private static void debit(OpContext context, MsbLedger ledger, String address, BigInteger amount) {
        BigInteger balance = ledger.balance(address).orElseThrow();
        context.put(MsbKeys.balance(address), balance.subtract(amount).toString());
    }

    private static void credit(OpContext context, MsbLedger ledger, String address, BigInteger amount) {
        BigInteger balance = ledger.balance(address).orElse(BigInteger.ZERO);
        context.put(MsbKeys.balance(address), balance.add(amount).toString());
    }

    private static void burn(OpContext context, MsbLedger ledger, BigInteger amount) {
        context.put(MsbKeys.BURNED, ledger.burned().add(amount).toString());
    }
}
