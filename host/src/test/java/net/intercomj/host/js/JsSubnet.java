package net.intercomj.host.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.wallet.PeerWallet;

/**
 * A subnet's view, for running contracts as the tx, feature and msg ops do: each op on a child
 * context whose writes are kept only when the contract succeeded. Records every outcome.
 */
final class JsSubnet {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Bytes32 SUBNET = Bytes32.fromHex("a1".repeat(32));
    static final PeerWallet WRITER = PeerWallet.generate();
    static final String ALICE = "ab".repeat(32);
    static final String BOB = "bc".repeat(32);
    static final String VALIDATOR = "cd".repeat(32);

    private final Map<String, String> stored = new LinkedHashMap<>();
    private final ViewOverlay view = new ViewOverlay(key -> Optional.ofNullable(stored.get(key)));
    private final ContractRuntime runtime;
    private final List<String> outcomes = new ArrayList<>();
    private int txCount;

    JsSubnet(ContractRuntime runtime) {
        this.runtime = runtime;
    }

    private OpContext context() {
        LogEntry entry = LogEntry.append(SUBNET, Bytes32.of(WRITER.publicKey()), null, List.of(), 0, "{}",
                WRITER::sign);
        return new OpContext(SUBNET, entry, view);
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A tx op from {@code address} with the dispatch {@code {type, value}}. */
    TxOutcome tx(String address, String type, String valueJson) {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", "tx")
                .put("key", String.format("%064x", ++txCount));
        ObjectNode value = op.putObject("value").put("msbsl", 1);
        value.putObject("dispatch").put("type", type).set("value", json(valueJson));
        value.put("ipk", address).put("wp", VALIDATOR);
        OpContext context = context();
        OpContext run = context.child();
        TxOutcome outcome = runtime.tx(op, run);
        if (outcome instanceof TxOutcome.Indexed indexed && !indexed.failed()) {
            context.keep(run);
        }
        outcomes.add("tx " + type + " " + valueJson + " -> " + outcome);
        return outcome;
    }

    TxOutcome tx(String type, String valueJson) {
        return tx(ALICE, type, valueJson);
    }

    /** Admin-signed feature data of dispatch type {@code type}. */
    Optional<String> feature(String type, String key, String valueJson) {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", "feature").put("key", "timer_" + key);
        op.putObject("value").putObject("dispatch").put("type", type).put("key", key).put("hash", "00")
                .<ObjectNode>set("value", json(valueJson)).put("nonce", "n1").put("address", ALICE);
        OpContext context = context();
        OpContext run = context.child();
        Optional<String> outcome = runtime.feature(op, run);
        if (outcome.isEmpty()) {
            context.keep(run);
        }
        outcomes.add("feature " + type + " " + key + " " + valueJson + " -> " + outcome);
        return outcome;
    }

    /** A chat message from {@code address}. */
    Optional<String> message(String address, String text) {
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("type", "msg").put("msg", text)
                .put("address", address);
        dispatch.putArray("attachments");
        dispatch.putNull("deleted_by");
        dispatch.putNull("reply_to");
        dispatch.put("pinned", false);
        dispatch.putNull("pin_id");
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", "msg");
        op.putObject("value").set("dispatch", dispatch);
        OpContext context = context();
        OpContext run = context.child();
        Optional<String> outcome = runtime.message(op, run);
        if (outcome.isEmpty()) {
            context.keep(run);
        }
        outcomes.add("msg " + text + " -> " + outcome);
        return outcome;
    }

    Optional<String> message(String text) {
        return message(ALICE, text);
    }

    /** The JSON text at {@code key} in the view, if any. */
    Optional<String> get(String key) {
        return view.get(key);
    }

    /** Every write kept so far, by key (a delete is empty). */
    Map<String, Optional<String>> writes() {
        return new TreeMap<>(view.writes());
    }

    List<String> outcomes() {
        return outcomes;
    }

    /** Writes an app folder with the given files (names may be paths, e.g. {@code features/timer.js}). */
    static Path app(Path folder, String... namesAndTexts) {
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                Path file = folder.resolve(namesAndTexts[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, namesAndTexts[i + 1], StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A protocol.js with nothing of its own. */
    static final String PLAIN_PROTOCOL = """
            import { Protocol } from 'trac-peer';
            export default class P extends Protocol {}
            """;

    /** A contract.js whose constructor registers the functions {@code types}, with {@code methods} as its body. */
    static String contract(String methods, String... functions) {
        StringBuilder source = new StringBuilder("import { Contract } from 'trac-peer';\n"
                + "export default class C extends Contract {\n    constructor(protocol, options) {\n"
                + "        super(protocol, options);\n");
        for (String function : functions) {
            source.append("        this.addFunction('").append(function).append("');\n");
        }
        return source.append("    }\n").append(methods).append("\n}\n").toString();
    }
}
