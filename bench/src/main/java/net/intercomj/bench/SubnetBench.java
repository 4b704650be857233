package net.intercomj.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.SubnetTopics;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.wallet.PeerWallet;

/**
 * Subnet latency and throughput (DESIGN §13) with three writers that are also indexers, each in
 * a process of its own on loopback: this process is peer A (the subnet's creator and admin),
 * {@link SubnetBenchPeer} processes are B and C. A adds B and C as writers and indexers, so
 * every batch is ordered through Raft and confirmed with two of the three checkpoint signatures.
 * Measures, per op, append on A → visible in B's unconfirmed view and → confirmed in B's view
 * (B reports with the machine's monotonic clock); then 10 000 ops appended at once until all
 * are confirmed on B, and one at a time (each awaited until confirmed on A); and B's
 * unconfirmed-view rollbacks while one writer writes.
 *
 * <p>{@code --sole-indexer} leaves A the only indexer (B and C only write and read), to tell
 * the cost of ordering by three from the rest.
 *
 * <pre>bench/run subnet [--ops 10000] [--samples 500] [--sole-indexer]</pre>
 */
public final class SubnetBench {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private SubnetBench() {}

    public static void main(String[] args) throws Exception {
        int ops = 10_000;
        int samples = 500;
        boolean indexers = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ops" -> ops = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--sole-indexer" -> indexers = false;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (--ops N, --samples N, --sole-indexer)");
            }
        }
        Path folder = Files.createTempDirectory("subnet-bench");
        List<ChildPeer> children = new ArrayList<>();
        try (DhtNode dht = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()))) {
            PeerWallet wallet = PeerWallet.generate();
            WriterKey keyA = WriterKey.loadOrCreate(folder.resolve("a.key"));
            Bytes32 subnet = Bytes32.of(keyA.publicKey());
            String dhtAddress = "127.0.0.1:" + dht.localAddress().getPort();
            try (PeerNetwork network = PeerNetwork.start(wallet, new PeerNetwork.Settings(List.of(dht.localAddress()), 0,
                    List.of(), SwarmConfig.defaults(LOOPBACK)));
                    SubnetNode a = SubnetNode.start(new SubnetNode.Config(folder.resolve("a"), subnet,
                            SubnetTopics.of("bench").toByteArray(), keyA), new NetworkService(network),
                            StandardOps.applier(subnet), line -> { })) {
                await(a.append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key",
                        wallet.publicKeyHex())));
                await(a.append(adminOp(subnet, wallet, "setChatStatus", "on")));
                for (String name : List.of("b", "c")) {
                    ChildPeer child = ChildPeer.start(dhtAddress, subnet, folder.resolve(name));
                    children.add(child);
                    await(a.append(adminOp(subnet, wallet, "addWriter", child.writerKey)));
                    if (indexers) {
                        await(a.append(adminOp(subnet, wallet, "addIndexer", child.writerKey)));
                    }
                }
                ChildPeer b = children.getFirst();

                System.out.printf(Locale.ROOT, "Subnet, three writers%s, each in its own process over loopback, %s%n%n",
                        indexers ? " that are also indexers (Raft)" : ", A the sole indexer", Runtime.version());
                System.out.println("| measure | this run | target (DESIGN §13) |");
                System.out.println("| --- | --- | --- |");
                long[] unconfirmed = new long[samples];
                long[] confirmed = new long[samples];
                int next = 0;
                for (int i = 0; i < samples; i++, next++) {
                    long start = System.nanoTime();
                    a.append(post(subnet, wallet, next));
                    unconfirmed[i] = b.unconfirmedAt(next) - start;
                    confirmed[i] = b.confirmedAt(next) - start;
                }
                System.out.printf(Locale.ROOT, "| append on A → in B's unconfirmed view, median / p99 (%d ops) | %.2f / %.2f ms"
                        + " | ≤ 3 ms |%n", samples, median(unconfirmed), p99(unconfirmed));
                System.out.printf(Locale.ROOT, "| append on A → confirmed on B, median / p99 | %.2f / %.2f ms | ≤ 20 ms |%n",
                        median(confirmed), p99(confirmed));

                long rollbacksBefore = b.rollbacks();
                long start = System.nanoTime();
                for (int i = 0; i < ops; i++, next++) {
                    a.append(post(subnet, wallet, next));
                }
                double batchedSeconds = (b.confirmedAt(next - 1) - start) / 1e9;
                System.out.printf(Locale.ROOT, "| %d ops appended at once, until all confirmed on B | %.0f ops/s"
                        + " | ≥ 20 k ops/s |%n", ops, ops / batchedSeconds);

                int awaited = Math.max(1, ops / 5);
                start = System.nanoTime();
                for (int i = 0; i < awaited; i++, next++) {
                    await(a.append(post(subnet, wallet, next)));
                }
                double awaitedSeconds = (System.nanoTime() - start) / 1e9;
                b.confirmedAt(next - 1);
                System.out.printf(Locale.ROOT, "| %d ops one at a time, each awaited until confirmed on A | %.0f ops/s"
                        + " | ≥ 2 k ops/s |%n", awaited, awaited / awaitedSeconds);
                System.out.printf(Locale.ROOT, "| rollbacks of B's unconfirmed view while one writer wrote | %d | 0 |%n",
                        b.rollbacks() - rollbacksBefore);
            }
        } finally {
            children.forEach(ChildPeer::close);
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void await(CompletableFuture<OpResult> result) throws Exception {
        OpResult done = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (done instanceof OpResult.Rejected rejected) {
            throw new IllegalStateException("Set-up op rejected: " + rejected.reason());
        }
    }

    private static ObjectNode adminOp(Bytes32 subnet, PeerWallet admin, String type, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("msg").put("type", type).put("key", key);
        return OpSignature.sign(subnet, type, key, value, admin::sign);
    }

    private static ObjectNode post(Bytes32 subnet, PeerWallet author, int n) {
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("type", "msg").put("msg", "message " + n)
                .put("address", author.publicKeyHex());
        dispatch.putArray("attachments");
        dispatch.putNull("deleted_by");
        dispatch.putNull("reply_to");
        dispatch.put("pinned", false);
        dispatch.putNull("pin_id");
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.set("dispatch", dispatch);
        return OpSignature.sign(subnet, "msg", null, value, author::sign);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
    }

    /** Peer B or C: a {@link SubnetBenchPeer} process, and what it reported. */
    private static final class ChildPeer implements AutoCloseable {
        final Process process;
        final String writerKey;
        final BufferedWriter stdin;
        final ConcurrentHashMap<Integer, CompletableFuture<Long>> unconfirmed = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Integer, CompletableFuture<Long>> confirmed = new ConcurrentHashMap<>();
        final LinkedBlockingQueue<Long> rollbacks = new LinkedBlockingQueue<>();
        final CompletableFuture<String> key = new CompletableFuture<>();

        private ChildPeer(Process process) throws Exception {
            this.process = process;
            this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            Thread.ofVirtual().name("bench-peer-reader").start(this::read);
            this.writerKey = key.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        static ChildPeer start(String dht, Bytes32 subnet, Path folder) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), SubnetBenchPeer.class.getName(),
                    "--dht", dht, "--subnet", subnet.toHex(), "--folder", folder.toString()));
            Files.createDirectories(folder);
            Process process = new ProcessBuilder(command).redirectError(folder.resolve("stderr.txt").toFile()).start();
            return new ChildPeer(process);
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    String[] parts = line.split(" ");
                    switch (parts[0]) {
                        case "KEY" -> key.complete(parts[1]);
                        case "U" -> waiter(unconfirmed, Integer.parseInt(parts[1])).complete(Long.parseLong(parts[2]));
                        case "C" -> waiter(confirmed, Integer.parseInt(parts[1])).complete(Long.parseLong(parts[2]));
                        case "R" -> rollbacks.add(Long.parseLong(parts[1]));
                        default -> { }
                    }
                }
            } catch (IOException e) {
                key.completeExceptionally(e);
            }
            key.completeExceptionally(new IllegalStateException("The bench peer exited"));
        }

        private static CompletableFuture<Long> waiter(ConcurrentHashMap<Integer, CompletableFuture<Long>> waiters, int n) {
            return waiters.computeIfAbsent(n, k -> new CompletableFuture<>());
        }

        long unconfirmedAt(int message) throws Exception {
            return waiter(unconfirmed, message).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        long confirmedAt(int message) throws Exception {
            return waiter(confirmed, message).get(WAIT.toSeconds() * 5, TimeUnit.SECONDS);
        }

        long rollbacks() throws Exception {
            stdin.write("rollbacks\n");
            stdin.flush();
            Long count = rollbacks.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (count == null) {
                throw new IllegalStateException("The bench peer did not answer");
            }
            return count;
        }

        @Override
        public void close() {
            try {
                stdin.write("quit\n");
                stdin.flush();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
