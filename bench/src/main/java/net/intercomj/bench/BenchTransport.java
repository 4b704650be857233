package net.intercomj.bench;

import java.io.IOException;
import java.net.Socket;
import net.intercomj.host.net.mux.MuxTransport;

/** What the mux runs on in a benchmark: plain TCP (the baseline) or the encrypted transport. */
sealed interface BenchTransport {

    String name();

    MuxTransport initiate(Socket socket) throws IOException;

    MuxTransport respond(Socket socket) throws IOException;

    static BenchTransport named(String name) {
        return switch (name) {
            case "tcp" -> new Tcp();
            default -> throw new IllegalArgumentException("Unknown transport " + name + " (tcp)");
        };
    }

    /** Plain TCP, no encryption: what the encrypted numbers are compared with. */
    record Tcp() implements BenchTransport {
        @Override
        public String name() {
            return "tcp";
        }

        @Override
        public MuxTransport initiate(Socket socket) throws IOException {
            return MuxTransport.of(socket);
        }

        @Override
        public MuxTransport respond(Socket socket) throws IOException {
            return MuxTransport.of(socket);
        }
    }
}
