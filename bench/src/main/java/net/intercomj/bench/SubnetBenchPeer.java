package net.intercomj.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.SubnetTopics;
import net.intercomj.host.wallet.PeerWallet;

/**
 * One peer of {@link SubnetBench} in a process of its own. It joins the subnet and reports on
 * stdout, with {@link System#nanoTime()} (the machine's monotonic clock, the same in every
 * process on Linux), when each chat message appears in its views:
 * {@code KEY <writer key>}, then {@code U <n> <nanos>} and {@code C <n> <nanos>} for message
 * {@code n} unconfirmed and confirmed. On stdin, {@code rollbacks} answers {@code R <count>} and
 * {@code quit} stops it.
 *
 * <pre>SubnetBenchPeer --dht 127.0.0.1:PORT --subnet HEX --folder DIR</pre>
 */
public final class SubnetBenchPeer {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private SubnetBenchPeer() {}

    public static void main(String[] args) throws Exception {
        String dht = null;
        String subnet = null;
        Path folder = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dht" -> dht = args[++i];
                case "--subnet" -> subnet = args[++i];
                case "--folder" -> folder = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (dht == null || subnet == null || folder == null) {
            throw new IllegalArgumentException("--dht, --subnet and --folder are needed");
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int colon = dht.lastIndexOf(':');
        InetSocketAddress bootstrap = new InetSocketAddress(dht.substring(0, colon), Integer.parseInt(dht.substring(colon + 1)));
        WriterKey key = WriterKey.loadOrCreate(folder.resolve("writer.key"));
        Bytes32 subnetKey = Bytes32.fromHex(subnet);
        try (PeerNetwork network = PeerNetwork.start(PeerWallet.generate(), new PeerNetwork.Settings(List.of(bootstrap), 0,
                List.of(), SwarmConfig.defaults(LOOPBACK)));
                SubnetNode node = SubnetNode.start(new SubnetNode.Config(folder.resolve("subnet"), subnetKey,
                        SubnetTopics.of("bench").toByteArray(), key), new NetworkService(network),
                        StandardOps.applier(subnetKey), line -> { })) {
            Reporter reporter = new Reporter(node, out);
            node.onViewsChanged(reporter::report);
            synchronized (out) {
                out.println("KEY " + key.publicKeyHex());
                out.flush();
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("rollbacks")) {
                    synchronized (out) {
                        out.println("R " + node.stats().rollbacks());
                        out.flush();
                    }
                }
            }
        }
    }

    /** Prints each message's first appearance in each view; runs on the subnet's apply thread. */
    private static final class Reporter {
        private final SubnetNode node;
        private final PrintStream out;
        private int nextUnconfirmed;
        private int nextConfirmed;

        Reporter(SubnetNode node, PrintStream out) {
            this.node = node;
            this.out = out;
        }

        void report() {
            long now = System.nanoTime();
            synchronized (out) {
                while (node.unconfirmed().get("msg/" + nextUnconfirmed).isPresent()) {
                    out.println("U " + nextUnconfirmed++ + " " + now);
                }
                while (node.confirmed().get("msg/" + nextConfirmed).isPresent()) {
                    out.println("C " + nextConfirmed++ + " " + now);
                }
                out.flush();
            }
        }
    }
}
