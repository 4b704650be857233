package net.intercomj.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import net.intercomj.host.cli.HostPort;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.dht.DhtStats;

/**
 * {@code intercom dht-node [--host H] [--port P] [--dht-bootstrap host:port,…]}: a standalone
 * DHT bootstrap node, for peers on several machines to pass as {@code --dht-bootstrap}. Runs
 * until {@code /exit} on its input or SIGTERM; {@code /stats} prints its counters.
 */
final class DhtNodeCommand {

    static final String NAME = "dht-node";
    private static final String USAGE = "Usage: intercom dht-node [--host <address>] [--port <port>]"
            + " [--dht-bootstrap <host:port,...>]";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    DhtNodeCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs the node; returns the exit code. */
    int run(List<String> args) {
        String host = "127.0.0.1";
        int port = DhtConfig.DEFAULT_PORT;
        List<InetSocketAddress> bootstrap = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                err.println("Option " + name + " needs a value.\n" + USAGE);
                return 2;
            }
            try {
                switch (name) {
                    case "--host" -> host = value;
                    case "--port" -> port = parsePort(value);
                    case "--dht-bootstrap", "--peer-dht-bootstrap" -> {
                        for (String entry : value.split(",")) {
                            if (!entry.isBlank()) {
                                HostPort node = HostPort.parse(entry.trim());
                                InetSocketAddress resolved = new InetSocketAddress(node.host(), node.port());
                                if (resolved.isUnresolved()) {
                                    throw new IllegalArgumentException("cannot resolve \"" + node + "\"");
                                }
                                bootstrap.add(resolved);
                            }
                        }
                    }
                    default -> {
                        err.println("Unknown option: " + name + ".\n" + USAGE);
                        return 2;
                    }
                }
            } catch (IllegalArgumentException e) {
                err.println("Invalid " + name + ": " + e.getMessage() + ".");
                return 2;
            }
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            err.println("Invalid --host: cannot resolve \"" + host + "\".");
            return 2;
        }
        if (address.isAnyLocalAddress()) {
            err.println("Invalid --host: give the address peers reach this node at, not " + host
                    + " (a node's id is derived from its address).");
            return 2;
        }
        DhtNode node;
        try {
            node = DhtNode.start(DhtConfig.of(address, port, bootstrap));
        } catch (IOException e) {
            err.println("Cannot bind the DHT node on " + host + ":" + port + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "dht-node-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!bootstrap.isEmpty()) {
            node.bootstrap();
        }
        out.println("DHT node " + node.id().shortHex() + " listening on udp " + address.getHostAddress() + ":"
                + node.localAddress().getPort());
        out.println("Peers join it with --dht-bootstrap " + address.getHostAddress() + ":"
                + node.localAddress().getPort() + ". Commands: /stats, /exit.");
        out.flush();
        try {
            if (!readCommands(node)) {
                // No more input (a service): serve until SIGTERM runs the hook.
                stopped.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            node.close();
        }
        return 0;
    }

    /** Runs commands from the input; true after {@code /exit}, false when the input ends. */
    private boolean readCommands(DhtNode node) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                switch (line.trim()) {
                    case "/exit" -> {
                        out.println("Exiting...");
                        out.flush();
                        return true;
                    }
                    case "/stats" -> {
                        DhtStats stats = node.stats();
                        out.println("nodes known: " + stats.nodesKnown() + ", records held: " + stats.recordsHeld()
                                + " on " + stats.topicsHeld() + " topics, datagrams dropped: "
                                + stats.droppedDatagrams() + ", stores refused: " + stats.refusedStores());
                    }
                    case "" -> { }
                    default -> out.println("Unknown command: " + line.trim() + ". Commands: /stats, /exit.");
                }
                out.flush();
            }
        } catch (IOException e) {
            // Input unreadable: treated as ended.
        }
        return false;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a port number from 1 to 65535, got \"" + value + "\"");
    }
}
