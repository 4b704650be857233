package net.intercomj.host.js;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.OpKind;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.contract.AppVersion;
import org.graalvm.polyglot.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GraalJS app: a folder holding {@code contract.js} and {@code protocol.js}, ES modules that
 * {@code import { Contract, Protocol, Feature } from 'trac-peer'} and each
 * {@code export default} their class, as a trac-peer app does. As a {@link ContractApp} it goes
 * through the same runtime, schemas and pinning as a Java app.
 *
 * <ul>
 *   <li>Its <b>id</b> is the folder's name, or the {@code id} of an optional {@code app.json}
 *       ({@code {"id": "notes"}}): 1 to 64 letters, digits, {@code .}, {@code _} and {@code -}.
 *   <li>Its <b>version hash</b> is {@link AppVersion#ofJsApp}: SHA-256 over the two files, framed
 *       as a jar's entries. The files are read once, by {@link #load}; what runs is what was
 *       hashed.
 *   <li>Its optional <b>features</b> are {@code features/<name>.js}, each an ES module that
 *       {@code export default}s a class extending trac-peer's {@code Feature}. They are read by
 *       {@link #load} too, but are not part of the version hash: a feature runs on one peer (the
 *       admin's data is what counts) and does not take part in applying the log, so it cannot
 *       make peers disagree. {@link JsFeatures} runs them for the app a subnet pins.
 *   <li>Each {@link #define} builds the app in a new polyglot context ({@link JsContract}), reads
 *       what the contract's constructor registered, and registers it on the definition. A
 *       registered type the contract has no method for is left out, with a warning: trac-peer
 *       answered such transactions with {@code Unknown contract operation type.}, and so does the
 *       runtime.
 *   <li>{@link #mapTxCommand} and {@link #customCommand} run the protocol in a context of their
 *       own, apart from the contracts. Only there, and only while {@code customCommand} runs,
 *       does the protocol read the subnet ({@code get}, {@code getSigned}, {@code this.api}):
 *       through the {@link JsProtocolView} the caller gives, which only reads.
 * </ul>
 */
public final class JsApp implements ContractApp, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsApp.class);

    public static final String CONTRACT_FILE = "contract.js";
    public static final String PROTOCOL_FILE = "protocol.js";
    /** Optional: {@code {"id": "<app id>"}}. */
    public static final String MANIFEST_FILE = "app.json";

    /** The optional folder of the app's features, {@code features/<name>.js}. */
    public static final String FEATURES_FOLDER = JsFeature.FOLDER;

    /** What an app id may be; a feature's file name without {@code .js} too. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A feature of the app: its file name without {@code .js}, and its module. */
    record FeatureSource(String name, Source source) {}

    private final String id;
    private final String versionHash;
    private final Path folder;
    private final Source protocolSource;
    private final Source contractSource;
    private final List<FeatureSource> features;
    private final List<JsContract> contracts = new ArrayList<>();
    private final Object protocolLock = new Object();
    private JsRealm protocolRealm;
    private volatile boolean closed;

    private JsApp(String id, String versionHash, Path folder, String protocolText, String contractText,
            List<FeatureSource> features) {
        this.id = id;
        this.versionHash = versionHash;
        this.folder = folder;
        this.protocolSource = JsRealm.module(PROTOCOL_FILE, protocolText);
        this.contractSource = JsRealm.module(CONTRACT_FILE, contractText);
        this.features = List.copyOf(features);
    }

    /**
     * Reads the app in {@code folder}: its id, its two files and their hash, and its features.
     * Runs none of its code; {@link #define} does. A feature file that cannot be used (its name,
     * unreadable, not UTF-8) is skipped with a warning: features are not part of the version, so
     * they do not keep the contract from loading.
     *
     * @throws JsAppException when a file is missing or unreadable, not UTF-8, or the id is bad;
     *     the message names the folder and the file
     */
    public static JsApp load(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new JsAppException(folder + ": not a folder");
        }
        byte[] contract = read(folder, CONTRACT_FILE);
        byte[] protocol = read(folder, PROTOCOL_FILE);
        String id = id(folder);
        String hash = AppVersion.ofFiles(Map.of(CONTRACT_FILE, contract, PROTOCOL_FILE, protocol));
        return new JsApp(id, hash, folder, text(folder, PROTOCOL_FILE, protocol), text(folder, CONTRACT_FILE, contract),
                features(folder, id));
    }

    /** The readable {@code features/*.js} of the app, in name order. */
    private static List<FeatureSource> features(Path folder, String id) {
        Path features = folder.resolve(FEATURES_FOLDER);
        if (!Files.isDirectory(features)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(features)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(".js")).sorted().toList();
        } catch (IOException e) {
            LOG.warn("App {}: features not loaded: cannot list {}: {}", id, features, e.toString());
            return List.of();
        }
        List<FeatureSource> sources = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".js".length());
            String path = FEATURES_FOLDER + "/" + fileName;
            if (!ID.matcher(name).matches()) {
                LOG.warn("App {}: {} skipped: a feature's name must be 1 to 64 letters, digits, '.', '_' or '-'", id, path);
                continue;
            }
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                sources.add(new FeatureSource(name, JsRealm.module(path, text(folder, path, read(folder, path)))));
            } catch (JsAppException e) {
                LOG.warn("App {}: feature skipped: {}", id, e.getMessage());
            }
        }
        return sources;
    }

    private static String id(Path folder) {
        Path manifest = folder.resolve(MANIFEST_FILE);
        String id;
        if (Files.exists(manifest)) {
            String text = text(folder, MANIFEST_FILE, read(folder, MANIFEST_FILE));
            try {
                id = Json.parse(text).asObject().string("id");
            } catch (RuntimeException e) {
                throw new JsAppException(folder + ": " + MANIFEST_FILE + " must be {\"id\": \"<app id>\"}: " + e.getMessage());
            }
        } else {
            Path name = folder.toAbsolutePath().normalize().getFileName();
            id = name == null ? "" : name.toString();
        }
        if (!ID.matcher(id).matches()) {
            throw new JsAppException(folder + ": the app id \"" + id + "\" must be 1 to 64 letters, digits, '.', '_' or '-'"
                    + (Files.exists(manifest) ? "" : " (the folder's name, unless " + MANIFEST_FILE + " gives one)"));
        }
        return id;
    }

    private static byte[] read(Path folder, String file) {
        try {
            return Files.readAllBytes(folder.resolve(file));
        } catch (NoSuchFileException e) {
            throw new JsAppException(folder + ": missing " + file);
        } catch (IOException e) {
            throw new JsAppException(folder + ": cannot read " + file + ": " + e, e);
        }
    }

    private static String text(Path folder, String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new JsAppException(folder + ": " + file + " is not UTF-8 text");
        }
    }

    /** The app id contracts are pinned under. */
    public String id() {
        return id;
    }

    /** The version hash a subnet pins. */
    public String versionHash() {
        return versionHash;
    }

    /** The folder the app was read from. */
    public Path folder() {
        return folder;
    }

    /** The names of the app's features ({@code features/<name>.js}), in name order. */
    public List<String> featureNames() {
        return features.stream().map(FeatureSource::name).toList();
    }

    /** The app's features, as read by {@link #load}. */
    List<FeatureSource> features() {
        return features;
    }

    /**
     * Builds a contract instance in a new context and registers what its constructor registered.
     *
     * @throws JsAppException when the app does not build; the message names file, line and reason
     */
    @Override
    public void define(ContractDefinition definition) {
        JsContract contract;
        synchronized (contracts) {
            if (closed) {
                throw new IllegalStateException("App " + id + " was closed");
            }
            contract = new JsContract(id, protocolSource, contractSource);
            contracts.add(contract);
        }
        try {
            register(definition, contract);
        } catch (RuntimeException e) {
            synchronized (contracts) {
                contracts.remove(contract);
            }
            contract.close();
            throw new JsAppException("app " + id + ": " + e.getMessage(), e);
        }
    }

    private void register(ContractDefinition definition, JsContract contract) {
        JsRealm realm = contract.firstRealm();
        JsonObject registered = realm.registrations();
        Map<String, JsonObject> schemas = realm.schemas();
        for (Json type : registered.array("schemas")) {
            String name = type.asString();
            definition.addSchema(name, schemas.get(name), call -> contract.call(OpKind.TX, name, call));
        }
        for (Json type : registered.array("functions")) {
            String name = type.asString();
            definition.addFunction(name, call -> contract.call(OpKind.TX, name, call));
        }
        for (Json type : registered.array("features")) {
            String name = type.asString();
            definition.addFeature(name, call -> contract.call(OpKind.FEATURE, name, call));
        }
        if (registered.bool("messageHandler")) {
            definition.messageHandler(call -> contract.call(OpKind.MESSAGE, null, call));
        }
        for (Json type : registered.array("withoutMethod")) {
            LOG.warn("App {}: {} is registered, but the contract has no method {}: transactions of that type are"
                    + " answered 'Unknown contract operation type.', as in trac-peer", id, type.asString(), type.asString());
        }
    }

    /**
     * The protocol's {@code mapTxCommand(command)}. Empty when it returned {@code null}; also
     * empty, with a warning in the log, when it returned something that is not
     * {@code {type: string, value}} with a JSON value, or threw.
     */
    @Override
    public Optional<TxCommand> mapTxCommand(String command) {
        Objects.requireNonNull(command, "command");
        synchronized (protocolLock) {
            try {
                return protocolRealm().mapTxCommand(command);
            } catch (JsAppException | IllegalArgumentException e) {
                LOG.warn("App {}: mapTxCommand({}) gives no transaction: {}", id, Json.of(command).toJson(), e.getMessage());
                return Optional.empty();
            }
        }
    }

    /**
     * The protocol's {@code customCommand(input)} with no subnet to read: its
     * {@code get}/{@code getSigned} and {@code this.api} reads throw, saying so.
     *
     * @see #customCommand(String, JsProtocolView, Consumer)
     */
    public Optional<String> customCommand(String input, Consumer<String> output) {
        return customCommand(input, null, output);
    }

    /**
     * The protocol's {@code customCommand(input)}, trac-peer's hook for terminal lines no built-in
     * command matched. What it prints goes to {@code output}. While it runs, the protocol's
     * {@code get(key)} and {@code getSigned(key)} read the unconfirmed and confirmed view of
     * {@code view}, and so do the read methods of {@code this.api}; they read nothing else, and
     * nothing once the call returned. Contracts never read through a view: only through their op.
     *
     * @param view the subnet this peer runs the app for, or null when there is none
     * @return empty when it ran, else why it failed
     */
    public Optional<String> customCommand(String input, JsProtocolView view, Consumer<String> output) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        synchronized (protocolLock) {
            try {
                return protocolRealm().customCommand(input, view, output);
            } catch (JsAppException e) {
                return Optional.of(e.getMessage());
            }
        }
    }

    private JsRealm protocolRealm() {
        if (closed) {
            throw new IllegalStateException("App " + id + " was closed");
        }
        if (protocolRealm == null || protocolRealm.broken()) {
            if (protocolRealm != null) {
                protocolRealm.close();
            }
            protocolRealm = null;
            protocolRealm = JsRealm.openProtocol(id, protocolSource, contractSource);
        }
        return protocolRealm;
    }

    /** Closes every context this app opened; its contracts cannot run afterwards. */
    @Override
    public void close() {
        List<JsContract> open;
        synchronized (contracts) {
            closed = true;
            open = List.copyOf(contracts);
            contracts.clear();
        }
        open.forEach(JsContract::close);
        synchronized (protocolLock) {
            if (protocolRealm != null) {
                protocolRealm.close();
                protocolRealm = null;
            }
        }
    }

    @Override
    public String toString() {
        return "JsApp[" + id + " " + versionHash + " " + folder + "]";
    }
}
