package net.intercomj.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.MsbNetwork;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.Payer;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.wallet.PeerWallet;

/**
 * Confirmed settlement transactions per second (issue "Settlement plane"), through the
 * embedded MSB (one validator, as a peer runs it with no MSB flag) and through an MSB of three
 * validators, each with its own network stack on loopback in this JVM. A wallet funded at
 * genesis pays for transactions of one deployed subnet; each transaction is checked and
 * completed by validator A (Ed25519 verify of the requester, sign of the seal) and checked again
 * by every validator's apply (two verifies). Measures the latency of one transaction from
 * submission to confirmation, then N submitted at once until all are confirmed on every validator.
 *
 * <pre>bench/run settlement [--txs 2000] [--samples 200]</pre>
 */
public final class SettlementBench {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(120);

    private SettlementBench() {}

    public static void main(String[] args) throws Exception {
        int txs = 2000;
        int samples = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--txs" -> txs = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--txs N, --samples N)");
            }
        }
        System.out.printf(Locale.ROOT, "Settlement (MSB), %d cores, %s%n%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.println("| MSB | one tx, submitted → confirmed, median / p99 | txs submitted at once → all confirmed |");
        System.out.println("| --- | --- | --- |");
        run(1, txs, samples);
        run(3, txs, samples);
    }

    private static void run(int validators, int txs, int samples) throws Exception {
        Path folder = Files.createTempDirectory("settlement-bench");
        List<AutoCloseable> open = new ArrayList<>();
        try (DhtNode dht = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()))) {
            PeerWallet owner = PeerWallet.generate();
            List<MsbNode> nodes = new ArrayList<>();
            MsbNetwork network = null;
            for (int i = 0; i < validators; i++) {
                PeerNetwork net = PeerNetwork.start(PeerWallet.generate(), new PeerNetwork.Settings(
                        List.of(dht.localAddress()), 0, List.of(), SwarmConfig.defaults(LOOPBACK)));
                open.add(net);
                WriterKey key = WriterKey.loadOrCreate(folder.resolve("v" + i + ".key"));
                if (network == null) {
                    network = MsbNetwork.development(Bytes32.of(key.publicKey()));
                }
                MsbNode node = MsbNode.start(folder.resolve("v" + i), network, key, new NetworkService(net), line -> { });
                open.add(node);
                nodes.add(node);
                if (i == 0) {
                    node.initialize(owner.publicKeyHex(), owner.address(), Amounts.ONE.multiply(BigInteger.valueOf(1_000_000)));
                } else {
                    nodes.getFirst().engine().append(addIndexer(network.bootstrap(), owner, key.publicKeyHex()));
                }
            }
            MsbNode a = nodes.getFirst();
            for (MsbNode node : nodes) {
                awaitTrue(() -> node.confirmed().validators().size() == validators
                        && node.confirmed().balance(owner.address()).isPresent());
            }
            Payer payer = new Payer(owner);
            byte[] subnetKey = new byte[32];
            new SecureRandom().nextBytes(subnetKey);
            Bytes32 subnet = Bytes32.of(subnetKey);
            Deployment deployment = payer.deployment(a, subnet, "bench");
            a.submit(deployment).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            for (MsbNode node : nodes) {
                awaitTrue(() -> node.confirmed().deployment(subnet.toHex()).isPresent());
            }

            long[] latency = new long[samples];
            int next = 0;
            for (int i = 0; i < samples; i++, next++) {
                TxSettlement tx = payer.transaction(a, dispatch(next), subnet, subnet);
                long start = System.nanoTime();
                a.submit(tx).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                a.confirmation(tx.tx()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                latency[i] = System.nanoTime() - start;
            }

            List<TxSettlement> batch = new ArrayList<>(txs);
            for (int i = 0; i < txs; i++, next++) {
                batch.add(payer.transaction(a, dispatch(next), subnet, subnet));
            }
            long start = System.nanoTime();
            List<CompletableFuture<String>> accepted = new ArrayList<>(txs);
            for (TxSettlement tx : batch) {
                accepted.add(a.submit(tx));
            }
            CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String last = batch.getLast().tx();
            for (MsbNode node : nodes) {
                node.confirmation(last).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long settled = a.confirmed().length();
            if (settled != 1 + samples + txs) {
                throw new IllegalStateException("Expected " + (1 + samples + txs) + " settled ops, found " + settled);
            }
            System.out.printf(Locale.ROOT, "| %s | %.2f / %.2f ms | %d txs: %.0f confirmed txs/s |%n",
                    validators == 1 ? "embedded (1 validator)" : validators + " validators (Raft, majority signs)",
                    percentile(latency, 50), percentile(latency, 99), txs, txs / seconds);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static JsonNode dispatch(int n) {
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("type", "tally");
        dispatch.put("value", n);
        return dispatch;
    }

    /** The MSB admin's signed {@code addIndexer}: the new node becomes a validator. */
    private static ObjectNode addIndexer(Bytes32 network, PeerWallet admin, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("msg").put("type", "addIndexer").put("key", key);
        return OpSignature.sign(network, "addIndexer", key, value, admin::sign);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out");
            }
            Thread.sleep(5);
        }
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
