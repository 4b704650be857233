package net.intercomj.host.msb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.PinnedContract;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.subnet.op.contract.TxOp;

/**
 * The steps of a contract transaction that {@code /tx} and the RPC share (spec §3.2 to §3.4):
 * the local checks, the simulation on a private copy, and paying: saved as pending first, then
 * submitted to a validator, whose refusal is returned.
 */
public final class Transactions {

    private static final String ZERO_HASH = "0".repeat(64);

    private final SubnetNode subnet;
    private final ContractApps apps;
    private final TxRelay relay;
    private final LogEntry.Signer writerSigner;

    /** @param writerSigner signs the entry that carries a simulation's context (never stored or sent) */
    public Transactions(SubnetNode subnet, ContractApps apps, TxRelay relay, LogEntry.Signer writerSigner) {
        this.subnet = subnet;
        this.apps = apps;
        this.relay = relay;
        this.writerSigner = writerSigner;
    }

    /**
     * What the subnet checks before anything is paid: this peer may append, transactions are
     * enabled, and the subnet op would fit (the original paid for ops apply then ignored, spec
     * §9 item 15).
     *
     * @throws SettlementRejected with the original's message where there is one
     */
    public void check(JsonNode dispatch, String ipk) throws SettlementRejected {
        if (!subnet.isWriter()) {
            throw new SettlementRejected("Peer is not writable.");
        }
        if (subnet.unconfirmed().get(ViewKeys.TRANSACTIONS_ENABLED).map(value -> !value.equals("true")).orElse(false)) {
            throw new SettlementRejected("Tx is not enabled.");
        }
        int size = CanonicalJson.write(subnetOp(ZERO_HASH, TxOp.MAX_MSB_SIGNED_LENGTH, dispatch, ipk, ZERO_HASH))
                .getBytes(StandardCharsets.UTF_8).length;
        if (size > TxOp.MAX_BYTES) {
            throw new SettlementRejected("The command is too large: its subnet tx op would be " + size
                    + " bytes, over the limit of " + TxOp.MAX_BYTES + ". Nothing was paid.");
        }
    }

    /**
     * Runs the pinned contract on a private copy of the unconfirmed view, as the requester
     * {@code ipk} (spec §3.3); nothing is kept. A deleted key reads as deleted (the original's
     * simulation store did not, spec §9 item 18).
     */
    public TxOutcome simulate(JsonNode dispatch, String ipk) {
        ObjectNode op = subnetOp(ZERO_HASH, 0, dispatch, ipk, ZERO_HASH);
        LogEntry carrier = LogEntry.append(subnet.subnet(), subnet.writerKey(), null, List.of(),
                System.currentTimeMillis(), CanonicalJson.write(op), writerSigner);
        OpContext context = new OpContext(subnet.subnet(), carrier, new ViewOverlay(subnet.unconfirmed()));
        return new PinnedContract(apps).tx(op, context.child());
    }

    /**
     * Pays for {@code op}: saves it as pending (so a restart resumes it), then submits it.
     *
     * @return completes once a validator accepted it; fails with its reason, and then the
     *     pending entry is dropped (nothing was paid)
     */
    public CompletableFuture<String> pay(MsbNode node, TxSettlement op, JsonNode dispatch) throws StoreException {
        relay.add(new PendingTxs.Pending(op, dispatch));
        return node.submit(op).whenComplete((accepted, error) -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            if (cause instanceof SettlementRejected rejected && !rejected.getMessage().equals(MsbNode.NO_VALIDATOR)) {
                relay.drop(op.tx());
            }
        });
    }

    /** The subnet's {@code tx} op for a settled transaction (spec §2.5.20). */
    public static ObjectNode subnetOp(String key, long msbsl, JsonNode dispatch, String ipk, String wp) {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", TxOp.TYPE).put("key", key);
        op.putObject("value").put("msbsl", msbsl).<ObjectNode>set("dispatch", dispatch).put("ipk", ipk).put("wp", wp);
        return op;
    }
}
