package net.intercomj.host.apps;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.terminal.CommandRegistry;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plugin jars from a folder and runs them. PF4J reads each jar's descriptor (its
 * manifest's {@code Plugin-Id} and {@code Plugin-Version}) and gives it a class loader of its
 * own; the plugin's entry points are the {@link IntercomPlugin}s its jar lists in
 * {@code META-INF/services}. Plugins start in the order PF4J resolves them (dependencies first)
 * and stop in the reverse order.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final ServiceRegistry services;
    private final CommandRegistry commands;
    private final ContractApps contractApps;
    private final Path dataRoot;
    private final List<Running> running = new ArrayList<>();
    private PluginManager manager;

    /** One started entry point and what it was given. */
    private record Running(String id, IntercomPlugin plugin, HostPluginContext context) {}

    /**
     * @param dataRoot where each plugin's own folder is made ({@code <dataRoot>/<plugin-id>})
     */
    public PluginHost(ServiceRegistry services, CommandRegistry commands, ContractApps contractApps, Path dataRoot) {
        this.services = services;
        this.commands = commands;
        this.contractApps = contractApps;
        this.dataRoot = dataRoot;
    }

    /**
     * Loads and starts every plugin jar in {@code folder}; a folder that does not exist holds none.
     *
     * @throws PluginException naming the plugin whose start failed; plugins started before it are stopped
     */
    public synchronized void loadFolder(Path folder) throws PluginException {
        if (!Files.isDirectory(folder)) {
            LOG.debug("No plugin folder at {}", folder);
            return;
        }
        if (manager != null) {
            throw new IllegalStateException("Plugins were already loaded from a folder");
        }
        manager = new JarPluginManager(folder);
        manager.loadPlugins();
        for (PluginWrapper wrapper : manager.getResolvedPlugins()) {
            ClassLoader loader = wrapper.getPluginClassLoader();
            List<IntercomPlugin> entries = ServiceLoader.load(IntercomPlugin.class, loader).stream()
                    // The plugin's class loader also sees the host's class path: keep the jar's own entries.
                    .filter(provider -> provider.type().getClassLoader() == loader)
                    .map(ServiceLoader.Provider::get)
                    .toList();
            if (entries.isEmpty()) {
                LOG.warn("Plugin {} ({}) lists no {} in META-INF/services; nothing to start", wrapper.getPluginId(),
                        wrapper.getPluginPath(), IntercomPlugin.class.getName());
            }
            for (IntercomPlugin entry : entries) {
                start(wrapper.getPluginId(), entry, wrapper.getPluginPath());
            }
        }
    }

    /** The jar of each plugin loaded from the folder, by plugin id, in load order. */
    public synchronized Map<String, Path> jars() {
        Map<String, Path> jars = new LinkedHashMap<>();
        if (manager != null) {
            manager.getResolvedPlugins().forEach(wrapper -> jars.put(wrapper.getPluginId(), wrapper.getPluginPath()));
        }
        return jars;
    }

    /**
     * Starts {@code plugin} under {@code id}: for plugins on the class path (tests, built-ins).
     *
     * @throws PluginException if its start throws; what it added is taken away again
     */
    public synchronized void start(String id, IntercomPlugin plugin) throws PluginException {
        start(id, plugin, codeOf(plugin.getClass()));
    }

    /** The jar or class folder {@code type} was loaded from. */
    private static Path codeOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalArgumentException("Cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    /** @param code the plugin's jar or class folder (its contract app's version is this code's hash) */
    private void start(String id, IntercomPlugin plugin, Path code) throws PluginException {
        HostPluginContext context = new HostPluginContext(id, services, commands, contractApps, code,
                dataRoot.resolve(id));
        try {
            plugin.start(context);
        } catch (Exception | LinkageError e) {
            stopQuietly(new Running(id, plugin, context));
            throw new PluginException("Plugin " + id + " failed to start: " + e.getMessage(), e);
        }
        running.add(new Running(id, plugin, context));
        LOG.debug("Plugin {} started", id);
    }

    /** Stops every plugin, last started first, then releases their jars. */
    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            stopQuietly(running.get(i));
        }
        running.clear();
        if (manager != null) {
            manager.unloadPlugins();
            manager = null;
        }
    }

    private static void stopQuietly(Running entry) {
        try {
            entry.plugin().stop();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Plugin {} failed to stop cleanly: {}", entry.id(), e.toString());
        } finally {
            entry.context().withdrawAll();
        }
    }
}
