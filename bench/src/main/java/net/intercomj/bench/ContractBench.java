package net.intercomj.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.json.Json;
import net.intercomj.api.network.Registration;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.contract.PinnedContract;
import net.intercomj.host.js.JsApp;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.SubnetTopics;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.SettlementProofs;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.subnet.op.admin.UpgradeContractOp;
import net.intercomj.host.wallet.PeerWallet;

/**
 * Apply throughput of a trivial contract (one {@code put} per transaction), as a Java app and as a GraalJS app, on one
 * peer: {@code tx} ops applied one after another through the subnet's op applier (shape checks,
 * the contract call, the transaction index) on an in-memory view, as a peer's apply does before
 * it stores a batch. The entries are built before the clock starts. Also the GraalJS cold start:
 * loading the app and defining its contract in this fresh JVM.
 *
 * <p>{@code --peers 3}: the same contract on three subnet peers in this JVM, each a real
 * {@link SubnetNode} with its own network stack on loopback (one DHT bootstrap node). Peer A
 * creates the subnet, pins the contract, makes itself admin and adds B and C as writers and
 * indexers, so every batch is ordered through Raft and confirmed with two of the three
 * checkpoint signatures; B and C have the app loaded before they start. Then A appends
 * {@code --ops} {@code tx} ops at once (built before the clock starts), and the clock runs from
 * the first append until the last op is applied in the confirmed view of all three peers
 * ({@code txl} equals the count on each). One run with the Java app, then one on a fresh subnet
 * with the GraalJS app; no warm-up run, and the apps' load and define are not timed. This
 * measures the whole subnet path (append, replication, ordering, checkpoints, apply and store on
 * three peers), of which the contract call is one part.
 *
 * <pre>bench/run contract [--ops 20000] | bench/run contract --peers 3 [--ops 5000]</pre>
 */
public final class ContractBench {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The Java app's version hash: any 64 hex, pinned like a loaded app's. */
    private static final String JAVA_HASH = "11".repeat(32);
    private static final ObjectMapper JSON = new ObjectMapper();

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
        Integer ops = null;
        int peers = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ops" -> ops = Integer.parseInt(args[++i]);
                case "--peers" -> peers = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--ops N, --peers 1|3)");
            }
        }
        if (peers != 1 && peers != 3) {
            throw new IllegalArgumentException("--peers must be 1 or 3, not " + peers);
        }
        Path folder = Files.createTempDirectory("contract-bench");
        Path app = Files.createDirectories(folder.resolve("put"));
        Files.writeString(app.resolve("contract.js"), JS_CONTRACT);
        Files.writeString(app.resolve("protocol.js"), JS_PROTOCOL);
        if (peers == 1) {
            onePeer(folder, app, ops == null ? 20_000 : ops);
        } else {
            threePeers(folder, app, ops == null ? 5_000 : ops);
        }
    }

    private static void onePeer(Path folder, Path app, int ops) throws Exception {
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
            previous = LogEntry.append(subnet, subnet, previous, List.of(), i, txOp(i), writer::sign);
            entries.add(previous);
        }
        return entries;
    }

    /** The {@code tx} op of transaction {@code i}: calls {@code store}, which puts {@code i} under {@code k<i>}. */
    private static String txOp(int i) {
        return "{\"type\":\"tx\",\"key\":\"" + String.format(Locale.ROOT, "%064x", i)
                + "\",\"value\":{\"msbsl\":0,\"dispatch\":{\"type\":\"store\",\"value\":{\"k\":\"k" + i
                + "\",\"v\":" + i + "}},\"ipk\":\"" + "ab".repeat(32) + "\",\"wp\":\"" + "cd".repeat(32) + "\"}}";
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

    /**
     * {@code --peers 3}: the Java app, then the GraalJS app, each pinned on a fresh subnet of
     * three peers; prints a row per app.
     */
    private static void threePeers(Path folder, Path app, int ops) throws Exception {
        List<JsonNode> txs = new ArrayList<>(ops);
        for (int i = 0; i < ops; i++) {
            txs.add(JSON.readTree(txOp(i)));
        }
        System.out.printf(Locale.ROOT, "Contract apply, three peers (writers and indexers, Raft), each with its own network"
                + " stack over loopback in one JVM, %d cores, %s%n%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.println("| app | trivial put transactions appended at once on A | → applied in the confirmed view of all"
                + " three peers |");
        System.out.println("| --- | --- | --- |");
        try {
            double java = onThreePeers(folder.resolve("java"), "put-java", JAVA_HASH, JAVA_PUT, txs);
            System.out.printf(Locale.ROOT, "| Java app | %d | %.0f ops/s |%n", ops, java);
            try (JsApp js = JsApp.load(app)) {
                // One app, but each peer defines its own contract instance (a context of its own), as its process would.
                double javaScript = onThreePeers(folder.resolve("js"), js.id(), js.versionHash(), js, txs);
                System.out.printf(Locale.ROOT, "| GraalJS app | %d | %.0f ops/s |%n", ops, javaScript);
            }
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Starts peers A, B and C on a new subnet that pins {@code app} as {@code id} at {@code hash},
     * appends {@code txs} on A at once, and stops them again.
     *
     * @return the ops per second from the first append until every op is applied in all three confirmed views
     */
    private static double onThreePeers(Path folder, String id, String hash, ContractApp app, List<JsonNode> txs)
            throws Exception {
        List<PeerNetwork> networks = new ArrayList<>();
        List<SubnetNode> nodes = new ArrayList<>();
        try (DhtNode dht = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()))) {
            try {
                PeerWallet admin = PeerWallet.generate();
                WriterKey keyA = WriterKey.loadOrCreate(folder.resolve("a.key"));
                Bytes32 subnet = Bytes32.of(keyA.publicKey());
                SubnetNode a = start(dht, admin, folder.resolve("a"), subnet, keyA, id, hash, app, networks, nodes);
                // The creator pins the contract unsigned, which it may only do while the subnet has no admin.
                await(a.append(JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                        .put("key", UpgradeContractOp.key(id, hash))));
                await(a.append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin")
                        .put("key", admin.publicKeyHex())));
                for (String name : List.of("b", "c")) {
                    WriterKey key = WriterKey.loadOrCreate(folder.resolve(name + ".key"));
                    start(dht, PeerWallet.generate(), folder.resolve(name), subnet, key, id, hash, app, networks, nodes);
                    await(a.append(adminOp(subnet, admin, "addWriter", key.publicKeyHex())));
                    await(a.append(adminOp(subnet, admin, "addIndexer", key.publicKeyHex())));
                }
                for (SubnetNode node : nodes) {
                    awaitTrue(() -> node.stats().indexers().size() == 3
                            && node.confirmed().get(ViewKeys.CONTRACT).isPresent());
                }

                String count = String.valueOf(txs.size());
                List<CompletableFuture<Long>> applied = new ArrayList<>();
                List<Registration> registrations = new ArrayList<>();
                for (SubnetNode node : nodes) {
                    CompletableFuture<Long> at = new CompletableFuture<>();
                    applied.add(at);
                    // On the node's apply thread, after each round: the time the last op showed in its confirmed view.
                    registrations.add(node.onViewsChanged(() -> {
                        if (!at.isDone() && node.confirmed().get(ViewKeys.TX_COUNT).equals(Optional.of(count))) {
                            at.complete(System.nanoTime());
                        }
                    }));
                }
                List<CompletableFuture<OpResult>> results = new ArrayList<>(txs.size());
                long start = System.nanoTime();
                for (JsonNode tx : txs) {
                    results.add(a.append(tx));
                }
                long end = 0;
                for (int i = 0; i < nodes.size(); i++) {
                    try {
                        end = Math.max(end, applied.get(i).get(WAIT.toSeconds() * 5, TimeUnit.SECONDS));
                    } catch (java.util.concurrent.TimeoutException e) {
                        throw new IllegalStateException("Peer " + "abc".charAt(i) + " applied " + nodes.get(i).confirmed()
                                .get(ViewKeys.TX_COUNT).orElse("0") + " of " + count + " transactions in time; first"
                                + " rejection on A: " + results.stream().filter(r -> r.isDone() && !r.isCompletedExceptionally())
                                .map(CompletableFuture::join).filter(OpResult.Rejected.class::isInstance).findFirst()
                                .map(Object::toString).orElse("none") + "; " + nodes.get(i).stats(), e);
                    }
                }
                registrations.forEach(Registration::close);
                // Every function ran to the end: a failed one is indexed too, but writes nothing.
                String last = "app/bench/k" + (txs.size() - 1);
                for (SubnetNode node : nodes) {
                    if (!node.confirmed().get(last).equals(Optional.of(String.valueOf(txs.size() - 1)))) {
                        throw new IllegalStateException("The contract did not store " + last + ": "
                                + node.confirmed().get(ViewKeys.transaction(0)));
                    }
                }
                return txs.size() / ((end - start) / 1e9);
            } finally {
                nodes.forEach(SubnetNode::close);
                try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    networks.forEach(network -> executor.submit(network::close));
                }
            }
        }
    }

    /** One peer with its own network stack, running the subnet with {@code app} loaded at {@code id} and {@code hash}. */
    private static SubnetNode start(DhtNode dht, PeerWallet wallet, Path folder, Bytes32 subnet, WriterKey key,
            String id, String hash, ContractApp app, List<PeerNetwork> networks, List<SubnetNode> nodes)
            throws Exception {
        PeerNetwork network = PeerNetwork.start(wallet, new PeerNetwork.Settings(List.of(dht.localAddress()), 0,
                List.of(), SwarmConfig.defaults(LOOPBACK)));
        networks.add(network);
        ContractApps apps = new ContractApps();
        apps.add(id, hash, app);
        // The subnet path and the contract's apply: the settlement proof is the MSB's cost, measured by `bench/run settlement`.
        SettlementProofs proofs = (claim, context) -> { };
        SubnetNode node = SubnetNode.start(new SubnetNode.Config(folder, subnet,
                SubnetTopics.of("contract-bench").toByteArray(), key), new NetworkService(network),
                StandardOps.applier(subnet, new PinnedContract(apps), proofs), line -> { });
        nodes.add(node);
        return node;
    }

    private static void await(CompletableFuture<OpResult> result) throws Exception {
        OpResult done = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (done instanceof OpResult.Rejected rejected) {
            throw new IllegalStateException("Set-up op rejected: " + rejected.reason());
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out");
            }
            Thread.sleep(5);
        }
    }

    private static ObjectNode adminOp(Bytes32 subnet, PeerWallet admin, String type, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("msg").put("type", type).put("key", key);
        return OpSignature.sign(subnet, type, key, value, admin::sign);
    }
}
