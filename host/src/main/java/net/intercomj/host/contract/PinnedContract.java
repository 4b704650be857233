package net.intercomj.host.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.ContractUnavailable;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * The contract calls of a subnet that pins its contract: each call runs the version the state
 * pins at that op ({@code ctr}, written by {@code upgradeContract}), found among the loaded
 * {@link ContractApps}. A subnet without a pin runs {@link ContractCalls#NONE}. When the pinned
 * version is not loaded, the call throws {@link ContractUnavailable} and apply stops before the
 * op, saying which version it needs, instead of applying it differently from the other peers.
 */
public final class PinnedContract implements ContractCalls {

    private final ContractApps apps;

    public PinnedContract(ContractApps apps) {
        this.apps = Objects.requireNonNull(apps, "apps");
    }

    @Override
    public TxOutcome tx(JsonNode op, OpContext context) {
        return resolve(context).tx(op, context);
    }

    @Override
    public Optional<String> feature(JsonNode op, OpContext context) {
        return resolve(context).feature(op, context);
    }

    @Override
    public Optional<String> message(JsonNode op, OpContext context) {
        return resolve(context).message(op, context);
    }

    private ContractCalls resolve(OpContext context) {
        Optional<ContractPin> pin = context.get(ViewKeys.CONTRACT).flatMap(ContractPin::of);
        if (pin.isEmpty()) {
            return ContractCalls.NONE;
        }
        String id = pin.get().app();
        String hash = pin.get().hash();
        Optional<ContractRuntime> runtime = apps.find(id, hash);
        if (runtime.isPresent()) {
            return runtime.get();
        }
        List<String> local = apps.versions(id).stream().map(ContractApps.Installed::versionHash).toList();
        throw new ContractUnavailable("contract version mismatch: subnet pins " + hash + ", this peer runs "
                + (local.isEmpty() ? "none" : String.join(", ", local)) + " (app " + id + "; "
                + (apps.isLoading() ? "contract apps are still loading)" : "load that version to go on)"));
    }

    @Override
    public String toString() {
        return "PinnedContract";
    }
}
