package net.intercomj.host.js;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one polyglot {@link Engine} every GraalJS app's contexts share, so parsed code and the
 * engine's start-up cost are shared too (spec java-stack.md §6.3). Built on first use and closed
 * when the JVM shuts down.
 *
 * <p>It runs in interpreter mode: a stock JDK has no Graal compiler for Truffle, and contract calls
 * are short. The "fallback runtime" warning is switched off here, so the host needs no JVM flag
 * for it (the launch scripts pass {@code -Dpolyglot.engine.WarnInterpreterOnly=false} anyway).
 * Truffle must stay on the host's class path only: loading it in a plugin's class loader too
 * breaks it.
 */
public final class JsEngine {

    private static final Logger LOG = LoggerFactory.getLogger(JsEngine.class);

    private static Engine engine;
    private static boolean hooked;

    private JsEngine() {}

    /** The shared engine, built now if this is the first use (about half a second). */
    public static synchronized Engine shared() {
        if (engine == null) {
            engine = Engine.newBuilder("js")
                    .sandbox(SandboxPolicy.CONSTRAINED)
                    .out(JsConsole.out(LOG, "js: "))
                    .err(JsConsole.err(LOG, "js: "))
                    .logHandler(JsConsole.err(LOG, "js engine: "))
                    .option("engine.WarnInterpreterOnly", "false")
                    .build();
            if (!hooked) {
                hooked = true;
                Runtime.getRuntime().addShutdownHook(new Thread(JsEngine::close, "js-engine-close"));
            }
        }
        return engine;
    }

    /**
     * Closes the shared engine, cancelling whatever still runs on it; the next {@link #shared()}
     * builds a new one. Contexts made on the old engine cannot be used any more.
     */
    public static synchronized void close() {
        if (engine != null) {
            Engine closing = engine;
            engine = null;
            try {
                closing.close(true);
            } catch (RuntimeException e) {
                LOG.debug("Closing the JavaScript engine: {}", e.toString());
            }
        }
    }
}
