package net.intercomj.host.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractFailure;
import net.intercomj.api.contract.ContractFunction;
import net.intercomj.api.contract.OpKind;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.contract.schema.ValidationResult;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpContext;

/**
 * Runs a Java contract for the subnet's {@code tx}, {@code feature} and {@code msg} ops, with the
 * original's dispatch rules (spec §1.2) and its defects fixed:
 * <ul>
 *   <li>each call gets its own {@link HostContractCall}, so no two executions share state
 *       (spec §9 item 1);
 *   <li>a failed call's writes are dropped (item 5): the ops run the contract on a child context
 *       and keep it only on success;
 *   <li>an exception never stops the subnet (item 4): a {@link ContractFailure} fails the op with
 *       its message, any other exception with {@code Error in contract: <exception>}. Both are
 *       deterministic, so every peer records the same failure.
 * </ul>
 * An {@link Error} (out of memory, stack overflow) is not caught: it is not deterministic, so
 * apply stops rather than record it.
 */
public final class ContractRuntime implements ContractCalls {

    /** The original's result for a type the contract does not run as a transaction. */
    public static final String UNKNOWN_TYPE = "Unknown contract operation type.";

    /** The original's result for a transaction whose dispatch fails the type's schema. */
    public static final String INVALID_SCHEMA = "Invalid schema.";

    /** What the original recorded as a numeric {@code err} ({@code parseInt(message)}). */
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    private final DefinedContract contract;

    public ContractRuntime(DefinedContract contract) {
        this.contract = Objects.requireNonNull(contract, "contract");
    }

    /** A runtime for {@code app}, running its {@link ContractApp#define} now. */
    public static ContractRuntime of(ContractApp app) {
        return new ContractRuntime(DefinedContract.of(app));
    }

    /** What the contract registered: its operations by type, for readers such as the RPC's schema. */
    public DefinedContract contract() {
        return contract;
    }

    @Override
    public TxOutcome tx(JsonNode op, OpContext context) {
        JsonNode value = op.get("value");
        JsonNode dispatch = value.get("dispatch");
        String type = dispatch.get("type").textValue();
        Optional<ContractOperation> operation = contract.operation(type);
        if (operation.isEmpty() || operation.get() instanceof ContractOperation.Feature) {
            return TxOutcome.notIndexed(UNKNOWN_TYPE);
        }
        if (operation.get() instanceof ContractOperation.Checked checked) {
            ValidationResult result = checked.schema().validate(dispatch);
            if (!result.valid()) {
                return TxOutcome.notIndexed(INVALID_SCHEMA + " " + result.describe());
            }
        }
        HostContractCall call = new HostContractCall(OpKind.TX, object(dispatch), value.get("ipk").textValue(),
                Optional.of(value.get("wp").textValue()), Optional.of(op.get("key").textValue()), context);
        Optional<String> failure = run(operation.get().function(), call);
        if (failure.isEmpty()) {
            return TxOutcome.ok();
        }
        String message = failure.get();
        return INTEGER.matcher(message).matches() ? TxOutcome.failed(Long.parseLong(message))
                : TxOutcome.failed(message);
    }

    @Override
    public Optional<String> feature(JsonNode op, OpContext context) {
        JsonNode dispatch = op.get("value").get("dispatch");
        Optional<ContractOperation> operation = contract.operation(dispatch.get("type").textValue());
        if (operation.isEmpty() || !(operation.get() instanceof ContractOperation.Feature feature)) {
            return Optional.empty();
        }
        return run(feature.function(), new HostContractCall(OpKind.FEATURE, object(dispatch),
                dispatch.get("address").textValue(), Optional.empty(), Optional.empty(), context));
    }

    @Override
    public Optional<String> message(JsonNode op, OpContext context) {
        if (contract.messageHandler().isEmpty()) {
            return Optional.empty();
        }
        JsonNode dispatch = op.get("value").get("dispatch");
        return run(contract.messageHandler().get(), new HostContractCall(OpKind.MESSAGE, object(dispatch),
                dispatch.get("address").textValue(), Optional.empty(), Optional.empty(), context));
    }

    /** Runs {@code function}; empty when it succeeded, else why it failed. */
    private static Optional<String> run(ContractFunction function, HostContractCall call) {
        try {
            function.run(call);
            return Optional.empty();
        } catch (ContractFailure failure) {
            return Optional.of(String.valueOf(failure.getMessage()));
        } catch (RuntimeException e) {
            return Optional.of("Error in contract: " + e);
        }
    }

    private static JsonObject object(JsonNode node) {
        return JsonNodes.fromNode(node).asObject();
    }

    @Override
    public String toString() {
        return "ContractRuntime" + contract.operations().keySet();
    }
}
