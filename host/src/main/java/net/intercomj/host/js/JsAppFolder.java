package net.intercomj.host.js;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.intercomj.host.apps.FolderWatch;
import net.intercomj.host.contract.ContractApps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GraalJS apps of an {@code apps/} folder, kept in line with it while the peer runs
 * ({@link #rescan}, and {@link #watch} to rescan half a second after the last change). Every
 * folder in it (hidden ones skipped) is one app, read by {@link JsApp#load}.
 *
 * <ul>
 *   <li>A folder <b>added</b> is loaded: its version is added to the {@link ContractApps}.
 *   <li>A folder <b>changed</b> ({@code contract.js}, {@code protocol.js}, {@code app.json} or a
 *       {@code features/*.js}) is read again. A new version hash is added <b>beside</b> the old
 *       one, which stays loaded: a subnet pinning the old version keeps applying it, up to the
 *       op that upgrades it (the rule for plugins too). When only the features changed, the
 *       version is the same; its features now come from the new files.
 *   <li>A folder <b>removed</b> unloads nothing: its versions stay loaded until the peer stops.
 *   <li>A folder that does not load is reported ({@code App skipped: ...}) and skipped, and
 *       tried again once one of its files changes; the others are not affected.
 * </ul>
 *
 * <p>{@link #apps} lists every version loaded, each with the app last read for it. The peer
 * gives custom commands and runs features only for the version its subnet pins, so which
 * versions are loaded never changes what runs: the pin does.
 */
public final class JsAppFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsAppFolder.class);
    private static final Duration QUIET = Duration.ofMillis(500);
    /** {@code apps/<app>/features}. */
    private static final int DEPTH = 2;

    private record Key(String id, String versionHash) {}

    private final Path folder;
    private final ContractApps contractApps;
    private final Consumer<String> warnings;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object watchLock = new Object();
    private volatile boolean closed;
    private volatile List<JsApps.Loaded> apps = List.of();

    // Guarded by this.
    private final Map<Path, String> seen = new HashMap<>();
    private final Map<Key, JsApps.Loaded> versions = new LinkedHashMap<>();
    private final List<JsApp> opened = new ArrayList<>();
    // Guarded by watchLock.
    private FolderWatch watch;

    /**
     * @param folder the {@code apps/} folder; one that does not exist holds no apps
     * @param warnings where a folder that does not load is reported to the operator
     */
    public JsAppFolder(Path folder, ContractApps contractApps, Consumer<String> warnings) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.contractApps = Objects.requireNonNull(contractApps, "contractApps");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /**
     * From now on, rescans half a second after the last change in the folder, its app folders
     * or their {@code features/}. A folder that does not exist (yet) is not watched.
     *
     * @throws IOException if the folder cannot be watched
     */
    public void watch() throws IOException {
        synchronized (watchLock) {
            if (closed || watch != null || !Files.isDirectory(folder)) {
                return;
            }
            watch = FolderWatch.start(folder, DEPTH, QUIET, this::rescan);
        }
    }

    /** Runs {@code listener} after a rescan loaded something (a version, or new features of one). */
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Every app version loaded, each with the app last read for it, in load order. */
    public List<JsApps.Loaded> apps() {
        return apps;
    }

    /**
     * Brings the loaded apps in line with the folder: reads the app folders added or changed
     * since the last rescan (or that failed and changed since), as the class comment says.
     */
    public void rescan() {
        boolean changed = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            Map<Path, String> present = foldersIn(folder);
            seen.keySet().removeIf(path -> !present.containsKey(path));
            for (Map.Entry<Path, String> app : present.entrySet()) {
                if (closed) {
                    break;
                }
                if (app.getValue().equals(seen.get(app.getKey()))) {
                    continue;
                }
                seen.put(app.getKey(), app.getValue());
                if (load(app.getKey())) {
                    changed = true;
                    apps = List.copyOf(versions.values());
                }
            }
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    private boolean load(Path app) {
        JsApp read;
        try {
            read = JsApp.load(app);
        } catch (RuntimeException e) {
            skip(app, e);
            return false;
        }
        Key key = new Key(read.id(), read.versionHash());
        JsApps.Loaded known = versions.get(key);
        Runnable remove;
        if (known == null) {
            try {
                remove = contractApps.add(read.id(), read.versionHash(), read);
            } catch (RuntimeException e) {
                read.close();
                skip(app, e);
                return false;
            }
            LOG.info("GraalJS app {} loaded from {} (version {})", read.id(), app, read.versionHash());
        } else {
            // The same contract and protocol: the version stays as loaded; its features are the new ones.
            remove = known.remove();
            LOG.info("GraalJS app {} read again from {} (version {} already loaded; features {})", read.id(), app,
                    read.versionHash(), read.featureNames());
        }
        opened.add(read);
        versions.put(key, new JsApps.Loaded(read.id(), read.versionHash(), app, read, remove));
        return true;
    }

    private void skip(Path app, RuntimeException e) {
        JsApps.Problem problem = new JsApps.Problem(app, JsApps.reason(app, e));
        LOG.warn("GraalJS app skipped: {}", problem);
        warnings.accept("App skipped: " + problem);
    }

    /** Stops following the folder; a rescan under way ends after the app it is loading. */
    public void stopWatching() {
        closed = true;
        synchronized (watchLock) {
            if (watch != null) {
                watch.close();
                watch = null;
            }
        }
    }

    /** Stops following the folder and closes every app read; their contracts cannot run afterwards. */
    @Override
    public void close() {
        stopWatching();
        List<JsApp> closing;
        synchronized (this) {
            closing = List.copyOf(opened);
            opened.clear();
            versions.clear();
            apps = List.of();
        }
        closing.forEach(JsApp::close);
    }

    // ---- files

    /** The app folders of {@code folder} (not hidden), each with a fingerprint of the files {@link JsApp#load} reads. */
    private static Map<Path, String> foldersIn(Path folder) {
        Map<Path, String> folders = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return folders;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path app : list.filter(Files::isDirectory)
                    .filter(path -> !path.getFileName().toString().startsWith(".")).toList()) {
                folders.put(app, fingerprint(app));
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the apps folder {}: {}", folder, e.toString());
        }
        return folders;
    }

    /** SHA-256 over the names and bytes of the app's files (a missing or unreadable one counts as such). */
    static String fingerprint(Path app) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
        List<String> files = new ArrayList<>(List.of(JsApp.CONTRACT_FILE, JsApp.PROTOCOL_FILE, JsApp.MANIFEST_FILE));
        Path features = app.resolve(JsApp.FEATURES_FOLDER);
        if (Files.isDirectory(features)) {
            try (Stream<Path> list = Files.list(features)) {
                list.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".js")).sorted()
                        .forEach(name -> files.add(JsApp.FEATURES_FOLDER + "/" + name));
            } catch (IOException e) {
                files.add(JsApp.FEATURES_FOLDER + "/ (unreadable: " + e + ")");
            }
        }
        for (String file : files) {
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(app.resolve(file));
                digest.update((byte) 1);
            } catch (IOException | RuntimeException e) {
                bytes = e.toString().getBytes(StandardCharsets.UTF_8);
                digest.update((byte) 0);
            }
            digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
