package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.function.UnaryOperator;

/** One connected client, as message handlers see it. */
public interface BridgeClient {

    /** Whether the client has authenticated. */
    boolean authenticated();

    /** Sends one JSON message to the client. */
    void send(ObjectNode message);

    /** The filter the client's events pass through; starts as {@code --sc-bridge-filter}. */
    BridgeFilter filter();

    /** Replaces the client's filter. */
    void filter(BridgeFilter filter);

    /**
     * The channels the client subscribed to, in order; empty means every channel (spec §3.8,
     * including after the last one was unsubscribed).
     */
    Set<String> subscriptions();

    /**
     * Changes the client's subscriptions in one step, so a {@code leave} finishing on another
     * thread cannot undo a {@code subscribe}.
     *
     * @param change from the current channels, in order, to the new ones
     */
    void updateSubscriptions(UnaryOperator<Set<String>> change);
}
