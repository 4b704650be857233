package net.intercomj.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.json.Json;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.js.JsApp;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewOverlay;

/**
 * Apply throughput of a trivial contract (one {@code put} per transaction), as a Java app and as a GraalJS app, on one
 * peer: {@code tx} ops applied one after another through the subnet's op applier (shape checks,
 * the contract call, the transaction index) on an in-memory view, as a peer's apply does before
 * it stores a batch. The entries are built before the clock starts. Also the GraalJS cold start:
 * loading the app and defining its contract in this fresh JVM.
 *
 * <pre>bench/run contract [--ops 20000]</pre>
 */
public final class ContractBench {

    private static final String JS_CONTRACT = """
            import { Contract } from 'trac-peer';
            export default class PutContract extends Contract {
                constructor(protocol, options) {
                    super(protocol, options);
                    this.addFunction('store');
                }
                async store() {
                    await this.put('app/bench/' + this.value.k, this.value.v);
                }
            }
            """;

    private static final String JS_PROTOCOL = """
            import { Protocol } from 'trac-peer';
            export default class PutProtocol extends Protocol {}
            """;

    private static final ContractApp JAVA_PUT = contract -> contract.addFunction("store",
            call -> call.put("app/bench/" + call.value().asObject().string("k"), call.value().asObject().get("v")
                    .orElse(Json.NULL)));

    private ContractBench() {}

    public static void main(String[] args) throws Exception {
        int ops = 20_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--ops")) {
                ops = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown option " + args[i] + " (--ops N)");
            }
        }
        Path folder = Files.createTempDirectory("contract-bench");
        Path app = Files.createDirectories(folder.resolve("put"));
        Files.writeString(app.resolve("contract.js"), JS_CONTRACT);
        Files.writeString(app.resolve("protocol.js"), JS_PROTOCOL);

        long coldStart = System.nanoTime();
        JsApp js = JsApp.load(app);
        ContractRuntime jsRuntime = ContractRuntime.of(js);
        double coldSeconds = (System.nanoTime() - coldStart) / 1e9;

        WriterKey writer = WriterKey.loadOrCreate(folder.resolve("writer.key"));
        Bytes32 subnet = Bytes32.of(writer.publicKey());
        List<LogEntry> entries = entries(subnet, writer, ops);

        System.out.printf(Locale.ROOT, "Contract apply, one peer, in memory, %s%n%n", Runtime.version());
        System.out.println("| measure | Java app | GraalJS app |");
        System.out.println("| --- | --- | --- |");
        double java = run(subnet, ContractRuntime.of(JAVA_PUT), entries);
        double javaScript = run(subnet, jsRuntime, entries);
        System.out.printf(Locale.ROOT, "| %d trivial put transactions applied (after %d of warm-up) | %.0f ops/s | %.0f ops/s |%n",
                ops, ops, java, javaScript);
        System.out.printf(Locale.ROOT, "| GraalJS cold start (load the app and define its contract, fresh JVM) | | %.2f s |%n",
                coldSeconds);
        js.close();
    }

    /** {@code count} signed entries of this writer's log, each a {@code tx} op calling {@code store}. */
    private static List<LogEntry> entries(Bytes32 subnet, WriterKey writer, int count) {
        List<LogEntry> entries = new ArrayList<>(count);
        LogEntry previous = null;
        for (int i = 0; i < count; i++) {
            String op = "{\"type\":\"tx\",\"key\":\"" + String.format(Locale.ROOT, "%064x", i)
                    + "\",\"value\":{\"msbsl\":0,\"dispatch\":{\"type\":\"store\",\"value\":{\"k\":\"k" + i
                    + "\",\"v\":" + i + "}},\"ipk\":\"" + "ab".repeat(32) + "\",\"wp\":\"" + "cd".repeat(32) + "\"}}";
            previous = LogEntry.append(subnet, subnet, previous, List.of(), i, op, writer::sign);
            entries.add(previous);
        }
        return entries;
    }

    /** Applies the entries twice on fresh views (warm-up, then measured); ops per second of the second run. */
    private static double run(Bytes32 subnet, ContractRuntime runtime, List<LogEntry> entries) {
        // The contract's apply alone: the settlement proof is the MSB's cost, measured by `bench/run settlement`.
        OpApplier applier = StandardOps.applier(subnet, runtime, (claim, context) -> { });
        applyAll(applier, entries);
        long start = System.nanoTime();
        applyAll(applier, entries);
        return entries.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void applyAll(OpApplier applier, List<LogEntry> entries) {
        Map<String, String> stored = new HashMap<>();
        ViewOverlay view = new ViewOverlay(key -> Optional.ofNullable(stored.get(key)));
        applier.genesisIfEmpty(view, view);
        for (LogEntry entry : entries) {
            OpResult result = applier.apply(entry, view);
            if (!(result instanceof OpResult.Applied)) {
                throw new IllegalStateException("Not applied: " + result);
            }
        }
        // Every function ran to the end: a failed one is indexed too, but writes nothing.
        String last = "app/bench/k" + (entries.size() - 1);
        if (!view.get(last).equals(Optional.of(String.valueOf(entries.size() - 1)))) {
            throw new IllegalStateException("The contract did not store " + last + ": " + view.get("txi/0"));
        }
    }
}
