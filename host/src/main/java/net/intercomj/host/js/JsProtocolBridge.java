package net.intercomj.host.js;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import net.intercomj.api.json.Json;
import org.graalvm.polyglot.HostAccess;

/**
 * The host's side of trac-peer's {@code Protocol} reads in the protocol's context (the one
 * {@link JsApp#customCommand} and {@link JsApp#mapTxCommand} run in; never a contract's): the
 * subnet's views and this peer's identity, through the {@link JsProtocolView} of the call that
 * runs, and random bytes for {@code generateNonce} (the sandbox hides {@code Math.random} and
 * {@code crypto}). It only reads: nothing here writes, appends or reaches anything else of the host.
 *
 * <p>Like {@link JsBridge}, only its {@link HostAccess.Export} methods are visible, the module
 * takes it from a global the host removes before the app's code runs, values cross as JSON
 * text, and expected failures come back as values, never as Java exceptions.
 */
public final class JsProtocolBridge {

    /** Why there is nothing to read: no view was given to the call (or no call runs). */
    static final String NO_VIEW = "this peer has no subnet view here: the protocol reads the subnet only while the"
            + " peer runs its customCommand for a subnet that pins the app";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_RANDOM_BYTES = 1024;

    private JsProtocolView view;

    JsProtocolBridge() {}

    /** Reads go to {@code view} until {@link #end()}. */
    void begin(JsProtocolView view) {
        this.view = view;
    }

    void end() {
        this.view = null;
    }

    /** {@code {"value": …}}, {@code {}} when there is none, or {@code {"error": …}}: the unconfirmed view. */
    @HostAccess.Export
    public String get(String key) {
        return read(key, JsProtocolView::get);
    }

    /** As {@link #get}, in the confirmed view. */
    @HostAccess.Export
    public String getSigned(String key) {
        return read(key, JsProtocolView::getConfirmed);
    }

    private String read(String key, ViewRead read) {
        JsProtocolView current = view;
        if (current == null) {
            return error(NO_VIEW);
        }
        try {
            return read.apply(current, String.valueOf(key))
                    .map(json -> Json.object().put("value", json).build().toJson()).orElse("{}");
        } catch (RuntimeException e) {
            return error(String.valueOf(e.getMessage()));
        }
    }

    private static String error(String message) {
        return Json.object().put("error", message).build().toJson();
    }

    /** This peer's writer key (hex), or null when unknown. */
    @HostAccess.Export
    public String writerKey() {
        return identity(JsProtocolView::writerKey);
    }

    /** The subnet's bootstrap (hex), or null when unknown. */
    @HostAccess.Export
    public String subnetBootstrap() {
        return identity(JsProtocolView::subnetBootstrap);
    }

    /** The MSB's bootstrap (hex), or null when unknown. */
    @HostAccess.Export
    public String msbBootstrap() {
        return identity(JsProtocolView::msbBootstrap);
    }

    private String identity(Function<JsProtocolView, Optional<String>> value) {
        JsProtocolView current = view;
        if (current == null) {
            return null;
        }
        try {
            return value.apply(current).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code bytes} random bytes (1 to 1024) from a {@link SecureRandom}, as lowercase hex; null if out of range. */
    @HostAccess.Export
    public String randomHex(int bytes) {
        if (bytes < 1 || bytes > MAX_RANDOM_BYTES) {
            return null;
        }
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @FunctionalInterface
    private interface ViewRead {
        Optional<Json> apply(JsProtocolView view, String key);
    }
}
