package net.intercomj.intersplit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractCall;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.ContractFailure;
import net.intercomj.api.contract.ContractFunction;
import net.intercomj.api.contract.OpKind;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.subnet.TxException;
import net.intercomj.api.subnet.TxResult;

/**
 * A {@link Subnet} for tests that runs a contract app's functions as the host does for a paid
 * transaction: {@code mapTxCommand}, then the function over the state, its writes kept only when
 * it succeeds (a paid transaction the contract refuses is still paid: recorded in
 * {@link State#failures}). The unconfirmed view takes every write; {@link #confirm} makes it the confirmed one.
 * Schemas are not checked (the host does that). One instance per peer ({@code address} signs).
 */
final class ContractSubnet implements Subnet {

    /** The state both peers' subnets share, as replication would make it. */
    static final class State {
        final Map<String, Json> unconfirmed = new ConcurrentHashMap<>();
        final Map<String, Json> confirmed = new ConcurrentHashMap<>();
        final List<String> commands = new CopyOnWriteArrayList<>();
        /** The contract's refusals of paid transactions. */
        final List<String> failures = new CopyOnWriteArrayList<>();
        int txs;

        void confirm() {
            confirmed.clear();
            confirmed.putAll(unconfirmed);
        }
    }

    private final ContractApp app;
    private final Map<String, ContractFunction> functions = new ConcurrentHashMap<>();
    private final State state;
    private final String address;
    volatile boolean writable = true;
    /** When set, every transaction fails with this reason, as a validator's refusal would. */
    volatile String refusal;

    ContractSubnet(ContractApp app, State state, String address) {
        this.app = app;
        this.state = state;
        this.address = address;
        app.define(new ContractDefinition() {
            @Override
            public void addFunction(String type, ContractFunction function) {
                functions.put(type, function);
            }

            @Override
            public void addSchema(String type, JsonObject schema, ContractFunction function) {
                functions.put(type, function);
            }

            @Override
            public void addFeature(String type, ContractFunction handler) {
            }

            @Override
            public void messageHandler(ContractFunction handler) {
            }
        });
    }

    @Override
    public Optional<Json> get(String key) {
        return Optional.ofNullable(state.unconfirmed.get(key));
    }

    @Override
    public Optional<Json> getConfirmed(String key) {
        return Optional.ofNullable(state.confirmed.get(key));
    }

    @Override
    public boolean isAdmin() {
        return false;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public void appendFeature(String featureKey, String key, Json value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized TxResult tx(String command, boolean simulate) throws TxException {
        state.commands.add(command);
        TxCommand mapped = app.mapTxCommand(command).orElseThrow(() -> new TxException("intersplit::tx(): command not found."));
        if (refusal != null) {
            throw new TxException(refusal);
        }
        Call call = new Call(mapped);
        try {
            functions.get(mapped.type()).run(call);
        } catch (ContractFailure e) {
            if (simulate) {
                return new TxResult.Simulated(mapped.type(), Optional.of(e.getMessage()));
            }
            // As on a peer: the fee is paid, the contract's failure is recorded, nothing is written.
            state.failures.add(e.getMessage());
            state.txs++;
            return new TxResult.Broadcast(String.format("%064x", state.txs));
        }
        if (simulate) {
            return new TxResult.Simulated(mapped.type(), Optional.empty());
        }
        state.unconfirmed.putAll(call.writes);
        state.txs++;
        return new TxResult.Broadcast(String.format("%064x", state.txs));
    }

    /** One call: buffered writes over the unconfirmed view. */
    private final class Call implements ContractCall {
        private final TxCommand command;
        final Map<String, Json> writes = new LinkedHashMap<>();

        Call(TxCommand command) {
            this.command = command;
        }

        @Override
        public OpKind kind() {
            return OpKind.TX;
        }

        @Override
        public JsonObject op() {
            return command.toJson();
        }

        @Override
        public Json value() {
            return command.value();
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public Optional<String> validatorAddress() {
            return Optional.of("0".repeat(64));
        }

        @Override
        public Optional<String> tx() {
            return Optional.of(String.format("%064x", state.txs + 1));
        }

        @Override
        public Optional<Json> get(String key) {
            return writes.containsKey(key) ? Optional.of(writes.get(key)) : Optional.ofNullable(state.unconfirmed.get(key));
        }

        @Override
        public void put(String key, Json value) {
            if (!key.startsWith(RoomContract.KEY_PREFIX)) {
                throw new AssertionError("the InterSplit contract wrote outside its namespace: " + key);
            }
            writes.put(key, value);
        }

        @Override
        public void del(String key) {
            throw new AssertionError("the InterSplit contract deletes nothing");
        }
    }
}
