package net.intercomj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The floor under the mux's round trip: 100-byte pings over a bare loopback TCP socket between
 * two processes, no mux and no encryption, on either kind of thread. The gap between the two
 * kinds is what the JDK's virtual-thread socket path (park, poller, unpark on a carrier)
 * costs on this machine, which no change to the mux can win back.
 */
final class SocketFloor {

    private static final int SIZE = 100;

    private SocketFloor() {}

    /** The serving side (a child process): echoes 100-byte blocks on a thread of the given kind. */
    static void serve(boolean virtual) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("PORT " + server.getLocalPort());
            System.out.flush();
            Thread echo = thread(virtual, () -> {
                try (Socket socket = server.accept()) {
                    socket.setTcpNoDelay(true);
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    byte[] block = new byte[SIZE];
                    while (in.readNBytes(block, 0, SIZE) == SIZE) {
                        out.write(block);
                    }
                }
                return null;
            }, new AtomicReference<>());
            echo.join();
        }
    }

    /** Round trips in milliseconds, measured from a thread of the given kind. */
    static List<Double> measure(boolean virtual, int warmUp, int pings) throws Exception {
        Process server = NetBench.startChild(List.of("--echo-serve", virtual ? "virtual" : "platform"));
        try {
            int port = NetBench.readPort(server);
            List<Double> millis = new ArrayList<>();
            AtomicReference<Exception> failure = new AtomicReference<>();
            thread(virtual, () -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    socket.setTcpNoDelay(true);
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    byte[] block = new byte[SIZE];
                    for (int i = 0; i < warmUp + pings; i++) {
                        long start = System.nanoTime();
                        out.write(block);
                        if (in.readNBytes(block, 0, SIZE) != SIZE) {
                            throw new IOException("the echo process closed the connection");
                        }
                        if (i >= warmUp) {
                            millis.add((System.nanoTime() - start) / 1e6);
                        }
                    }
                }
                return null;
            }, failure).join();
            if (failure.get() != null) {
                throw failure.get();
            }
            return millis;
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private interface Body {
        Void run() throws Exception;
    }

    private static Thread thread(boolean virtual, Body body, AtomicReference<Exception> failure) {
        Runnable task = () -> {
            try {
                body.run();
            } catch (Exception e) {
                failure.set(e);
            }
        };
        return virtual ? Thread.ofVirtual().start(task) : Thread.ofPlatform().start(task);
    }
}
