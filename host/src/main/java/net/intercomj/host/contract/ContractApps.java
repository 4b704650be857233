package net.intercomj.host.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.intercomj.api.contract.ContractApp;

/**
 * The contract apps this peer has loaded, each by app id and version hash. A subnet pins one
 * {@code (id, hash)}; apply looks it up here, so a joiner runs the pinned version without being
 * told which app to use, and a peer that lacks it waits until it is added.
 *
 * <p>Safe for concurrent use: apply threads read a snapshot, loading and unloading replace it.
 */
public final class ContractApps {

    /** One loaded app version, with its contract already defined; {@code app} maps {@code /tx} commands. */
    public record Installed(String id, String versionHash, ContractRuntime runtime, ContractApp app) {
        public Installed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(versionHash, "versionHash");
            Objects.requireNonNull(runtime, "runtime");
            Objects.requireNonNull(app, "app");
        }
    }

    private record Key(String id, String versionHash) {}

    private volatile Map<Key, Installed> installed = Map.of();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger loading = new AtomicInteger();

    /**
     * Adds {@code app} as {@code id} at {@code versionHash}, running its {@code define} now.
     *
     * @return what removes it again (once; later runs do nothing)
     * @throws IllegalStateException if that id and version are already loaded
     * @throws RuntimeException whatever the app's {@code define} throws (then nothing is added)
     */
    public Runnable add(String id, String versionHash, ContractApp app) {
        Installed added = new Installed(id, versionHash, ContractRuntime.of(app), app);
        Key key = new Key(id, versionHash);
        synchronized (this) {
            if (installed.containsKey(key)) {
                throw new IllegalStateException("Contract app " + id + " at version " + versionHash + " is already loaded");
            }
            Map<Key, Installed> next = new LinkedHashMap<>(installed);
            next.put(key, added);
            installed = Map.copyOf(next);
        }
        listeners.forEach(Runnable::run);
        return () -> remove(key, added);
    }

    private void remove(Key key, Installed added) {
        synchronized (this) {
            if (installed.get(key) != added) {
                return;
            }
            Map<Key, Installed> next = new LinkedHashMap<>(installed);
            next.remove(key);
            installed = Map.copyOf(next);
        }
        listeners.forEach(Runnable::run);
    }

    /** The contract of {@code id} at {@code versionHash}, if loaded. */
    public Optional<ContractRuntime> find(String id, String versionHash) {
        return installed(id, versionHash).map(Installed::runtime);
    }

    /** The app {@code id} at {@code versionHash}, if loaded. */
    public Optional<Installed> installed(String id, String versionHash) {
        return Optional.ofNullable(installed.get(new Key(id, versionHash)));
    }

    /** The loaded versions of {@code id}. */
    public List<Installed> versions(String id) {
        List<Installed> versions = new ArrayList<>();
        installed.values().stream().filter(app -> app.id().equals(id)).forEach(versions::add);
        return versions;
    }

    /** Every loaded app version. */
    public List<Installed> all() {
        return List.copyOf(installed.values());
    }

    /**
     * Marks apps as being loaded in the background (GraalJS apps take seconds to start); the
     * returned task marks the end and tells the listeners, so an apply that waited goes on or
     * says again why it waits.
     */
    public Runnable beginLoading() {
        loading.incrementAndGet();
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                loading.decrementAndGet();
                listeners.forEach(Runnable::run);
            }
        };
    }

    /** Whether apps are still being loaded in the background. */
    public boolean isLoading() {
        return loading.get() > 0;
    }

    /** Runs {@code listener} after each addition or removal (to resume an apply that waits for an app). */
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
