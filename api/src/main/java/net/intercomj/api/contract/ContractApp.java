package net.intercomj.api.contract;

import java.util.Optional;

/**
 * A subnet app: the contract every peer of a subnet runs when it applies ops, and the protocol
 * side that turns what a user types into the contract's ops. The Java twin of trac-peer's
 * {@code Contract} + {@code Protocol} pair.
 *
 * <p>The contract part is {@link #define}: it registers the operations, feature handlers and the
 * chat hook, once per contract instance. Everything it registers must be deterministic: the same
 * op on the same state gives the same writes on every peer. Read state only through the
 * {@link ContractCall} a handler is given, take time and data from the op (external data comes in
 * through features), and use no clock, no randomness, no I/O and no mutable state of your own
 * between calls. Every checkpoint carries the view's state hash, so a peer whose contract strays
 * is detected and stopped.
 *
 * <p>Terminal commands of the app (trac-peer's {@code customCommand}) are ordinary plugin commands
 * ({@link net.intercomj.api.plugin.PluginContext#addCommand}).
 */
public interface ContractApp {

    /**
     * Registers the contract's operations on {@code contract}. Called once for each contract
     * instance the host builds, before the subnet's log is applied.
     */
    void define(ContractDefinition contract);

    /**
     * Maps the text of {@code /tx --command "<text>"} to the op to send, or empty when the text
     * means nothing to this app (trac-peer's {@code Protocol.mapTxCommand}; the original then
     * fails with {@code command not found}).
     */
    default Optional<TxCommand> mapTxCommand(String command) {
        return Optional.empty();
    }
}
