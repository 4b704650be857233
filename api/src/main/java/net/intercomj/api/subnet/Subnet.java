package net.intercomj.api.subnet;

import java.util.Optional;
import net.intercomj.api.json.Json;

/**
 * The peer's subnet, for plugins: reading its state and, for features, appending data for the
 * contract. Features are oracles (trac-peer's {@code Feature}): they bring outside data (a
 * clock, a price) into the deterministic contract as admin-signed ops, which every peer then
 * applies alike.
 *
 * <p>The service exists from the start; until the subnet is open (right after the plugins
 * started) its methods throw {@link IllegalStateException}.
 */
public interface Subnet {

    /** The value at {@code key} in the unconfirmed view: the confirmed state plus the ops this peer knows of. */
    Optional<Json> get(String key);

    /** The value at {@code key} in the confirmed view, which every peer reaches alike. */
    Optional<Json> getConfirmed(String key);

    /** Whether this peer's wallet is the subnet's admin (in the unconfirmed view): only the admin's feature data applies. */
    boolean isAdmin();

    /** Whether this peer may append to the subnet (it is a writer). */
    boolean isWritable();

    /**
     * Appends feature data, signed by this peer's wallet: the op
     * {@code {type: "feature", key: "<featureKey>_<key>", value: {dispatch: {type: "<featureKey>_feature",
     * key, hash, value, nonce, address}}}} that the contract's {@code <featureKey>_feature} handler
     * receives. Every peer applies it only if the subnet's admin signed it.
     *
     * @throws IllegalStateException {@code Peer running features not writable.} (the original's
     *     text) when this peer cannot append, or when the subnet is not open yet
     * @throws IllegalArgumentException if the op would be over the size limit, naming it
     */
    void appendFeature(String featureKey, String key, Json value);

    /**
     * Runs a contract transaction as {@code /tx --command "<command>" [--sim 1]} does: the
     * subnet's pinned app maps {@code command} ({@code mapTxCommand}), this peer's wallet signs
     * it, and the MSB's checks run on this peer's replica. With {@code simulate}, the contract
     * then runs on a private copy of the state and nothing is paid; the result holds the
     * contract's refusal, if any. Otherwise the fee is paid and
     * this call returns once a validator accepted the payment; it blocks for up to 30 s, so call
     * it from a thread that may block (a bridge handler or terminal command is one).
     *
     * @throws TxException with the reason, when nothing was run or paid
     */
    TxResult tx(String command, boolean simulate) throws TxException;
}
