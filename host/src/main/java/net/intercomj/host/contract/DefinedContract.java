package net.intercomj.host.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.ContractFunction;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.contract.schema.ContractSchema;

/**
 * What a contract registered, fixed once {@link ContractApp#define} has returned: its operations
 * by type, and its chat hook. Immutable, so apply threads and readers can share it.
 */
public record DefinedContract(Map<String, ContractOperation> operations, Optional<ContractFunction> messageHandler) {

    public DefinedContract {
        operations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(operations));
        Objects.requireNonNull(messageHandler, "messageHandler");
    }

    /** Runs {@code app}'s {@link ContractApp#define} and keeps what it registered. */
    public static DefinedContract of(ContractApp app) {
        Registrations registrations = new Registrations();
        app.define(registrations);
        return registrations.done();
    }

    Optional<ContractOperation> operation(String type) {
        return Optional.ofNullable(operations.get(type));
    }

    /** The {@link ContractDefinition} handed to {@code define}; usable only while it runs. */
    private static final class Registrations implements ContractDefinition {

        private final Map<String, ContractOperation> operations = new LinkedHashMap<>();
        private ContractFunction messageHandler;
        private boolean done;

        @Override
        public void addFunction(String type, ContractFunction function) {
            register("addFunction(type)", type, new ContractOperation.Function(function));
        }

        @Override
        public void addSchema(String type, JsonObject schema, ContractFunction function) {
            Objects.requireNonNull(schema, "schema");
            register("addSchema(type, schema)", type,
                    new ContractOperation.Checked(ContractSchema.compile(JsonNodes.toNode(schema)), function));
        }

        @Override
        public void addFeature(String type, ContractFunction handler) {
            register("addFeature(type, func)", type, new ContractOperation.Feature(handler));
        }

        @Override
        public void messageHandler(ContractFunction handler) {
            open();
            messageHandler = Objects.requireNonNull(handler, "handler");
        }

        /**
         * Adds {@code operation}. As in the original, registering a type again as the same kind
         * replaces it, and as another kind throws.
         */
        private void register(String method, String type, ContractOperation operation) {
            open();
            Objects.requireNonNull(type, "type");
            ContractOperation existing = operations.get(type);
            if (existing != null && existing.getClass() != operation.getClass()) {
                throw new IllegalStateException(method + ": The type has been registered already.");
            }
            operations.put(type, operation);
        }

        private void open() {
            if (done) {
                throw new IllegalStateException("A contract registers its operations only while define() runs");
            }
        }

        DefinedContract done() {
            done = true;
            return new DefinedContract(operations, Optional.ofNullable(messageHandler));
        }
    }
}
