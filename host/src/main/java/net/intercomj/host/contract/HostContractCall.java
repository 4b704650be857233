package net.intercomj.host.contract;

import java.util.Objects;
import java.util.Optional;
import net.intercomj.api.contract.ContractCall;
import net.intercomj.api.contract.ContractFailure;
import net.intercomj.api.contract.OpKind;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.subnet.op.OpContext;

/**
 * One contract call over the op's context: reads see the view and the call's own writes, writes
 * go to that context (a child of the op's, kept only if the call succeeds). Made for one call and
 * dropped after it.
 */
final class HostContractCall implements ContractCall {

    private final OpKind kind;
    private final JsonObject op;
    private final String address;
    private final Optional<String> validatorAddress;
    private final Optional<String> tx;
    private final OpContext context;

    HostContractCall(OpKind kind, JsonObject op, String address, Optional<String> validatorAddress,
            Optional<String> tx, OpContext context) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.op = Objects.requireNonNull(op, "op");
        this.address = Objects.requireNonNull(address, "address");
        this.validatorAddress = Objects.requireNonNull(validatorAddress, "validatorAddress");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public OpKind kind() {
        return kind;
    }

    @Override
    public JsonObject op() {
        return op;
    }

    @Override
    public Json value() {
        return kind == OpKind.MESSAGE ? Json.NULL : op.get("value").orElse(Json.NULL);
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Optional<String> validatorAddress() {
        return validatorAddress;
    }

    @Override
    public Optional<String> tx() {
        return tx;
    }

    @Override
    public Optional<Json> get(String key) {
        Objects.requireNonNull(key, "key");
        return context.get(key).map(JsonNodes::fromNode);
    }

    @Override
    public void put(String key, Json value) {
        Objects.requireNonNull(value, "value (use Json.NULL to store null)");
        if (ReservedKeys.isReserved(Objects.requireNonNull(key, "key"))) {
            // The original's text, missing space included: apps may match on it.
            throw new ContractFailure("put(key,value): " + key + "is reserved");
        }
        context.put(key, JsonNodes.toNode(value));
    }

    @Override
    public void del(String key) {
        if (ReservedKeys.isReserved(Objects.requireNonNull(key, "key"))) {
            throw new ContractFailure("del(key): " + key + "is reserved");
        }
        context.delete(key);
    }
}
