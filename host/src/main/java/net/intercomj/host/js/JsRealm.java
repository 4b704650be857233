package net.intercomj.host.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.intercomj.api.contract.ContractCall;
import net.intercomj.api.contract.ContractFailure;
import net.intercomj.api.contract.OpKind;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One polyglot context with one GraalJS app in it: the sandbox, the {@code 'trac-peer'} module,
 * the app's two modules, and a protocol and a contract instance built as trac-peer builds them
 * ({@code new Protocol(peer, base, options)}, {@code await protocol.extendApi()},
 * {@code new Contract(protocol, options)}). Not thread-safe: its owner runs one call at a time.
 *
 * <p>A call that runs more than {@value #STATEMENT_LIMIT} statements is stopped; that cancels
 * the context, so the realm is {@link #broken()} afterwards and its owner opens a new one.
 */
final class JsRealm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsRealm.class);

    /**
     * The most JavaScript statements one call may run: building the app (modules and
     * constructors), each contract call, each {@code mapTxCommand}. Ten million is far more than
     * a contract call needs, and stops a runaway {@code while (true) {}} within about a second
     * (0.3 to 1.1 s measured in interpreter mode on a busy two-core machine). Statements are
     * counted, not timed, so every peer stops a call at the same point.
     */
    static final long STATEMENT_LIMIT = 10_000_000;

    /** The failure of a call that reached {@link #STATEMENT_LIMIT}: the same on every peer. */
    static final String LIMIT_MESSAGE = "statement limit exceeded: a contract call runs at most " + STATEMENT_LIMIT
            + " JavaScript statements";

    static final String MODULE_MIME_TYPE = "application/javascript+module";

    /** What the constructors get as options (trac-peer passed the peer's configuration). */
    private static final String OPTIONS = "{}";

    private static final Source SANDBOX = resource("sandbox.js", "intercom-sandbox.js", false);
    static final Source TRAC_PEER = resource("trac-peer.mjs", "trac-peer", true);

    private final String appId;
    private final Context context;
    private final AtomicBoolean limitReached;
    private final AtomicReference<Consumer<String>> console;
    private final JsBridge bridge = new JsBridge();
    // Only in the protocol's realm (JsApp's): the subnet reads of Protocol.get/getSigned and its api.
    private final JsProtocolBridge protocolBridge;
    private final Value driver;
    private final Value protocol;
    private final Value contract;
    private final JsonObject registrations;
    private boolean broken;

    /**
     * Builds the app in a new context.
     *
     * @throws JsAppException when a module does not parse or load, a constructor or
     *     {@code extendApi} fails, or a schema is refused: the message names the file and line
     */
    static JsRealm open(String appId, Source protocolSource, Source contractSource) {
        return open(appId, protocolSource, contractSource, false);
    }

    /**
     * As {@link #open(String, Source, Source)}, for the protocol's own calls ({@code mapTxCommand},
     * {@code customCommand}): its {@code Protocol.get}/{@code getSigned} and {@code api} read the
     * {@link JsProtocolView} a {@link #customCommand(String, JsProtocolView, Consumer)} is given.
     * A contract's realm never gets this.
     */
    static JsRealm openProtocol(String appId, Source protocolSource, Source contractSource) {
        return open(appId, protocolSource, contractSource, true);
    }

    private static JsRealm open(String appId, Source protocolSource, Source contractSource, boolean protocolReads) {
        AtomicBoolean limitReached = new AtomicBoolean();
        AtomicReference<Consumer<String>> console = new AtomicReference<>();
        Context context = context("app " + appId + ": ", STATEMENT_LIMIT, limitReached, console);
        try {
            return new JsRealm(appId, context, limitReached, console, protocolSource, contractSource,
                    protocolReads ? new JsProtocolBridge() : null);
        } catch (PolyglotException e) {
            close(context);
            if (limitReached.get()) {
                throw new JsAppException("app " + appId + ": " + where(e) + LIMIT_MESSAGE + " while building the app");
            }
            throw new JsAppException("app " + appId + ": " + describe(e), e);
        } catch (RuntimeException | Error e) {
            close(context);
            throw e;
        }
    }

    private JsRealm(String appId, Context context, AtomicBoolean limitReached,
            AtomicReference<Consumer<String>> console, Source protocolSource, Source contractSource,
            JsProtocolBridge protocolBridge) {
        this.console = console;
        this.protocolBridge = protocolBridge;
        this.appId = appId;
        this.context = context;
        this.limitReached = limitReached;
        context.resetLimits();
        context.eval(SANDBOX);
        Value globals = context.getBindings("js");
        globals.putMember("__intercomHost", bridge);
        if (protocolBridge != null) {
            globals.putMember("__intercomProtocolHost", protocolBridge);
        }
        context.eval(TRAC_PEER);
        driver = globals.getMember("__intercomDriver");
        globals.removeMember("__intercomHost");
        globals.removeMember("__intercomProtocolHost");
        globals.removeMember("__intercomDriver");
        Value protocolClass = evalModule(protocolSource).getMember("default");
        Value contractClass = evalModule(contractSource).getMember("default");
        protocol = driver.invokeMember("newProtocol", protocolClass, OPTIONS);
        Value extended = driver.invokeMember("describe", driver.invokeMember("extendApi", protocol));
        String outcome = extended.getMember("outcome").asString();
        if (!outcome.equals("ok")) {
            throw new JsAppException("app " + appId + ": protocol.js: extendApi() "
                    + (outcome.equals("pending") ? "did not settle" : "failed: " + extended.getMember("message").asString()));
        }
        contract = driver.invokeMember("newContract", contractClass, protocol, OPTIONS);
        registrations = Json.parse(driver.invokeMember("registrations", contract).asString()).asObject();
    }

    /** Evaluates one of the app's modules; an import of anything but 'trac-peer' is refused, named. */
    private Value evalModule(Source source) {
        try {
            return context.eval(source);
        } catch (PolyglotException e) {
            String denied = "Operation is not allowed for: ";
            String message = String.valueOf(e.getMessage());
            int at = message.indexOf(denied);
            if (!limitReached.get() && e.isGuestException() && at >= 0) {
                throw new JsAppException("app " + appId + ": " + source.getName() + ": cannot import "
                        + message.substring(at + denied.length()) + ": an app's modules can import only 'trac-peer'"
                        + " (its code is contract.js and protocol.js)", e);
            }
            throw e;
        }
    }

    /**
     * A sandboxed context on the shared engine: no host classes, no I/O, no threads, no
     * processes, no environment; console lines go to the log starting with {@code prefix} (or to
     * {@code capture}'s sink while one is set); at most {@code statementLimit} statements between
     * two {@link Context#resetLimits()}. The clock and randomness are hidden by {@code sandbox.js},
     * which the contract's realm runs first and a feature's does not.
     */
    static Context context(String prefix, long statementLimit, AtomicBoolean limitReached,
            AtomicReference<Consumer<String>> capture) {
        Logger console = LoggerFactory.getLogger("net.intercomj.host.js.console");
        ResourceLimits limits = ResourceLimits.newBuilder()
                .statementLimit(statementLimit, null)
                .onLimit(event -> limitReached.set(true))
                .build();
        return Context.newBuilder("js")
                .engine(JsEngine.shared())
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowHostClassLookup(name -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .in(InputStream.nullInputStream())
                .out(JsConsole.out(console, prefix, capture))
                .err(JsConsole.err(console, prefix, capture))
                .timeZone(ZoneOffset.UTC)
                .resourceLimits(limits)
                .option("js.esm-eval-returns-exports", "true")
                .option("js.locale", "en-US")
                .option("js.print", "false")
                .option("js.load", "false")
                .option("js.graal-builtin", "false")
                .build();
    }

    /**
     * What the contract's constructor registered: {@code schemas}, {@code functions} (types with
     * a method), {@code withoutMethod} (registered types the contract has no method for),
     * {@code features}, and whether there is a {@code messageHandler}.
     */
    JsonObject registrations() {
        return registrations;
    }

    /** The schemas the contract registered, type → schema. */
    Map<String, JsonObject> schemas() {
        return bridge.schemaSources();
    }

    /** Whether a call cancelled the context (statement limit): then open a new realm. */
    boolean broken() {
        return broken;
    }

    /**
     * Runs the contract for {@code call}: the function {@code type}, the feature handler
     * {@code type}, or the chat hook. Returns when it succeeded.
     *
     * @throws ContractFailure when it failed on purpose ({@code this.assert}, a returned
     *     {@code false} or {@code Error}, a reserved key) or ran into the statement limit
     * @throws JsContractError when it threw any other error
     * @throws JsEngineFailure when the engine failed under it
     */
    void call(OpKind kind, String type, ContractCall call) {
        if (broken) {
            throw new IllegalStateException("This JavaScript context was cancelled");
        }
        String kindName = switch (kind) {
            case TX -> "tx";
            case FEATURE -> "feature";
            case MESSAGE -> "msg";
        };
        bridge.begin(call);
        try {
            context.resetLimits();
            Value box = driver.invokeMember("run", contract, kindName, type, call.op().toJson(), call.value().toJson(),
                    call.address(), call.validatorAddress().orElse(null), call.tx().orElse(null));
            Value result = driver.invokeMember("finish", contract, kindName, box);
            String message = result.getMember("message").isNull() ? null : result.getMember("message").asString();
            switch (result.getMember("outcome").asString()) {
                case "ok" -> { }
                case "failure" -> throw new ContractFailure(message);
                case "pending" -> throw new JsContractError("the call's promise did not settle: a contract may await "
                        + "only its own work and its storage (get, put, del), nothing that finishes later");
                default -> throw new JsContractError(message);
            }
        } catch (PolyglotException e) {
            throw translate(e);
        } finally {
            bridge.end();
        }
    }

    /**
     * The protocol's {@code mapTxCommand(command)}: the op, or empty when it returned
     * {@code null}.
     *
     * @throws IllegalArgumentException when it returned something other than
     *     {@code {type: string, value}} or threw; the message says what
     */
    Optional<TxCommand> mapTxCommand(String command) {
        try {
            context.resetLimits();
            Value result = driver.invokeMember("mapTxCommand", protocol, command);
            if (!result.getMember("problem").isNull()) {
                throw new IllegalArgumentException(result.getMember("problem").asString());
            }
            if (result.getMember("command").isNull()) {
                return Optional.empty();
            }
            JsonObject op = Json.parse(result.getMember("command").asString()).asObject();
            return Optional.of(new TxCommand(op.string("type"), op.get("value").orElseThrow()));
        } catch (PolyglotException e) {
            RuntimeException failure = translate(e);
            throw new IllegalArgumentException(failure.getMessage(), e);
        }
    }

    /**
     * The protocol's {@code customCommand(input)}; empty when it succeeded, else why not. What it
     * prints ({@code console.log}) goes to {@code output}. While it runs, its reads
     * ({@code Protocol.get}/{@code getSigned}, {@code this.api}) go to {@code view}; with none
     * (null), or in a realm not opened by {@link #openProtocol}, they throw.
     */
    Optional<String> customCommand(String input, JsProtocolView view, Consumer<String> output) {
        console.set(output);
        if (protocolBridge != null) {
            protocolBridge.begin(view);
        }
        try {
            context.resetLimits();
            Value described = driver.invokeMember("describe", driver.invokeMember("customCommand", protocol, input));
            String outcome = described.getMember("outcome").asString();
            return switch (outcome) {
                case "ok" -> Optional.empty();
                case "pending" -> Optional.of("customCommand() did not settle");
                default -> Optional.of(described.getMember("message").asString());
            };
        } catch (PolyglotException e) {
            return Optional.of(translate(e).getMessage());
        } finally {
            console.set(null);
            if (protocolBridge != null) {
                protocolBridge.end();
            }
        }
    }

    /** What a {@link PolyglotException} from a call means for the op. */
    private RuntimeException translate(PolyglotException e) {
        if (limitReached.get()) {
            broken = true;
            return new ContractFailure(LIMIT_MESSAGE);
        }
        if (e.isCancelled() || e.isExit()) {
            broken = true;
            throw new JsEngineFailure("The JavaScript context of app " + appId + " was closed during a call", e);
        }
        if (e.isResourceExhausted() || e.isInternalError()) {
            // Out of memory or stack on the host side: not the same on every peer.
            throw new JsEngineFailure("The JavaScript engine failed in app " + appId + ": " + e.getMessage(), e);
        }
        if (e.isHostException() && e.asHostException() instanceof RuntimeException host) {
            return host;
        }
        return new JsContractError(e.getMessage());
    }

    @Override
    public void close() {
        close(context);
    }

    static void close(Context context) {
        try {
            context.close(true);
        } catch (RuntimeException e) {
            LOG.debug("Closing a JavaScript context: {}", e.toString());
        }
    }

    /** A build failure as {@code <file>:<line>: <message>}, the file being the app's. */
    static String describe(PolyglotException e) {
        String message = String.valueOf(e.getMessage());
        if (e.isSyntaxError()) {
            // GraalJS puts the file and position first and a code excerpt after the first line.
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline).strip();
        }
        return where(e) + message;
    }

    /** {@code <file>:<line>: } of the innermost frame in the app's own files, or nothing. */
    private static String where(PolyglotException e) {
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            String at = appLine(frame.isGuestFrame() ? frame.getSourceLocation() : null);
            if (at != null) {
                return at;
            }
        }
        // A cancelled context (the statement limit) has no frames, only where it stopped.
        String at = appLine(e.getSourceLocation());
        return at == null ? "" : at;
    }

    private static String appLine(SourceSection section) {
        if (section == null) {
            return null;
        }
        String name = section.getSource().getName();
        return name.equals(JsApp.CONTRACT_FILE) || name.equals(JsApp.PROTOCOL_FILE)
                ? name + ":" + section.getStartLine() + ": " : null;
    }

    private static Source resource(String file, String name, boolean module) {
        try (InputStream in = JsRealm.class.getResourceAsStream(file)) {
            Objects.requireNonNull(in, () -> "missing resource " + file);
            Source.Builder source = Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
            if (module) {
                source.mimeType(MODULE_MIME_TYPE);
            }
            return source.buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the resource " + file, e);
        }
    }

    /** An app's module, named by its file name, which error messages show. */
    static Source module(String fileName, String text) {
        return Source.newBuilder("js", text, fileName).mimeType(MODULE_MIME_TYPE).buildLiteral();
    }
}
