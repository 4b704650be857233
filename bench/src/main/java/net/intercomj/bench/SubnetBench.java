package net.intercomj.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.network.Registration;
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
 * Subnet latency and throughput (DESIGN §13) with the sole indexer: peer A (the subnet's creator,
 * writer and indexer) appends chat posts; peer B replicates, verifies the signed batches and
 * applies them. Both peers run in this JVM but talk over real loopback connections (Noise, mux,
 * RocksDB stores on disk). Measures, per op, append on A → visible in B's unconfirmed view and
 * → confirmed in B's view; then 10 000 ops appended at once, and one at a time (each awaited
 * until confirmed on A); and B's unconfirmed-view rollbacks while one writer writes.
 *
 * <pre>bench/run subnet [--ops 10000] [--samples 500]</pre>
 */
public final class SubnetBench {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private SubnetBench() {}

    public static void main(String[] args) throws Exception {
        int ops = 10_000;
        int samples = 500;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ops" -> ops = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--ops N, --samples N)");
            }
        }
        Path folder = Files.createTempDirectory("subnet-bench");
        try (DhtNode dht = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()))) {
            PeerWallet wallet = PeerWallet.generate();
            WriterKey keyA = WriterKey.loadOrCreate(folder.resolve("a.key"));
            Bytes32 subnet = Bytes32.of(keyA.publicKey());
            try (Peer a = Peer.start(dht, folder.resolve("a"), subnet, keyA, wallet);
                    Peer b = Peer.start(dht, folder.resolve("b"), subnet,
                            WriterKey.loadOrCreate(folder.resolve("b.key")), PeerWallet.generate())) {
                a.node.append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key",
                        wallet.publicKeyHex())).get(30, TimeUnit.SECONDS);
                ObjectNode chatOn = JsonNodeFactory.instance.objectNode();
                chatOn.putObject("msg").put("type", "setChatStatus").put("key", "on");
                a.node.append(OpSignature.sign(subnet, "setChatStatus", "on", chatOn, wallet::sign))
                        .get(30, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (b.node.confirmed().get("chat_status").isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("B never received the subnet's set-up");
                    }
                    Thread.sleep(10);
                }

                System.out.printf(Locale.ROOT, "Subnet, sole indexer, two peers over loopback in one JVM, %s%n%n",
                        Runtime.version());
                System.out.println("| measure | this run | target (DESIGN §13) |");
                System.out.println("| --- | --- | --- |");
                long[] unconfirmed = new long[samples];
                long[] confirmed = new long[samples];
                int next = 0;
                for (int i = 0; i < samples; i++, next++) {
                    CompletableFuture<Long> seen = b.whenUnconfirmed(next);
                    CompletableFuture<Long> done = b.whenConfirmed(next);
                    long start = System.nanoTime();
                    a.node.append(post(subnet, wallet, next));
                    unconfirmed[i] = seen.get(30, TimeUnit.SECONDS) - start;
                    confirmed[i] = done.get(30, TimeUnit.SECONDS) - start;
                }
                System.out.printf(Locale.ROOT, "| append on A → in B's unconfirmed view, median / p99 (%d ops) | %.2f / %.2f ms"
                        + " | ≤ 3 ms |%n", samples, median(unconfirmed), p99(unconfirmed));
                System.out.printf(Locale.ROOT, "| append on A → confirmed on B, median / p99 | %.2f / %.2f ms | ≤ 20 ms |%n",
                        median(confirmed), p99(confirmed));

                long rollbacksBefore = b.node.stats().rollbacks();
                CompletableFuture<Long> last = b.whenConfirmed(next + ops - 1);
                long start = System.nanoTime();
                for (int i = 0; i < ops; i++, next++) {
                    a.node.append(post(subnet, wallet, next));
                }
                double batchedSeconds = (last.get(300, TimeUnit.SECONDS) - start) / 1e9;
                System.out.printf(Locale.ROOT, "| %d ops appended at once, until all confirmed on B | %.0f ops/s"
                        + " | ≥ 20 k ops/s |%n", ops, ops / batchedSeconds);

                int awaited = Math.max(1, ops / 5);
                start = System.nanoTime();
                for (int i = 0; i < awaited; i++, next++) {
                    a.node.append(post(subnet, wallet, next)).get(30, TimeUnit.SECONDS);
                }
                double awaitedSeconds = (System.nanoTime() - start) / 1e9;
                b.awaitMessages(next - 1);
                System.out.printf(Locale.ROOT, "| %d ops one at a time, each awaited until confirmed on A | %.0f ops/s"
                        + " | ≥ 2 k ops/s |%n", awaited, awaited / awaitedSeconds);
                System.out.printf(Locale.ROOT, "| rollbacks of B's unconfirmed view while one writer wrote | %d | 0 |%n",
                        b.node.stats().rollbacks() - rollbacksBefore);
            }
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
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

    /** One peer: network and subnet node, and waiters for messages to appear in its views. */
    private static final class Peer implements AutoCloseable {
        final PeerNetwork network;
        final SubnetNode node;
        final Registration listening;
        final ConcurrentHashMap<Integer, CompletableFuture<Long>> unconfirmed = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Integer, CompletableFuture<Long>> confirmed = new ConcurrentHashMap<>();

        private Peer(PeerNetwork network, SubnetNode node) {
            this.network = network;
            this.node = node;
            this.listening = node.onViewsChanged(this::check);
        }

        static Peer start(DhtNode dht, Path folder, Bytes32 subnet, WriterKey key, PeerWallet wallet) throws Exception {
            PeerNetwork network = PeerNetwork.start(wallet, new PeerNetwork.Settings(List.of(dht.localAddress()), 0,
                    List.of(), SwarmConfig.defaults(LOOPBACK)));
            SubnetNode node = SubnetNode.start(new SubnetNode.Config(folder, subnet,
                    SubnetTopics.of("bench").toByteArray(), key), new NetworkService(network),
                    StandardOps.applier(subnet), line -> { });
            return new Peer(network, node);
        }

        CompletableFuture<Long> whenUnconfirmed(int message) {
            CompletableFuture<Long> future = unconfirmed.computeIfAbsent(message, n -> new CompletableFuture<>());
            check();
            return future;
        }

        CompletableFuture<Long> whenConfirmed(int message) {
            CompletableFuture<Long> future = confirmed.computeIfAbsent(message, n -> new CompletableFuture<>());
            check();
            return future;
        }

        void awaitMessages(int lastMessage) throws Exception {
            whenConfirmed(lastMessage).get(60, TimeUnit.SECONDS);
        }

        /** Completes the waiters whose message is in a view now. */
        private void check() {
            long now = System.nanoTime();
            complete(unconfirmed, n -> node.unconfirmed().get("msg/" + n), now);
            complete(confirmed, n -> node.confirmed().get("msg/" + n), now);
        }

        private static void complete(ConcurrentHashMap<Integer, CompletableFuture<Long>> waiters,
                java.util.function.IntFunction<Optional<String>> read, long now) {
            for (var waiter : new ArrayList<>(waiters.entrySet())) {
                if (read.apply(waiter.getKey()).isPresent()) {
                    waiter.getValue().complete(now);
                    waiters.remove(waiter.getKey());
                }
            }
        }

        @Override
        public void close() {
            listening.close();
            node.close();
            network.close();
        }
    }
}
