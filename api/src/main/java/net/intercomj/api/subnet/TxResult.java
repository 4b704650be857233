package net.intercomj.api.subnet;

import java.util.Objects;

/** What a contract transaction run through {@link Subnet#tx} came to. */
public sealed interface TxResult {

    /**
     * The contract ran on a private copy of the state without error; nothing was paid or appended.
     *
     * @param type the contract function the command mapped to
     */
    record Simulated(String type) implements TxResult {
        public Simulated {
            Objects.requireNonNull(type, "type");
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
