package net.intercomj.host.apps;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.host.contract.AppVersion;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.terminal.CommandRegistry;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plugin jars from a folder and runs them, and keeps doing so while the peer runs: a jar
 * added to the folder is loaded, a replaced one reloaded, a removed one unloaded
 * ({@link #watch}, {@link #rescan}). PF4J reads each jar's descriptor (its manifest's
 * {@code Plugin-Id} and {@code Plugin-Version}) and gives it a class loader of its own; the
 * plugin's entry points are the {@link IntercomPlugin}s its jar lists in
 * {@code META-INF/services}.
 *
 * <p>A jar is loaded from a copy named by its content hash, so replacing the file in the folder
 * (which {@code cp} does in place) never changes the bytes under a running class loader. A jar
 * that fails to load or start is reported and skipped, and tried again only once its file
 * changes; the others keep running.
 *
 * <p>A plugin that offered a contract app keeps that app version loaded (and its class loader
 * open) after it is unloaded or replaced, until the peer stops: the subnet may still need the
 * version to apply the ops pinned to it, up to the op that upgrades it.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final Duration QUIET = Duration.ofMillis(500);

    /** One line of {@code /plugins}. */
    public record PluginInfo(String id, String version, String jar, String codeHash, String state) {}

    private final ServiceRegistry services;
    private final CommandRegistry commands;
    private final ContractApps contractApps;
    private final Path dataRoot;
    private final Path jarCache;
    private final Consumer<String> warnings;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    // Times the plugins' scheduled tasks; each run happens on a virtual thread (PluginScheduler).
    private final java.util.concurrent.ScheduledExecutorService timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("plugin-timer").factory());

    // Guarded by this.
    private final Map<Path, LoadedJar> loaded = new LinkedHashMap<>();
    private final Map<Path, Skipped> skipped = new LinkedHashMap<>();
    private final List<Running> classPath = new ArrayList<>();
    private final List<Retired> retired = new ArrayList<>();
    private Path folder;
    private FolderWatch watch;

    /** One started entry point and what it was given. */
    private record Running(String id, IntercomPlugin plugin, HostPluginContext context) {}

    /** A jar of the folder, loaded: its content hash, its copy, its class loader and entry points. */
    private record LoadedJar(Path source, String fileHash, PluginManager manager, String id, String version,
            String codeHash, List<Running> entries) {}

    /** An unloaded jar whose contract app stays loaded: its class loader and the contexts that hold the app. */
    private record Retired(PluginManager manager, List<Running> entries) {}

    /** A jar of the folder that is not running: it failed, or the operator unloaded it. */
    private record Skipped(String fileHash, String id, String state) {}

    /**
     * @param dataRoot where each plugin's own folder is made ({@code <dataRoot>/<plugin-id>});
     *     the copies of loaded jars go to {@code <dataRoot>/.jars}
     * @param warnings where a plugin that fails to load is reported to the operator
     */
    public PluginHost(ServiceRegistry services, CommandRegistry commands, ContractApps contractApps, Path dataRoot,
            Consumer<String> warnings) {
        this.services = services;
        this.commands = commands;
        this.contractApps = contractApps;
        this.dataRoot = dataRoot;
        this.jarCache = dataRoot.resolve(".jars");
        this.warnings = warnings;
    }

    /**
     * Loads and starts every plugin jar in {@code folder}; a folder that does not exist holds
     * none. A jar that fails is reported and skipped.
     */
    public synchronized void loadFolder(Path folder) {
        if (this.folder != null) {
            throw new IllegalStateException("Plugins were already loaded from a folder");
        }
        this.folder = folder;
        clearJarCache();
        rescan();
    }

    /** Drops the copies of an earlier run: nothing is loaded from them yet. */
    private void clearJarCache() {
        if (!Files.isDirectory(jarCache)) {
            return;
        }
        try (Stream<Path> files = Files.list(jarCache)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot clear {}: {}", jarCache, e.getMessage());
        }
    }

    /**
     * From now on, follows changes to the folder given to {@link #loadFolder}: half a second
     * after the last change, {@link #rescan}.
     *
     * @throws PluginException if the folder cannot be watched
     */
    public synchronized void watch() throws PluginException {
        if (folder == null || watch != null || !Files.isDirectory(folder)) {
            return;
        }
        try {
            watch = FolderWatch.start(folder, QUIET, this::rescan);
        } catch (IOException e) {
            throw new PluginException("Cannot watch the plugins folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code listener} after plugins were loaded or unloaded. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Brings the running plugins in line with the folder: loads new jars, reloads changed ones,
     * unloads removed ones. A jar that failed, or that the operator unloaded, is left alone
     * until its file changes.
     */
    public void rescan() {
        boolean changed;
        synchronized (this) {
            if (folder == null) {
                return;
            }
            Map<Path, String> present = jarsIn(folder);
            changed = false;
            for (LoadedJar jar : List.copyOf(loaded.values())) {
                if (!jar.fileHash().equals(present.get(jar.source()))) {
                    unload(jar);
                    changed = true;
                }
            }
            skipped.keySet().removeIf(source -> !present.containsKey(source));
            for (Map.Entry<Path, String> jar : present.entrySet()) {
                Skipped skip = skipped.get(jar.getKey());
                if (loaded.containsKey(jar.getKey()) || (skip != null && skip.fileHash().equals(jar.getValue()))) {
                    continue;
                }
                load(jar.getKey(), jar.getValue());
                changed = true;
            }
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    /**
     * Stops plugin {@code id} and loads its jar again (also a jar that failed or was unloaded).
     *
     * @throws PluginException if no jar of the folder has that plugin id
     */
    public void reload(String id) throws PluginException {
        synchronized (this) {
            Path source = sourceOf(id);
            Optional.ofNullable(loaded.get(source)).ifPresent(this::unload);
            skipped.remove(source);
            load(source, fileHash(source));
        }
        listeners.forEach(Runnable::run);
    }

    /**
     * Stops plugin {@code id}; it stays stopped until its jar changes or it is reloaded.
     *
     * @throws PluginException if no running plugin of the folder has that id
     */
    public void unload(String id) throws PluginException {
        synchronized (this) {
            LoadedJar jar = loaded.values().stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                    .orElseThrow(() -> new PluginException("No running plugin " + id + " (see /plugins)."));
            unload(jar);
            skipped.put(jar.source(), new Skipped(jar.fileHash(), jar.id(), "unloaded"));
        }
        listeners.forEach(Runnable::run);
    }

    /** Every plugin jar of the folder and every plugin started from the class path, with its state. */
    public synchronized List<PluginInfo> list() {
        List<PluginInfo> infos = new ArrayList<>();
        for (LoadedJar jar : loaded.values()) {
            infos.add(new PluginInfo(jar.id(), jar.version(), jar.source().getFileName().toString(), jar.codeHash(),
                    "started"));
        }
        for (Map.Entry<Path, Skipped> skip : skipped.entrySet()) {
            infos.add(new PluginInfo(skip.getValue().id(), "", skip.getKey().getFileName().toString(), "",
                    skip.getValue().state()));
        }
        for (Running running : classPath) {
            infos.add(new PluginInfo(running.id(), "", "(class path)", "", "started"));
        }
        return infos;
    }

    /** The jar of each running plugin of the folder (its private copy), by plugin id, in load order. */
    public synchronized Map<String, Path> jars() {
        Map<String, Path> jars = new LinkedHashMap<>();
        loaded.values().forEach(jar -> jars.put(jar.id(), jar.manager().getPlugin(jar.id()).getPluginPath()));
        return jars;
    }

    /**
     * Starts {@code plugin} under {@code id}: for plugins on the class path (tests, built-ins).
     *
     * @throws PluginException if its start throws; what it added is taken away again
     */
    public synchronized void start(String id, IntercomPlugin plugin) throws PluginException {
        classPath.add(start(id, plugin, () -> AppVersion.ofCode(codeOf(plugin.getClass()))));
    }

    /** Stops every plugin, last started first, then releases their jars. */
    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        List<LoadedJar> jars = new ArrayList<>(loaded.values());
        for (int i = jars.size() - 1; i >= 0; i--) {
            stopAll(jars.get(i).entries(), false);
            jars.get(i).manager().unloadPlugins();
        }
        loaded.clear();
        stopAll(classPath, false);
        classPath.clear();
        for (Retired jar : retired) {
            jar.entries().forEach(running -> running.context().withdrawAll(false));
            jar.manager().unloadPlugins();
        }
        retired.clear();
        timer.shutdownNow();
    }

    // ---- loading and unloading

    private void load(Path source, String fileHash) {
        String name = source.getFileName().toString();
        Path copy;
        try {
            copy = cached(source, fileHash);
        } catch (IOException e) {
            skip(source, fileHash, name, "cannot copy " + name + ": " + e.getMessage());
            return;
        }
        PluginManager manager = new JarPluginManager(jarCache);
        String id;
        try {
            id = manager.loadPlugin(copy);
        } catch (RuntimeException e) {
            manager.unloadPlugins();
            skip(source, fileHash, name, "cannot load " + name + ": " + e.getMessage());
            return;
        }
        if (runningIds().contains(id)) {
            manager.unloadPlugins();
            skip(source, fileHash, id, "plugin id " + id + " of " + name + " is already running");
            return;
        }
        PluginWrapper wrapper = manager.getPlugin(id);
        ClassLoader loader = wrapper.getPluginClassLoader();
        String codeHash = AppVersion.ofCode(copy);
        List<Running> entries = new ArrayList<>();
        try {
            List<IntercomPlugin> plugins = ServiceLoader.load(IntercomPlugin.class, loader).stream()
                    // The plugin's class loader also sees the host's class path: keep the jar's own entries.
                    .filter(provider -> provider.type().getClassLoader() == loader)
                    .map(ServiceLoader.Provider::get)
                    .toList();
            if (plugins.isEmpty()) {
                LOG.warn("Plugin {} ({}) lists no {} in META-INF/services; nothing to start", id, name,
                        IntercomPlugin.class.getName());
            }
            for (IntercomPlugin plugin : plugins) {
                entries.add(start(id, plugin, () -> codeHash));
            }
        } catch (PluginException | RuntimeException | LinkageError e) {
            stopAll(entries, false);
            manager.unloadPlugins();
            skip(source, fileHash, id, e instanceof PluginException ? e.getMessage()
                    : "Plugin " + id + " failed to start: " + e);
            return;
        }
        skipped.remove(source);
        loaded.put(source, new LoadedJar(source, fileHash, manager, id, wrapper.getDescriptor().getVersion(),
                codeHash, entries));
        LOG.info("Plugin {} {} started ({})", id, wrapper.getDescriptor().getVersion(), name);
    }

    private void unload(LoadedJar jar) {
        Set<Class<?>> withdrawn = new HashSet<>();
        jar.entries().forEach(running -> withdrawn.addAll(running.context().providedTypes()));
        boolean keepsContract = jar.entries().stream().anyMatch(running -> running.context().offeredContractApp());
        stopAll(jar.entries(), keepsContract);
        if (keepsContract) {
            retired.add(new Retired(jar.manager(), jar.entries()));
        } else {
            jar.manager().unloadPlugins();
        }
        loaded.remove(jar.source());
        LOG.info("Plugin {} stopped ({})", jar.id(), jar.source().getFileName());
        restartDependents(jar.id(), withdrawn);
    }

    /**
     * Restarts the plugins that waited for a service of {@code withdrawn}: they hold the stopped
     * plugin's service, and started again they wait for the next plugin to offer one (a reloaded
     * jar's, right after). One level only: the restarted plugins' own dependents are left alone.
     */
    private void restartDependents(String stopped, Set<Class<?>> withdrawn) {
        if (withdrawn.isEmpty()) {
            return;
        }
        for (LoadedJar jar : loaded.values()) {
            restartDependents(stopped, withdrawn, jar.entries(), jar::codeHash);
        }
        restartDependents(stopped, withdrawn, classPath, null);
    }

    private void restartDependents(String stopped, Set<Class<?>> withdrawn, List<Running> entries,
            Supplier<String> codeHash) {
        for (int i = 0; i < entries.size(); i++) {
            Running entry = entries.get(i);
            if (entry.context().dependencies().stream().noneMatch(withdrawn::contains)) {
                continue;
            }
            stopQuietly(entry, false);
            Supplier<String> hash = codeHash != null ? codeHash : () -> AppVersion.ofCode(codeOf(entry.plugin().getClass()));
            try {
                entries.set(i, start(entry.id(), entry.plugin(), hash));
                LOG.info("Plugin {} restarted: {}, whose service it uses, stopped", entry.id(), stopped);
            } catch (PluginException e) {
                // Left stopped: its context is withdrawn, stopping it again later does no harm.
                LOG.warn("Plugin {} failed to restart after {} stopped: {}", entry.id(), stopped, e.getMessage());
                warnings.accept("Plugin " + entry.id() + " failed to restart after " + stopped + " stopped: "
                        + e.getMessage());
            }
        }
    }

    private void skip(Path source, String fileHash, String id, String reason) {
        skipped.put(source, new Skipped(fileHash, id, "failed: " + reason));
        LOG.warn("Plugin skipped: {}", reason);
        warnings.accept("Plugin skipped: " + reason);
    }

    private Running start(String id, IntercomPlugin plugin, Supplier<String> codeHash) throws PluginException {
        HostPluginContext context = new HostPluginContext(id, services, commands, contractApps, codeHash,
                dataRoot.resolve(id), timer);
        try {
            plugin.start(context);
        } catch (Exception | LinkageError e) {
            stopQuietly(new Running(id, plugin, context), false);
            throw new PluginException("Plugin " + id + " failed to start: " + e.getMessage(), e);
        }
        LOG.debug("Plugin {} started", id);
        return new Running(id, plugin, context);
    }

    private List<String> runningIds() {
        List<String> ids = new ArrayList<>();
        loaded.values().forEach(jar -> ids.add(jar.id()));
        classPath.forEach(running -> ids.add(running.id()));
        return ids;
    }

    private Path sourceOf(String id) throws PluginException {
        for (LoadedJar jar : loaded.values()) {
            if (jar.id().equals(id)) {
                return jar.source();
            }
        }
        // The jar the operator unloaded before one that failed (a second jar with the same id, say).
        Optional<Path> unloaded = Optional.empty();
        Optional<Path> failed = Optional.empty();
        for (Map.Entry<Path, Skipped> skip : skipped.entrySet()) {
            if (skip.getValue().id().equals(id) && Files.exists(skip.getKey())) {
                if (skip.getValue().state().equals("unloaded") && unloaded.isEmpty()) {
                    unloaded = Optional.of(skip.getKey());
                } else if (failed.isEmpty()) {
                    failed = Optional.of(skip.getKey());
                }
            }
        }
        if (unloaded.isPresent()) {
            return unloaded.get();
        }
        if (failed.isPresent()) {
            return failed.get();
        }
        throw new PluginException("No plugin " + id + " in the plugins folder (see /plugins).");
    }

    private static void stopAll(List<Running> entries, boolean keepContractApps) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            stopQuietly(entries.get(i), keepContractApps);
        }
    }

    private static void stopQuietly(Running entry, boolean keepContractApp) {
        try {
            entry.plugin().stop();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Plugin {} failed to stop cleanly: {}", entry.id(), e.toString());
        } finally {
            entry.context().withdrawAll(keepContractApp);
        }
    }

    // ---- files

    /** The {@code .jar} files of {@code folder} with the SHA-256 of their bytes, by name. */
    private static Map<Path, String> jarsIn(Path folder) {
        Map<Path, String> jars = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return jars;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile).toList()) {
                try {
                    jars.put(file, fileHash(file));
                } catch (UncheckedIOException e) {
                    LOG.warn("Cannot read {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the plugins folder {}: {}", folder, e.getMessage());
        }
        return jars;
    }

    private static String fileHash(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** A private copy of {@code source} named by its hash, written whole before it is used. */
    private Path cached(Path source, String fileHash) throws IOException {
        Files.createDirectories(jarCache);
        Path copy = jarCache.resolve(fileHash + ".jar");
        if (!Files.exists(copy)) {
            Path partial = Files.createTempFile(jarCache, fileHash, ".part");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            if (!fileHash.equals(fileHash(partial))) {
                Files.delete(partial);
                throw new IOException("it changed while being copied");
            }
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        }
        return copy;
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
}
