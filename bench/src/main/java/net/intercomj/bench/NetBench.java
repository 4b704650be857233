package net.intercomj.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.net.mux.Channel;
import net.intercomj.host.net.mux.ChannelHandler;
import net.intercomj.host.net.mux.ChannelSpec;
import net.intercomj.host.net.mux.Mux;
import net.intercomj.host.net.mux.MuxConfig;
import net.intercomj.host.net.ping.Pinger;

/**
 * The transport benchmark of the networking issue: two processes on loopback, one serving,
 * one measuring connection set-up, mux-channel round trips (100 B) and one-way throughput
 * (1 KiB messages), printed beside the JavaScript stack's numbers (spec holepunch-digest
 * Part B) and DESIGN §13's targets.
 *
 * <pre>bench/run net [--transport noise|tcp] [--pings 2000] [--seconds 10] [--connects 20] [--joins 20]</pre>
 */
public final class NetBench {

    private NetBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--join-serve")) {
            JoinBench.serve(Integer.parseInt(args[1]));
            return;
        }
        if (args.length > 0 && args[0].equals("--sidechannel-receive")) {
            SidechannelBench.receive(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length > 0 && args[0].equals("--echo-serve")) {
            SocketFloor.serve(args[1].equals("virtual"));
            return;
        }
        Options options = Options.parse(args);
        if (options.serve()) {
            serve(options);
            return;
        }
        run(options);
    }

    /** Options of both roles. */
    record Options(boolean serve, BenchTransport transport, int pings, int seconds, int connects, int joins) {
        static Options parse(String[] args) {
            boolean serve = false;
            String transport = "noise";
            int pings = 2000;
            int seconds = 10;
            int connects = 20;
            int joins = 20;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--serve" -> serve = true;
                    case "--transport" -> transport = args[++i];
                    case "--pings" -> pings = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--connects" -> connects = Integer.parseInt(args[++i]);
                    case "--joins" -> joins = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            return new Options(serve, BenchTransport.named(transport), pings, seconds, connects, joins);
        }

        List<String> childArgs() {
            return List.of("--serve", "--transport", transport.name());
        }
    }

    // ---- the serving process

    private static void serve(Options options) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
            System.out.println("PORT " + listener.getLocalPort());
            System.out.flush();
            while (true) {
                Socket socket = listener.accept();
                Thread.ofVirtual().start(() -> {
                    try {
                        socket.setTcpNoDelay(true);
                        Mux mux = new Mux(options.transport().respond(socket), MuxConfig.DEFAULTS);
                        Pinger.install(mux);
                        mux.register(BenchMessage.PROTOCOL, open -> Optional.of(receiver()));
                        mux.start();
                    } catch (IOException e) {
                        System.err.println("serve: " + e.getMessage());
                    }
                });
            }
        }
    }

    /** Counts data messages and answers {@code Done} with what it saw. */
    private static ChannelSpec<BenchMessage> receiver() {
        return ChannelSpec.of(BenchMessage.PROTOCOL, BenchMessage.CODEC, new ChannelHandler<>() {
            private long received;
            private long first;
            private long last;

            @Override
            public void onMessage(Channel<BenchMessage> channel, BenchMessage message) {
                switch (message) {
                    case BenchMessage.Data data -> {
                        last = System.nanoTime();
                        if (received++ == 0) {
                            first = last;
                        }
                    }
                    case BenchMessage.Done done -> channel.trySend(new BenchMessage.Report(received, last - first));
                    case BenchMessage.Report report -> { }
                }
            }
        });
    }

    // ---- the measuring process

    private static void run(Options options) throws Exception {
        Process server = startServer(options);
        try {
            int port = readPort(server);
            System.out.printf(Locale.ROOT, "Transport %s, two processes on 127.0.0.1, %s%n", options.transport().name(),
                    Runtime.version());
            List<Double> connectMillis = new ArrayList<>();
            for (int i = 0; i < options.connects(); i++) {
                long start = System.nanoTime();
                Mux mux = connect(options, port);
                mux.start();
                connectMillis.add((System.nanoTime() - start) / 1e6);
                mux.close();
            }

            Mux mux = connect(options, port);
            Pinger pinger = Pinger.install(mux);
            CompletableFuture<BenchMessage.Report> report = new CompletableFuture<>();
            mux.start();
            for (int i = 0; i < 200; i++) {
                pinger.ping(100, Duration.ofSeconds(10));
            }
            List<Double> rttMillis = new ArrayList<>();
            for (int i = 0; i < options.pings(); i++) {
                rttMillis.add(pinger.ping(100, Duration.ofSeconds(10)).toNanos() / 1e6);
            }

            Channel<BenchMessage> data = mux.open(ChannelSpec.of(BenchMessage.PROTOCOL, BenchMessage.CODEC,
                    new ChannelHandler<>() {
                        @Override
                        public void onMessage(Channel<BenchMessage> channel, BenchMessage message) {
                            if (message instanceof BenchMessage.Report r) {
                                report.complete(r);
                            }
                        }
                    }));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.seconds());
            long sent = 0;
            while (System.nanoTime() < end) {
                // send() waits while the connection's buffer is full: this is the backpressure path.
                for (int i = 0; i < 256; i++) {
                    data.send(new BenchMessage.Data(sent++, 1024));
                }
            }
            data.send(new BenchMessage.Done());
            BenchMessage.Report result = report.get(60, TimeUnit.SECONDS);
            double rate = (result.received() - 1) / (result.firstToLastNanos() / 1e9);
            mux.close();

            print(options, connectMillis, rttMillis, rate, result.received());
            for (boolean virtual : new boolean[] {true, false}) {
                List<Double> floor = SocketFloor.measure(virtual, 200, options.pings());
                System.out.printf(Locale.ROOT, "| floor: bare TCP ping 100 B, no mux, %s threads, median / p99 of %d"
                        + " | %.3f / %.3f ms | | |%n", virtual ? "virtual" : "platform", floor.size(),
                        percentile(floor, 50), percentile(floor, 99));
            }
            List<Double> joinMillis = JoinBench.run(options.joins());
            System.out.printf(Locale.ROOT, "| join → connected (DHT, Noise, swarm), median / max of %d | %.1f / %.1f ms"
                    + " | 32–41 ms (Hyperswarm, 2 proc); simultaneous joins: 0 of 30 within 15 s | ≤ 10 ms |%n",
                    joinMillis.size(), percentile(joinMillis, 50), percentile(joinMillis, 100));
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Mux connect(Options options, int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        return new Mux(options.transport().initiate(socket), MuxConfig.DEFAULTS);
    }

    private static Process startServer(Options options) throws IOException {
        return startChild(options.childArgs());
    }

    /** This class in a child JVM with {@code args}; its stderr goes to ours. */
    static Process startChild(List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        command.add(NetBench.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static int readPort(Process server) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            throw new IOException("The serving process did not start: " + line);
        }
        return Integer.parseInt(line.substring(5).trim());
    }

    private static void print(Options options, List<Double> connect, List<Double> rtt, double rate, long received) {
        System.out.println();
        System.out.println("| measure | this run | JS stack (holepunch-digest B.3) | target (DESIGN §13) |");
        System.out.println("| --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| connect + handshake, median of %d | %.2f ms | 3.7 ms (TCP + Noise + Protomux) | |%n",
                connect.size(), percentile(connect, 50));
        System.out.printf(Locale.ROOT, "| mux RTT 100 B, median / p99 of %d | %.3f / %.3f ms | 0.24–0.29 / 2.5–3.2 ms (Hyperswarm); "
                + "0.235 / 2.07 ms (TCP + Noise + Protomux) | ≤ 0.12 / ≤ 1 ms |%n", rtt.size(), percentile(rtt, 50),
                percentile(rtt, 99));
        System.out.printf(Locale.ROOT, "| one-way 1 KiB messages, %d s | %.0f k msg/s (%d received) | 55–60 k msg/s (Hyperswarm); "
                + "115 k msg/s (TCP + Noise + Protomux) | ≥ 150 k msg/s |%n", options.seconds(), rate / 1000, received);
    }

    /** Nearest-rank percentile, as the JavaScript measurements used. */
    static double percentile(List<Double> samples, int percent) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
