package net.intercomj.host.subnet.op.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpRejection;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.SettlementProofs;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code tx}: a contract transaction settled on the MSB, appended once the MSB confirmed it
 * (spec §2.5.20, §3.6): {@code {type: "tx", key: <tx hash>, value: {msbsl, dispatch: {type, value},
 * ipk, wp}}}, at most {@value #MAX_BYTES} bytes. It carries no subnet signature: the MSB record
 * is its proof.
 *
 * <p>Checked here (spec §2.5.20 items 1 to 3, 11 and 12), each failure a rejection naming the
 * field: exactly these fields; {@code key} a 32-byte hash as 64 lowercase hex;
 * {@code dispatch.type} a string of 1 to 256 characters; {@code dispatch.value} present (null
 * allowed); {@code msbsl} a JSON integer from 0 to 2^53−1 and at most
 * {@value #MAX_MSB_SIGNED_LENGTH} (the original's default {@code maxMsbSignedLength}, a constant
 * here so every peer decides alike); {@code ipk} and {@code wp} public keys as 64 lowercase hex
 * (the original's {@code is_hex} also took odd shapes such as {@code ""}; an MSB-confirmed tx
 * always has 32-byte values there); {@code txen} missing or {@code true}; {@code tx/<key>}
 * absent.
 *
 * <p>Then the settlement proof (spec §2.5.20 items 5 to 10, {@link SettlementProofs}): the MSB
 * record of {@code key}, confirmed at MSB length {@code msbsl}, must be a transaction of this
 * subnet with this command's content hash, the requester {@code ipk} and the validator
 * {@code wp}. It is checked after the local checks, so a disabled or replayed tx never waits
 * for the MSB; when this peer's MSB replica is behind {@code msbsl}, apply waits there
 * ({@link net.intercomj.host.subnet.op.SettlementPending}) rather than skip the op, which would
 * make this peer's view differ (the original's local skip rule, spec §9 item 6).
 *
 * <p>Then the contract runs ({@link ContractCalls#tx}) on a child of the op's context. Not
 * indexed: the op is rejected with the contract's reason ({@link ContractCalls#NONE}: "no
 * contract is installed on this peer"). Indexed: the contract's writes are kept only when it
 * succeeded (the original kept a failed function's writes, spec §9 item 5), and the tx is
 * indexed: {@code txi/<n>} = {@code {val: dispatch, err, tx: key, ipk, wp}} with {@code n} =
 * {@code txl}, {@code txl} = n+1, {@code tx/<key>} = n, {@code utxi/<ipk>/<m>} = n with
 * {@code m} = {@code utxl/<ipk>}, {@code utxl/<ipk>} = m+1. No log line (the original's
 * {@code enableTxlogs} is off by default).
 */
public final class TxOp implements OpHandler {

    public static final String TYPE = "tx";

    /** Largest {@code tx} op, in bytes of its JSON text (the original's {@code txMaxBytes()}). */
    public static final int MAX_BYTES = 4096;

    /** Largest {@code msbsl} accepted (the original's default {@code maxMsbSignedLength}). */
    public static final long MAX_MSB_SIGNED_LENGTH = 1_000_000_000L;

    /** Largest integer the original's schema accepts ({@code Number.MAX_SAFE_INTEGER}). */
    static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private static final List<String> FIELDS = List.of("type", "key", "value");
    private static final List<String> VALUE = List.of("msbsl", "dispatch", "ipk", "wp");
    private static final List<String> DISPATCH = List.of("type", "value");

    private final ContractCalls contract;
    private final SettlementProofs proofs;

    public TxOp(ContractCalls contract, SettlementProofs proofs) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.proofs = Objects.requireNonNull(proofs, "proofs");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            Checks.object(op, "", FIELDS);
            Checks.type(op, TYPE);
            String key = Checks.hex32(op.get("key"), "key", "a transaction hash");
            JsonNode value = Checks.object(op.get("value"), "value", VALUE);
            JsonNode dispatch = Checks.object(value.get("dispatch"), "value.dispatch", DISPATCH);
            Checks.text(dispatch.get("type"), "value.dispatch.type");
            long msbsl = msbSignedLength(value.get("msbsl"));
            String ipk = Checks.hex32(value.get("ipk"), "value.ipk", "a public key");
            String wp = Checks.hex32(value.get("wp"), "value.wp", "a public key");
            if (!context.get(ViewKeys.TRANSACTIONS_ENABLED).map(txen -> txen.isBoolean() && txen.booleanValue())
                    .orElse(true)) {
                throw new OpRejection("transactions are disabled on this subnet (txen)");
            }
            if (context.get(ViewKeys.transactionIndex(key)).isPresent()) {
                throw new OpRejection("transaction " + key + " is already indexed");
            }
            proofs.verify(new SettlementProofs.Claim(key, msbsl, dispatch, ipk, wp), context);
            OpContext run = context.child();
            TxOutcome outcome = contract.tx(op, run);
            if (outcome instanceof TxOutcome.NotIndexed notIndexed) {
                throw new OpRejection(notIndexed.reason());
            }
            TxOutcome.Indexed indexed = (TxOutcome.Indexed) outcome;
            if (!indexed.failed()) {
                context.keep(run);
            }
            index(context, key, dispatch, indexed.error(), ipk, wp);
            return OpResult.applied(null);
        });
    }

    private static long msbSignedLength(JsonNode msbsl) throws OpRejection {
        if (!msbsl.isIntegralNumber() || !msbsl.canConvertToLong() || msbsl.longValue() < 0
                || msbsl.longValue() > MAX_SAFE_INTEGER) {
            throw new OpRejection("value.msbsl must be an integer from 0 to " + MAX_SAFE_INTEGER);
        }
        if (msbsl.longValue() > MAX_MSB_SIGNED_LENGTH) {
            throw new OpRejection("value.msbsl " + msbsl.longValue() + " is over the limit of "
                    + MAX_MSB_SIGNED_LENGTH);
        }
        return msbsl.longValue();
    }

    private static void index(OpContext context, String key, JsonNode dispatch, JsonNode error, String ipk,
            String wp) {
        long n = context.counter(ViewKeys.TX_COUNT);
        long m = context.counter(ViewKeys.userTransactionCount(ipk));
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.set("val", dispatch.deepCopy());
        record.set("err", error);
        record.put("tx", key).put("ipk", ipk).put("wp", wp);
        context.put(ViewKeys.transaction(n), record);
        context.put(ViewKeys.TX_COUNT, n + 1);
        context.put(ViewKeys.transactionIndex(key), n);
        context.put(ViewKeys.userTransaction(ipk, m), n);
        context.put(ViewKeys.userTransactionCount(ipk), m + 1);
    }
}
