package net.intercomj.host.js;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.intercomj.api.json.Json;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.wallet.Wallet;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running feature of a GraalJS app ({@code features/<name>.js}): trac-peer's {@code Feature},
 * an oracle that brings outside data into the contract as admin-signed feature data.
 *
 * <p>A feature is not contract code: it runs on one peer, not on every peer alike, so it may read
 * the clock ({@code Date.now()}) and use {@code Math.random()}. It is still sandboxed against the
 * host: a context of its own on the shared engine, with no Java classes, no I/O, no threads and no
 * processes; what it reaches of the peer is {@code append}, {@code get} and {@code getSigned}
 * ({@link JsFeatureBridge}).
 *
 * <p>It runs on a virtual thread of its own, as an event loop: build the feature
 * ({@code new X(peer, options)}), call {@code start()}, then wait, outside the context, for the
 * next timer ({@code sleep(ms)}, {@code setTimeout}, {@code setInterval}) and run it, until
 * {@code start()} failed, nothing is left to wait for, or {@link #close()}. Each of these steps
 * (with the promise jobs it sets off) may run at most {@link #STATEMENT_LIMIT} statements, so a
 * runaway feature ends instead of keeping a carrier thread forever. Every error is logged; none
 * reaches the peer.
 */
final class JsFeature implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsFeature.class);

    /**
     * The most statements one step of a feature may run: five times a contract call's limit,
     * seconds of work in interpreter mode. A feature's steps are short (read, append, sleep); the
     * limit is there to end a runaway loop, which would otherwise keep one of the few carrier
     * threads of the virtual threads busy for good.
     */
    static final long STATEMENT_LIMIT = 5 * JsRealm.STATEMENT_LIMIT;

    /** How long {@link #close()} waits for the feature to stop by itself before cancelling it. */
    static final Duration STOP_WAIT = Duration.ofSeconds(2);

    /** Where an app's features are: {@code features/<name>.js}. */
    static final String FOLDER = "features";

    /** What the constructor gets as options (trac-peer passed what the app configured). */
    private static final String OPTIONS = "{}";

    // What sandbox.js also removes: Java package objects (no class can be looked up anyway).
    private static final Source PREAMBLE = Source.newBuilder("js",
            "for (const name of ['Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu']) { delete globalThis[name]; }",
            "intercom-feature.js").buildLiteral();

    private final String appId;
    private final String name;
    private final String file;
    private final String label;
    private final Source source;
    private final JsFeatureBridge bridge;
    private final long statementLimit;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean limitReached = new AtomicBoolean();
    private volatile Context context;
    private volatile String key;
    private volatile Thread thread;

    private JsFeature(String appId, String name, Source source, Subnet subnet, Wallet wallet, long statementLimit) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.name = Objects.requireNonNull(name, "name");
        this.file = FOLDER + "/" + name + ".js";
        this.label = "app " + appId + " feature " + name;
        this.source = Objects.requireNonNull(source, "source");
        this.bridge = new JsFeatureBridge(label, subnet, wallet);
        this.statementLimit = statementLimit;
    }

    /**
     * Starts the feature {@code name} of app {@code appId} on a virtual thread of its own and
     * returns at once; building it and its {@code start()} run there.
     */
    static JsFeature start(String appId, String name, Source source, Subnet subnet, Wallet wallet) {
        return start(appId, name, source, subnet, wallet, STATEMENT_LIMIT);
    }

    /** As {@link #start(String, String, Source, Subnet, Wallet)}, with another statement limit per step. */
    static JsFeature start(String appId, String name, Source source, Subnet subnet, Wallet wallet,
            long statementLimit) {
        JsFeature feature = new JsFeature(appId, name, source, subnet, wallet, statementLimit);
        feature.thread = Thread.ofVirtual().name("js-feature-" + appId + "-" + name).start(feature::run);
        return feature;
    }

    /** The app the feature belongs to. */
    String appId() {
        return appId;
    }

    /** The feature's file name without {@code .js}. */
    String name() {
        return name;
    }

    /** {@code this.key} once the feature is built: its feature data is {@code <key>_<data key>}. */
    Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** Whether its loop still runs (it ends when it fails, has nothing left to wait for, or is closed). */
    boolean isRunning() {
        return ended.getCount() > 0;
    }

    /** Waits up to {@code timeout} for the loop to end; whether it did. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        Context built = null;
        try {
            built = JsRealm.context(label + ": ", statementLimit, limitReached, new AtomicReference<>());
            context = built;
            if (stopRequested.getCount() == 0) {
                return;
            }
            loop(built);
        } catch (PolyglotException e) {
            report(e);
        } catch (JsAppException e) {
            LOG.warn("{} does not load: {}", label, e.getMessage());
        } catch (RuntimeException | Error e) {
            if (stopRequested.getCount() == 0) {
                LOG.debug("{} ended while stopping: {}", label, e.toString());
            } else {
                LOG.warn("{} failed: {}", label, e.toString(), e);
            }
        } finally {
            if (built != null) {
                JsRealm.close(built);
            }
            ended.countDown();
        }
    }

    private void loop(Context context) {
        context.resetLimits();
        context.eval(PREAMBLE);
        Value globals = context.getBindings("js");
        globals.putMember("__intercomHost", new JsBridge());
        globals.putMember("__intercomFeatureHost", bridge);
        context.eval(JsRealm.TRAC_PEER);
        Value driver = globals.getMember("__intercomDriver");
        globals.removeMember("__intercomHost");
        globals.removeMember("__intercomFeatureHost");
        globals.removeMember("__intercomDriver");
        Value exports = evalModule(context);
        Value feature = driver.invokeMember("newFeature", exports.getMember("default"), file, name, OPTIONS);
        key = driver.invokeMember("featureKey", feature).asString();
        if (stopRequested.getCount() == 0) {
            return;
        }
        LOG.info("{} started: its data reaches the contract's {}_feature handler", label, key);
        context.resetLimits();
        Value started = driver.invokeMember("startFeature", feature);
        while (true) {
            Value described = driver.invokeMember("describe", started);
            String outcome = described.getMember("outcome").asString();
            if (!outcome.equals("ok") && !outcome.equals("pending")) {
                LOG.warn("{}: start() failed: {}", label, described.getMember("message").asString());
                return;
            }
            long delay = driver.invokeMember("nextTimer").asLong();
            if (delay < 0) {
                if (outcome.equals("ok")) {
                    LOG.info("{}: start() returned and nothing is scheduled: the feature ended", label);
                } else {
                    LOG.warn("{}: start() waits, but not for sleep() or a timer: nothing can wake it, the feature ended",
                            label);
                }
                return;
            }
            if (awaitStop(delay)) {
                stop(driver, feature);
                return;
            }
            context.resetLimits();
            for (Json error : Json.parse(driver.invokeMember("runTimers").asString()).asArray()) {
                LOG.warn("{}: a timer's callback failed: {}", label, error.asString());
            }
        }
    }

    private Value evalModule(Context context) {
        try {
            return context.eval(source);
        } catch (PolyglotException e) {
            String denied = "Operation is not allowed for: ";
            String message = String.valueOf(e.getMessage());
            int at = message.indexOf(denied);
            if (!limitReached.get() && e.isGuestException() && at >= 0) {
                throw new JsAppException(file + ": cannot import " + message.substring(at + denied.length())
                        + ": a feature can import only 'trac-peer'", e);
            }
            throw e;
        }
    }

    /** Waits {@code delay} ms, or until {@link #close()}; whether to stop. */
    private boolean awaitStop(long delay) {
        try {
            return stopRequested.await(delay, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Calls the feature's {@code stop()}, one step; a pending sleep is never resolved. */
    private void stop(Value driver, Value feature) {
        context.resetLimits();
        Value described = driver.invokeMember("describe", driver.invokeMember("stopFeature", feature));
        String outcome = described.getMember("outcome").asString();
        if (!outcome.equals("ok") && !outcome.equals("pending")) {
            String message = described.getMember("message").asString();
            if (message.equals("Error: Not implemented: stop(options = {})")) {
                LOG.debug("{}: stop() is not implemented", label);
            } else {
                LOG.warn("{}: stop() failed: {}", label, message);
            }
        }
        LOG.info("{} stopped", label);
    }

    private void report(PolyglotException e) {
        if (limitReached.get()) {
            LOG.warn("{} ended: {}a step ran more than {} JavaScript statements (a runaway loop?)", label, where(e),
                    statementLimit);
        } else if (e.isCancelled() || e.isExit()) {
            LOG.debug("{} cancelled: {}", label, e.getMessage());
        } else if (e.isSyntaxError()) {
            String message = String.valueOf(e.getMessage());
            int newline = message.indexOf('\n');
            LOG.warn("{} does not load: {}", label, newline < 0 ? message : message.substring(0, newline).strip());
        } else if (e.isGuestException()) {
            LOG.warn("{} failed: {}{}", label, where(e), e.getMessage());
        } else {
            LOG.warn("{} failed: {}", label, e.getMessage(), e);
        }
    }

    /** {@code features/<name>.js:<line>: } of the innermost frame in the feature's file, or nothing. */
    private String where(PolyglotException e) {
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            String at = line(frame.isGuestFrame() ? frame.getSourceLocation() : null);
            if (at != null) {
                return at;
            }
        }
        String at = line(e.getSourceLocation());
        return at == null ? "" : at;
    }

    private String line(SourceSection section) {
        return section != null && section.getSource().getName().equals(file)
                ? file + ":" + section.getStartLine() + ": " : null;
    }

    /**
     * Stops the feature: its loop calls {@code stop()} and ends. One that is busy in a step is
     * cancelled after {@link #STOP_WAIT}. Returns when it ended (or, for one that does not even
     * then, after warning).
     */
    @Override
    public void close() {
        stopRequested.countDown();
        try {
            if (ended.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            Context running = context;
            if (running != null) {
                LOG.info("{} is busy: cancelling it", label);
                JsRealm.close(running);
            }
            if (!ended.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {} s", label, 2 * STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
