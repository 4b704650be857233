package net.intercomj.api.subnet;

import java.util.Objects;
import java.util.Optional;

/** What a contract transaction run through {@link Subnet#tx} came to. */
public sealed interface TxResult {

    /**
     * The contract ran on a private copy of the state; nothing was paid or appended.
     *
     * @param type  the contract function the command mapped to
     * @param error the contract's refusal as the original printed it ({@code Invalid schema.},
     *     an assertion's message), or empty when it ran without error
     */
    record Simulated(String type, Optional<String> error) implements TxResult {
        public Simulated {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A validator accepted the payment. The peer appends the subnet's {@code tx} op once the MSB
     * confirms it (and resubmits it after a restart until then); the contract's writes appear in
     * the views from that moment.
     *
     * @param tx the transaction's hash, 64 hex characters
     */
    record Broadcast(String tx) implements TxResult {
        public Broadcast {
            Objects.requireNonNull(tx, "tx");
        }
    }
}
