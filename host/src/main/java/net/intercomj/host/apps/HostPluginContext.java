package net.intercomj.host.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.PluginContext;
import net.intercomj.api.plugin.Scheduler;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.terminal.CommandRegistry;

/**
 * One plugin's view of the host. It remembers what the plugin added, so unloading the plugin
 * takes its commands, services and bridge types away again and cancels its scheduled tasks.
 */
final class HostPluginContext implements PluginContext {

    private final String pluginId;
    private final ServiceRegistry services;
    private final CommandRegistry commands;
    private final Path dataFolder;
    private final List<TerminalCommand> addedCommands = new ArrayList<>();
    private final List<Map.Entry<Class<?>, Object>> providedServices = new ArrayList<>();
    private final List<Registration> waits = new ArrayList<>();
    // The service types this plugin waited for: it depends on the plugins that offer them.
    private final Set<Class<?>> dependencies = new HashSet<>();
    private PluginBridge bridgeView;
    private final ContractApps contractApps;
    private final Supplier<String> versionHash;
    private Runnable removeContractApp;
    private final PluginScheduler scheduler;

    /**
     * @param versionHash the hash of the plugin's code: its contract app's version, asked for only if it offers one
     * @param timer       the host's timer, which times the plugin's scheduled tasks
     */
    HostPluginContext(String pluginId, ServiceRegistry services, CommandRegistry commands, ContractApps contractApps,
            Supplier<String> versionHash, Path dataFolder, java.util.concurrent.ScheduledExecutorService timer) {
        this.pluginId = pluginId;
        this.scheduler = new PluginScheduler(pluginId, timer);
        this.services = services;
        this.commands = commands;
        this.contractApps = contractApps;
        this.versionHash = versionHash;
        this.dataFolder = dataFolder;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        if (type == Scheduler.class) {
            return Optional.of(type.cast(scheduler));
        }
        if (type == Bridge.class) {
            return services.get(Bridge.class).map(bridge -> type.cast(bridgeView(bridge)));
        }
        return services.get(type);
    }

    private synchronized PluginBridge bridgeView(Bridge bridge) {
        if (bridgeView == null) {
            bridgeView = new PluginBridge(bridge);
        }
        return bridgeView;
    }

    @Override
    public <T> Registration whenService(Class<T> type, Consumer<? super T> action) {
        synchronized (this) {
            dependencies.add(type);
        }
        Optional<T> now = service(type);
        if (now.isPresent() || type == Scheduler.class || type == Bridge.class) {
            // The scheduler is always there; the bridge is there from the start or never.
            now.ifPresent(action);
            return () -> { };
        }
        Registration wait = services.whenProvided(type, action);
        synchronized (this) {
            waits.add(wait);
        }
        return wait;
    }

    @Override
    public synchronized <T> void provide(Class<T> type, T service) {
        services.provide(type, service);
        providedServices.add(Map.entry(type, service));
    }

    @Override
    public synchronized void addCommand(TerminalCommand command) {
        try {
            commands.register(command);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        addedCommands.add(command);
    }

    @Override
    public synchronized void addContractApp(ContractApp app) {
        if (removeContractApp != null) {
            throw new IllegalStateException("Plugin " + pluginId + " already offered a contract app");
        }
        removeContractApp = contractApps.add(pluginId, versionHash.get(), app);
    }

    @Override
    public Path dataFolder() {
        try {
            return Files.createDirectories(dataFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataFolder, e);
        }
    }

    /** The service types the plugin waited for ({@link #whenService}). */
    synchronized Set<Class<?>> dependencies() {
        return Set.copyOf(dependencies);
    }

    /** The service types the plugin offers now. */
    synchronized Set<Class<?>> providedTypes() {
        Set<Class<?>> types = new HashSet<>();
        providedServices.forEach(entry -> types.add(entry.getKey()));
        return types;
    }

    /** Whether the plugin offered a contract app that is still loaded. */
    synchronized boolean offeredContractApp() {
        return removeContractApp != null;
    }

    /**
     * Takes away what the plugin added.
     *
     * @param keepContractApp leave its contract app loaded (the subnet may still need that version)
     */
    synchronized void withdrawAll(boolean keepContractApp) {
        scheduler.cancelAll();
        waits.forEach(Registration::close);
        waits.clear();
        addedCommands.forEach(commands::unregister);
        addedCommands.clear();
        providedServices.forEach(entry -> services.withdraw(entry.getKey(), entry.getValue()));
        providedServices.clear();
        if (bridgeView != null) {
            bridgeView.withdrawAll();
        }
        if (removeContractApp != null && !keepContractApp) {
            removeContractApp.run();
            removeContractApp = null;
        }
    }
}
