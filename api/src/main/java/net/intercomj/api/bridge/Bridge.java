package net.intercomj.api.bridge;

import net.intercomj.api.network.Registration;

/**
 * The SC-Bridge, offered as a service when the peer runs with {@code --sc-bridge 1}. Clients must
 * authenticate before they can call a type or receive an event.
 *
 * <p>The types a plugin added are removed when it stops (closing a registration earlier removes
 * one); a removed type answers {@code Unknown type: <type>} again.
 */
public interface Bridge {

    /**
     * Answers client messages of {@code type} with {@code handler}. Each call runs on a virtual
     * thread of its own, so a handler may block; one client's calls run one after another.
     *
     * @param type lowercase letters, digits and {@code _}, e.g. {@code expense_add}
     * @throws IllegalArgumentException if the type is malformed
     * @throws IllegalStateException if the bridge or another plugin already handles it
     */
    Registration handle(String type, BridgeMessageHandler handler);

    /**
     * Sends {@code eventJson} to every authenticated client.
     *
     * @param eventJson a JSON object with a string {@code type}, e.g. {@code {"type":"focus_event",…}}
     * @throws IllegalArgumentException if it is not such an object
     */
    void pushToAll(String eventJson);

    /**
     * Sends {@code eventJson} to the authenticated clients that receive {@code channel}: those
     * subscribed to it, and those with no subscriptions.
     *
     * @throws IllegalArgumentException if {@code eventJson} is not a JSON object with a string {@code type}
     */
    void pushToChannel(String channel, String eventJson);
}
