package net.intercomj.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.PeerConnection;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.net.swarm.SwarmListener;
import net.intercomj.host.wallet.PeerWallet;

/**
 * Join → connected across two processes, as the JavaScript measurement did it (sequential
 * join): a serving process announces a fresh topic, then a fresh client peer joins it and the
 * clock runs from {@code join()} to the connection sharing the topic.
 */
final class JoinBench {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private JoinBench() {}

    /** The serving process: joins each topic read from stdin as a server, answers JOINED once announced. */
    static void serve(int dhtPort) throws Exception {
        PeerNetwork network = PeerNetwork.start(PeerWallet.generate(), settings(dhtPort));
        System.out.println("KEY " + network.swarm().selfAddress().publicKey().toHex());
        System.out.flush();
        BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            Bytes32 topic = Bytes32.fromHex(line.trim());
            network.swarm().join(topic, true, false);
            network.swarm().flush().get(30, TimeUnit.SECONDS);
            System.out.println("JOINED " + topic.toHex());
            System.out.flush();
        }
        network.close();
    }

    /** Runs {@code trials} joins and returns their times in milliseconds. */
    static List<Double> run(int trials) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (DhtNode dht = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()))) {
            Process server = NetBench.startChild(List.of("--join-serve", String.valueOf(dht.localAddress().getPort())));
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                        StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8);
                String keyLine = out.readLine();
                if (keyLine == null || !keyLine.startsWith("KEY ")) {
                    throw new IOException("The serving process did not start: " + keyLine);
                }
                Bytes32 serverKey = Bytes32.fromHex(keyLine.substring(4));
                SecureRandom random = new SecureRandom();
                for (int i = 0; i < trials + 3; i++) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    Bytes32 topic = Bytes32.of(bytes);
                    in.write(topic.toHex() + "\n");
                    in.flush();
                    String joined = out.readLine();
                    if (joined == null || !joined.equals("JOINED " + topic.toHex())) {
                        throw new IOException("The serving process did not join: " + joined);
                    }
                    double elapsed = timeJoin(dht.localAddress().getPort(), topic, serverKey);
                    if (i >= 3) {
                        // The first joins warm the JIT up and are not counted.
                        millis.add(elapsed);
                    }
                }
            } finally {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
        return millis;
    }

    private static double timeJoin(int dhtPort, Bytes32 topic, Bytes32 serverKey) throws Exception {
        CompletableFuture<Long> connected = new CompletableFuture<>();
        try (PeerNetwork client = PeerNetwork.start(PeerWallet.generate(), settings(dhtPort))) {
            client.addListener(new SwarmListener() {
                @Override
                public void onTopic(PeerConnection connection, Bytes32 shared) {
                    if (shared.equals(topic) && connection.remotePublicKey().equals(serverKey)) {
                        connected.complete(System.nanoTime());
                    }
                }
            });
            long start = System.nanoTime();
            client.swarm().join(topic, false, true);
            return (connected.get(30, TimeUnit.SECONDS) - start) / 1e6;
        }
    }

    private static PeerNetwork.Settings settings(int dhtPort) {
        return new PeerNetwork.Settings(List.of(new InetSocketAddress(LOOPBACK, dhtPort)), 0, List.of(),
                SwarmConfig.defaults(LOOPBACK));
    }
}
