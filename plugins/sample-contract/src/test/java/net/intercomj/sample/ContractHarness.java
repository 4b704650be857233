package net.intercomj.sample;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractCall;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.ContractFailure;
import net.intercomj.api.contract.ContractFunction;
import net.intercomj.api.contract.OpKind;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * A tiny stand-in for the host, made of api types only: it collects what a {@link ContractApp}
 * registers and runs its handlers over a {@link HashMap} as the subnet's state.
 *
 * <p>It keeps the host's rules that matter to a contract's behaviour: each call gets its own
 * {@link ContractCall}, reads see the call's own earlier writes, and a failed call's writes are
 * all dropped. It does not compile or check schemas (the host does that), and it refuses any
 * write outside {@code app/sample/}, so a test fails if the app strays from its namespace.
 */
final class ContractHarness implements ContractDefinition {

    /** A handler's outcome: empty when it succeeded, else the failure message the host would record. */
    record Outcome(Optional<String> failure) {
        boolean ok() {
            return failure.isEmpty();
        }
    }

    private final Map<String, String> kinds = new HashMap<>();
    private final Map<String, ContractFunction> functions = new HashMap<>();
    private final Map<String, JsonObject> schemas = new HashMap<>();
    private final Map<String, ContractFunction> features = new HashMap<>();
    private ContractFunction messageHandler;

    /** The subnet's state, key to value. */
    final Map<String, Json> state = new HashMap<>();

    ContractHarness(ContractApp app) {
        app.define(this);
    }

    @Override
    public void addFunction(String type, ContractFunction function) {
        register(type, "function", "addFunction(type, fn)");
        functions.put(type, function);
    }

    @Override
    public void addSchema(String type, JsonObject schema, ContractFunction function) {
        register(type, "schema", "addSchema(type, schema)");
        functions.put(type, function);
        schemas.put(type, schema);
    }

    @Override
    public void addFeature(String type, ContractFunction handler) {
        register(type, "feature", "addFeature(type, fn)");
        features.put(type, handler);
    }

    @Override
    public void messageHandler(ContractFunction handler) {
        messageHandler = handler;
    }

    /** The host's rule: a type is registered as one kind only; the same kind again replaces it. */
    private void register(String type, String kind, String method) {
        String existing = kinds.putIfAbsent(type, kind);
        if (existing != null && !existing.equals(kind)) {
            throw new IllegalStateException(method + ": The type has been registered already.");
        }
    }

    boolean hasFunction(String type) {
        return functions.containsKey(type) && !schemas.containsKey(type);
    }

    Optional<JsonObject> schema(String type) {
        return Optional.ofNullable(schemas.get(type));
    }

    boolean hasFeature(String type) {
        return features.containsKey(type);
    }

    boolean hasMessageHandler() {
        return messageHandler != null;
    }

    /** Runs function {@code type} for a transaction {@code {type, value}} from {@code address}. */
    Outcome tx(String type, Json value, String address) {
        ContractFunction function = functions.get(type);
        if (function == null) {
            throw new IllegalArgumentException("no function " + type);
        }
        JsonObject op = Json.object().put("type", type).put("value", value).build();
        return run(function, new Call(OpKind.TX, op, value, address));
    }

    /** Runs the feature handler of {@code type} for admin-signed data {@code value} appended by {@code address}. */
    Outcome feature(String type, Json value, String address) {
        ContractFunction handler = features.get(type);
        if (handler == null) {
            throw new IllegalArgumentException("no feature handler " + type);
        }
        JsonObject op = Json.object().put("type", type).put("key", type.replace("_feature", ""))
                .put("hash", "00").put("value", value).put("nonce", "00").put("address", address).build();
        return run(handler, new Call(OpKind.FEATURE, op, value, address));
    }

    /** Runs the chat hook for a message of {@code text} by {@code address}, shaped as the host's chat op. */
    Outcome message(String text, String address) {
        JsonObject op = Json.object().put("type", "msg").put("msg", text).put("address", address)
                .put("attachments", Json.array()).put("deleted_by", Json.NULL).put("reply_to", Json.NULL)
                .put("pinned", false).put("pin_id", Json.NULL).build();
        return run(messageHandler, new Call(OpKind.MESSAGE, op, Json.NULL, address));
    }

    /** Runs {@code function}; keeps its writes only if it succeeds, as the host does. */
    private Outcome run(ContractFunction function, Call call) {
        try {
            function.run(call);
        } catch (ContractFailure failure) {
            return new Outcome(Optional.of(failure.getMessage()));
        } catch (RuntimeException e) {
            return new Outcome(Optional.of("Error in contract: " + e));
        }
        call.writes.forEach((key, value) -> {
            if (value.isEmpty()) {
                state.remove(key);
            } else {
                state.put(key, value.get());
            }
        });
        return new Outcome(Optional.empty());
    }

    /** One call: buffered writes over {@link #state}; an empty value in {@link #writes} is a delete. */
    private final class Call implements ContractCall {

        private final OpKind kind;
        private final JsonObject op;
        private final Json value;
        private final String address;
        final Map<String, Optional<Json>> writes = new LinkedHashMap<>();

        Call(OpKind kind, JsonObject op, Json value, String address) {
            this.kind = kind;
            this.op = op;
            this.value = value;
            this.address = address;
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
            return value;
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public Optional<String> validatorAddress() {
            return kind == OpKind.TX ? Optional.of("0".repeat(64)) : Optional.empty();
        }

        @Override
        public Optional<String> tx() {
            return kind == OpKind.TX ? Optional.of("ab".repeat(32)) : Optional.empty();
        }

        @Override
        public Optional<Json> get(String key) {
            if (writes.containsKey(key)) {
                return writes.get(key);
            }
            return Optional.ofNullable(state.get(key));
        }

        @Override
        public void put(String key, Json value) {
            writes.put(ownKey(key), Optional.of(value));
        }

        @Override
        public void del(String key) {
            writes.put(ownKey(key), Optional.empty());
        }

        private String ownKey(String key) {
            if (!key.startsWith(SampleApp.PREFIX)) {
                throw new AssertionError("the sample app wrote outside app/sample/: " + key);
            }
            return key;
        }
    }
}
