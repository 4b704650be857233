package net.intercomj.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.intercomj.api.network.Network;
import net.intercomj.api.plugin.PeerConsole;
import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.host.apps.PluginHost;
import net.intercomj.host.apps.ServiceRegistry;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.terminal.CommandRegistry;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.sidechannel.SidechannelPlugin;

/**
 * Sidechannel throughput between two processes on loopback (DESIGN §13): one peer sends small
 * text messages on the entry channel as fast as the plane lets it, the other counts what it
 * delivers. Both run the real plugin: every message is signed and its signature checked, with
 * proof of work off, then at the default 12 bits. The receiver's rate limiter is off (it would
 * cap the rate at 64 KB/s by design) and it prints nothing.
 *
 * <pre>bench/run sidechannel [--seconds 10]</pre>
 */
public final class SidechannelBench {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private SidechannelBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown option " + args[i] + " (--seconds N)");
            }
        }
        System.out.printf(Locale.ROOT, "Sidechannel, two processes on 127.0.0.1, %s%n%n", Runtime.version());
        System.out.println("| measure | this run | target (DESIGN §13) |");
        System.out.println("| --- | --- | --- |");
        double plain = run(0, seconds);
        System.out.printf(Locale.ROOT, "| signed messages, PoW off, one way, %d s | %.1f k msg/s | ≥ 30 k msg/s |%n",
                seconds, plain / 1000);
        double withPow = run(12, seconds);
        double bare = powRate(12, seconds);
        System.out.printf(Locale.ROOT, "| signed messages, PoW 12 bits, one way, %d s | %.2f k msg/s | within 20 %% of the bare"
                + " PoW rate |%n", seconds, withPow / 1000);
        System.out.printf(Locale.ROOT, "| bare PoW rate, 12 bits, one thread | %.2f k proofs/s | |%n", bare / 1000);
    }

    /** One measurement: a fresh receiving process, a fresh sending peer here. Returns messages per second. */
    private static double run(int powBits, int seconds) throws Exception {
        int dhtPort;
        try (DhtNode dht = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()))) {
            dhtPort = dht.localAddress().getPort();
            Process receiver = NetBench.startChild(List.of("--sidechannel-receive", String.valueOf(dhtPort),
                    String.valueOf(powBits)));
            BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(),
                    StandardCharsets.UTF_8));
            try (Peer sender = Peer.start(dhtPort, config(powBits))) {
                expect(lines, "READY");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (sender.sidechannels.connectionCount() < 1 || !sender.sidechannels.started()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The receiving peer never connected");
                    }
                    Thread.sleep(5);
                }
                String text = "\"" + "m".repeat(100) + "\"";
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                long sent = 0;
                while (System.nanoTime() < end) {
                    sender.sidechannels.send(Sidechannels.ENTRY_CHANNEL, text, Optional.empty(), Optional.empty());
                    sent++;
                }
                sender.sidechannels.send(Sidechannels.ENTRY_CHANNEL, "\"done\"", Optional.empty(), Optional.empty());
                String report = expect(lines, "RECEIVED");
                String[] parts = report.split(" ");
                long received = Long.parseLong(parts[1]);
                long nanos = Long.parseLong(parts[2]);
                System.err.printf(Locale.ROOT, "PoW %d: sent %d, received %d%n", powBits, sent, received);
                return (received - 1) / (nanos / 1e9);
            } finally {
                receiver.destroy();
                receiver.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** How many 12-bit proofs one thread finds per second: what a PoW-bound sender can reach. */
    private static double powRate(int bits, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        long proofs = 0;
        var message = com.fasterxml.jackson.databind.node.TextNode.valueOf("m".repeat(100));
        String from = "ab".repeat(32);
        while (System.nanoTime() < end) {
            net.intercomj.sidechannel.pow.ProofOfWork.solve(from + ":" + proofs, "0000intercom", from, from, message,
                    System.currentTimeMillis(), bits, 1L << 30);
            proofs++;
        }
        return proofs / ((System.nanoTime() - start) / 1e9);
    }

    private static String expect(BufferedReader lines, String prefix) throws Exception {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("The receiving process ended before " + prefix);
    }

    private static SidechannelConfig config(int powBits) {
        SidechannelConfig d = SidechannelConfig.defaults();
        return new SidechannelConfig(List.of(), false, true, false, d.maxBytes(), true, false, powBits > 0,
                Math.max(powBits, 1), false, List.of(), 0, d.rateBurst(), d.maxStrikes(), false, List.of(), List.of(),
                List.of(), d.inviteTtl(), Map.of(), false, List.of(), Map.of(), d.welcomeRequired());
    }

    /** The receiving process: counts delivered messages until {@code "done"}, then reports. */
    static void receive(int dhtPort, int powBits) throws Exception {
        AtomicLong count = new AtomicLong();
        AtomicLong first = new AtomicLong();
        try (Peer peer = Peer.start(dhtPort, config(powBits))) {
            Object done = new Object();
            long[] last = new long[1];
            peer.sidechannels.subscribe(message -> {
                long now = System.nanoTime();
                if (count.getAndIncrement() == 0) {
                    first.set(now);
                }
                if (message.messageJson().equals("\"done\"")) {
                    synchronized (done) {
                        last[0] = now;
                        done.notifyAll();
                    }
                }
            });
            System.out.println("READY");
            System.out.flush();
            synchronized (done) {
                while (last[0] == 0) {
                    done.wait();
                }
            }
            System.out.println("RECEIVED " + count.get() + " " + (last[0] - first.get()));
            System.out.flush();
        }
    }

    /** A peer with the plugin, started as the host starts it. */
    private static final class Peer implements AutoCloseable {
        final PeerNetwork network;
        final PluginHost plugins;
        final Sidechannels sidechannels;

        private Peer(PeerNetwork network, PluginHost plugins, Sidechannels sidechannels) {
            this.network = network;
            this.plugins = plugins;
            this.sidechannels = sidechannels;
        }

        static Peer start(int dhtPort, SidechannelConfig config) throws Exception {
            PeerWallet wallet = PeerWallet.generate();
            PeerNetwork network = PeerNetwork.start(wallet, new PeerNetwork.Settings(
                    List.of(new InetSocketAddress(LOOPBACK, dhtPort)), 0, List.of(), SwarmConfig.defaults(LOOPBACK)));
            ServiceRegistry services = new ServiceRegistry();
            services.provide(Wallet.class, wallet);
            services.provide(SignatureVerifier.class, PeerWallet::verify);
            services.provide(Network.class, new NetworkService(network));
            services.provide(PeerConsole.class, line -> { });
            services.provide(SidechannelConfig.class, config);
            Path data = Files.createTempDirectory("sidechannel-bench");
            PluginHost plugins = new PluginHost(services, new CommandRegistry(), new ContractApps(), data, line -> { });
            plugins.start("sidechannel", new SidechannelPlugin());
            return new Peer(network, plugins, services.get(Sidechannels.class).orElseThrow());
        }

        @Override
        public void close() {
            plugins.close();
            network.close();
        }
    }
}
