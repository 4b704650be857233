package net.intercomj.api.plugin;

/**
 * The entry point of a plugin jar. The host finds it through the standard service file
 * {@code META-INF/services/net.intercomj.api.plugin.IntercomPlugin} inside the jar, creates it
 * with its public no-argument constructor, and calls {@link #start} once the peer's identity and
 * network are up.
 */
public interface IntercomPlugin {

    /**
     * Starts the plugin: ask {@code context} for services, offer services, add commands. An
     * exception here stops the peer's start with the plugin's name and the message.
     */
    void start(PluginContext context) throws Exception;

    /** Releases what {@link #start} acquired; called once, when the peer stops or the plugin is unloaded. */
    default void stop() {}
}
