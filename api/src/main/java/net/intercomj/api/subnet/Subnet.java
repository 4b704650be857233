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
}
