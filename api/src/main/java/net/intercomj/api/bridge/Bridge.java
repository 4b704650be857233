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

    /**
     * Adds the field {@code name} with the JSON value {@code valueJson} to the {@code hello} that
     * every client connecting from now on receives, after the bridge's own fields. It lets a plugin
     * announce what it offers before the client authenticates (e.g. FocusRoom's
     * {@code focusBridgeActions}). Closing the registration removes the field; the plugin's fields
     * are removed when it stops.
     *
     * @param name      the field's name, e.g. {@code focusBridgeActions}
     * @param valueJson any JSON value, e.g. {@code ["focus_start","focus_join"]}
     * @throws IllegalArgumentException if {@code name} is empty or one of the bridge's own
     *     {@code hello} fields, or {@code valueJson} is not JSON
     * @throws IllegalStateException if another plugin already added {@code name}
     */
    Registration helloField(String name, String valueJson);
}
