package net.intercomj.host.js;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.host.contract.ContractPin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the features of the GraalJS app a subnet pins, and only those: a feature of an app that
 * is loaded but not pinned does not run. When the pin changes (an upgrade, or a joiner
 * replicating the pin), or the app is loaded only later, the features of the old version stop
 * and those of the new one start. {@link #refresh()} says that either may have changed (after
 * each apply round, and once the apps are loaded); the check runs on a virtual thread of its
 * own, so the caller (the subnet's apply thread) is never held up.
 *
 * <p>Each feature runs as a {@link JsFeature}: a context and a virtual thread of its own. Closing
 * stops them all, in parallel, each within a few seconds.
 */
public final class JsFeatures implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsFeatures.class);

    private final Subnet subnet;
    private final Wallet wallet;
    private final Supplier<Optional<ContractPin>> pin;
    private final Supplier<List<JsApps.Loaded>> apps;
    private final long statementLimit;
    private final ExecutorService checks =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("js-features").factory());
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Object lock = new Object();
    private JsApp current;
    private List<JsFeature> running = List.of();
    private boolean closed;

    private JsFeatures(Subnet subnet, Wallet wallet, Supplier<Optional<ContractPin>> pin,
            Supplier<List<JsApps.Loaded>> apps, long statementLimit) {
        this.subnet = Objects.requireNonNull(subnet, "subnet");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.pin = Objects.requireNonNull(pin, "pin");
        this.apps = Objects.requireNonNull(apps, "apps");
        this.statementLimit = statementLimit;
    }

    /**
     * Starts following the subnet's pin: the features of the loaded app it names start now (on
     * their own threads) and whenever {@link #refresh()} finds another.
     *
     * @param subnet the open subnet, which features append to and read
     * @param wallet this peer's wallet ({@code peer.wallet} of a feature)
     * @param pin the pin of the subnet's confirmed view
     * @param apps the GraalJS apps loaded so far
     */
    public static JsFeatures start(Subnet subnet, Wallet wallet, Supplier<Optional<ContractPin>> pin,
            Supplier<List<JsApps.Loaded>> apps) {
        return start(subnet, wallet, pin, apps, JsFeature.STATEMENT_LIMIT);
    }

    /** As {@link #start(Subnet, Wallet, Supplier, Supplier)}, with another statement limit per feature step. */
    static JsFeatures start(Subnet subnet, Wallet wallet, Supplier<Optional<ContractPin>> pin,
            Supplier<List<JsApps.Loaded>> apps, long statementLimit) {
        JsFeatures features = new JsFeatures(subnet, wallet, pin, apps, statementLimit);
        features.refresh();
        return features;
    }

    /**
     * The pin or the loaded apps may have changed: check, soon, on the features' own thread.
     * Cheap, and safe to call from any thread, often.
     */
    public void refresh() {
        if (queued.compareAndSet(false, true)) {
            try {
                checks.execute(this::check);
            } catch (RejectedExecutionException e) {
                // closed
            }
        }
    }

    private void check() {
        queued.set(false);
        JsApp wanted;
        try {
            wanted = pinnedApp();
        } catch (RuntimeException e) {
            LOG.warn("Cannot tell which app's features to run: {}", e.toString());
            return;
        }
        List<JsFeature> stopping;
        synchronized (lock) {
            if (closed || wanted == current) {
                return;
            }
            stopping = running;
            running = List.of();
            current = null;
        }
        stop(stopping);
        synchronized (lock) {
            if (closed) {
                return;
            }
            current = wanted;
            if (wanted != null) {
                List<JsFeature> started = new ArrayList<>();
                for (JsApp.FeatureSource feature : wanted.features()) {
                    started.add(JsFeature.start(wanted.id(), feature.name(), feature.source(), subnet, wallet,
                            statementLimit));
                }
                running = List.copyOf(started);
                if (!started.isEmpty()) {
                    LOG.info("Starting the features of app {}: {}", wanted.id(), wanted.featureNames());
                }
            }
        }
    }

    /** The loaded app at the version the subnet pins, if any. */
    private JsApp pinnedApp() {
        Optional<ContractPin> pinned = pin.get();
        if (pinned.isEmpty()) {
            return null;
        }
        return apps.get().stream()
                .filter(loaded -> loaded.id().equals(pinned.get().app()) && loaded.versionHash().equals(pinned.get().hash()))
                .map(JsApps.Loaded::app).findFirst().orElse(null);
    }

    /** The features started for the pinned app, running or ended. */
    List<JsFeature> features() {
        synchronized (lock) {
            return running;
        }
    }

    /** {@code <app id>/<feature>} of each feature whose loop still runs. */
    public List<String> running() {
        return features().stream().filter(JsFeature::isRunning).map(f -> f.appId() + "/" + f.name()).toList();
    }

    private static void stop(List<JsFeature> features) {
        if (features.isEmpty()) {
            return;
        }
        try (var stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            features.forEach(feature -> stopping.execute(feature::close));
        }
    }

    /** Stops every feature and the following of the pin; returns once they ended. */
    @Override
    public void close() {
        List<JsFeature> stopping;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = running;
            running = List.of();
            current = null;
        }
        checks.shutdown();
        stop(stopping);
        try {
            if (!checks.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The features' check did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
