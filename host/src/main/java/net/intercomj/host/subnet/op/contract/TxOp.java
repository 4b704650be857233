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
 * <p><b>Not checked here: the settlement proof (spec §2.5.20 items 4 to 10)</b>, left to the
 * MSB layer (another issue): wait until the MSB's confirmed (signed) length reaches
 * {@code msbsl} (item 5; the original's skip guard on the local MSB length, item 4, is a
 * determinism defect, spec §9 item 6); read the MSB record {@code <key>} at length
 * {@code msbsl}, at most 1 MiB (item 6); decode it as an MSB {@code Operation} of type 12 with
 * {@code txo} (item 7); {@code txo.tx} = {@code key}, {@code txo.bs} = this subnet's bootstrap,
 * {@code txo.mbs} = the MSB bootstrap (item 8); {@code txo.ch} = BLAKE3 of the dispatch's JSON as
 * the requester hashed it, {@code {"type":…,"value":…}} (item 9); the requester address decodes
 * to {@code ipk} and {@code txo.va} to {@code wp} (item 10). They plug into {@link #apply} at the
 * marked point, after the local checks (so a disabled or replayed tx never waits for the MSB)
 * and before the contract is called, as a rejection when the proof fails. Until then nothing
 * ties {@code ipk}, {@code wp} or {@code dispatch} to a settled payment: any writer of the
 * subnet can append such an op for any requester, and the pinned contract runs it. Writers are
 * admitted by the admin (or by auto-add), so until the proof is checked a contract's functions
 * are only as trustworthy as the subnet's writers; docs/apps.md says so to app authors.
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

    public TxOp(ContractCalls contract) {
        this.contract = Objects.requireNonNull(contract, "contract");
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
            msbSignedLength(value.get("msbsl"));
            String ipk = Checks.hex32(value.get("ipk"), "value.ipk", "a public key");
            String wp = Checks.hex32(value.get("wp"), "value.wp", "a public key");
            if (!context.get(ViewKeys.TRANSACTIONS_ENABLED).map(txen -> txen.isBoolean() && txen.booleanValue())
                    .orElse(true)) {
                throw new OpRejection("transactions are disabled on this subnet (txen)");
            }
            if (context.get(ViewKeys.transactionIndex(key)).isPresent()) {
                throw new OpRejection("transaction " + key + " is already indexed");
            }
            // The settlement proof (spec §2.5.20 items 4 to 10, see the class comment) goes here.
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

    private static void msbSignedLength(JsonNode msbsl) throws OpRejection {
        if (!msbsl.isIntegralNumber() || !msbsl.canConvertToLong() || msbsl.longValue() < 0
                || msbsl.longValue() > MAX_SAFE_INTEGER) {
            throw new OpRejection("value.msbsl must be an integer from 0 to " + MAX_SAFE_INTEGER);
        }
        if (msbsl.longValue() > MAX_MSB_SIGNED_LENGTH) {
            throw new OpRejection("value.msbsl " + msbsl.longValue() + " is over the limit of "
                    + MAX_MSB_SIGNED_LENGTH);
        }
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
