package net.intercomj.api.plugin;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.network.Registration;

/**
 * What the host gives a plugin: services by interface, a place to offer its own, terminal
 * commands, the operator's console and a folder of its own. One context per plugin; it is
 * safe to use from any thread.
 *
 * <p>Services the host offers: {@link net.intercomj.api.wallet.Wallet},
 * {@link net.intercomj.api.network.Network}, {@link PeerConsole},
 * {@link net.intercomj.api.sidechannel.SidechannelConfig}, {@link net.intercomj.api.subnet.Subnet},
 * {@link java.time.Clock} (the peer's clock, for features and timestamps; contract code takes
 * time from ops, never from a clock), {@link Scheduler} (this plugin's own: its tasks are
 * cancelled when it stops), and {@link net.intercomj.api.bridge.Bridge} when the SC-Bridge runs. Plugins offer others, e.g. the sidechannel plugin offers
 * {@link net.intercomj.api.sidechannel.Sidechannels}.
 */
public interface PluginContext {

    /** The plugin's id, from its jar's {@code Plugin-Id}. */
    String pluginId();

    /** The service registered for {@code type}, by the host or by a plugin started earlier. */
    <T> Optional<T> service(Class<T> type);

    /**
     * Runs {@code action} with the service registered for {@code type} as soon as there is one:
     * right away if it is there, else when a plugin offers it. The host starts the jars of its
     * plugins folder one after another in file name order, so a plugin cannot count on another
     * one having started before it; this is how it waits. {@code action} runs once, on the thread
     * that offered the service, so keep it short. Closing the registration, or this plugin
     * stopping, cancels the wait. Waiting makes this plugin depend on the one offering the
     * service: when that one stops (reloaded, replaced, unloaded), the host restarts this plugin,
     * which then waits for the service again.
     */
    <T> Registration whenService(Class<T> type, Consumer<? super T> action);

    /**
     * Offers {@code service} to the host and to other plugins.
     *
     * @throws IllegalStateException if a service of this type is already offered
     */
    <T> void provide(Class<T> type, T service);

    /**
     * Adds a terminal command.
     *
     * @throws IllegalStateException if a command of that name exists
     */
    void addCommand(TerminalCommand command);

    /**
     * Offers {@code app} as this plugin's contract app. Its id is the plugin's id and its version
     * is the hash of the plugin's code (every class and resource of its jar), so peers running
     * the same jar run the same version. A subnet that pins this id and version runs it; a peer
     * creating a subnet pins it with {@code --app <plugin id>}. The app is withdrawn when the
     * plugin stops.
     *
     * @throws IllegalStateException if the plugin already offered a contract app
     * @throws IllegalArgumentException if the app's {@code define} registers something invalid,
     *     such as a schema with an unknown rule
     */
    void addContractApp(ContractApp app);

    /** A folder for the plugin's own files inside the peer's store; created on first call. */
    Path dataFolder();
}
