package net.intercomj.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.PluginContext;

/**
 * A {@link PluginContext} that records what a plugin adds: its commands, its contract app, the
 * services it offers. Services are set by the test, either present from the start ({@link #put})
 * or offered later, as a plugin started after this one would ({@link #offer}: the waits of
 * {@link #whenService} run then). Not thread-safe: tests drive it from one thread.
 */
public final class TestPluginContext implements PluginContext {

    private final String pluginId;
    private final Path dataFolder;
    private final Map<Class<?>, Object> services = new HashMap<>();
    /** The waits of {@link #whenService} not run yet, by service type. */
    public final Map<Class<?>, List<Runnable>> waits = new HashMap<>();
    /** The commands the plugin added, in order. */
    public final List<TerminalCommand> commands = new ArrayList<>();
    /** The contract apps the plugin offered. */
    public final List<ContractApp> contractApps = new ArrayList<>();

    public TestPluginContext(String pluginId, Path dataFolder) {
        this.pluginId = pluginId;
        this.dataFolder = dataFolder;
    }

    /** Makes {@code service} present from the start (a host service, or one of a plugin started earlier). */
    public <T> TestPluginContext put(Class<T> type, T service) {
        services.put(type, service);
        return this;
    }

    /** Offers {@code service} as a plugin starting later would: the waits for it run now. */
    public <T> void offer(Class<T> type, T service) {
        services.put(type, service);
        List<Runnable> due = waits.remove(type);
        if (due != null) {
            due.forEach(Runnable::run);
        }
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }

    @Override
    public <T> Registration whenService(Class<T> type, Consumer<? super T> action) {
        if (services.containsKey(type)) {
            action.accept(type.cast(services.get(type)));
            return () -> { };
        }
        Runnable wait = () -> action.accept(type.cast(services.get(type)));
        waits.computeIfAbsent(type, key -> new ArrayList<>()).add(wait);
        return () -> waits.getOrDefault(type, new ArrayList<>()).remove(wait);
    }

    @Override
    public <T> void provide(Class<T> type, T service) {
        offer(type, service);
    }

    @Override
    public void addCommand(TerminalCommand command) {
        commands.add(command);
    }

    @Override
    public void addContractApp(ContractApp app) {
        contractApps.add(app);
    }

    @Override
    public Path dataFolder() {
        return dataFolder;
    }
}
