package net.intercomj.host.contract;

import java.util.Objects;
import net.intercomj.api.contract.ContractFunction;
import net.intercomj.host.contract.schema.ContractSchema;

/** What a contract registered under one type name: exactly one of these kinds. */
public sealed interface ContractOperation {

    ContractFunction function();

    /** {@code addFunction}: runs on any input. */
    record Function(ContractFunction function) implements ContractOperation {
        public Function {
            Objects.requireNonNull(function, "function");
        }
    }

    /** {@code addSchema}: runs when the dispatch matches the schema. */
    record Checked(ContractSchema schema, ContractFunction function) implements ContractOperation {
        public Checked {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(function, "function");
        }
    }

    /** {@code addFeature}: runs for a feature's admin-signed data, never as a transaction. */
    record Feature(ContractFunction function) implements ContractOperation {
        public Feature {
            Objects.requireNonNull(function, "function");
        }
    }
}
