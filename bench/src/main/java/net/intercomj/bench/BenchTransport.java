package net.intercomj.bench;

import java.io.IOException;
import java.net.Socket;
import net.intercomj.host.net.mux.MuxTransport;
import net.intercomj.host.net.noise.NoiseIdentity;
import net.intercomj.host.net.noise.SecureConnection;
import net.intercomj.host.wallet.PeerWallet;

/** What the mux runs on in a benchmark: the encrypted transport, or plain TCP as the baseline. */
sealed interface BenchTransport {

    String name();

    MuxTransport initiate(Socket socket) throws IOException;

    MuxTransport respond(Socket socket) throws IOException;

    static BenchTransport named(String name) {
        return switch (name) {
            case "tcp" -> new Tcp();
            case "noise" -> new Noise(NoiseIdentity.of(PeerWallet.generate()));
            default -> throw new IllegalArgumentException("Unknown transport " + name + " (noise or tcp)");
        };
    }

    /** The peer's transport: Noise XX with wallet proofs, records of up to 64 KiB. */
    record Noise(NoiseIdentity identity) implements BenchTransport {
        private static final byte[] PROLOGUE = "intercom/bench".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        @Override
        public String name() {
            return "noise";
        }

        @Override
        public MuxTransport initiate(Socket socket) throws IOException {
            return SecureConnection.initiate(socket, identity, PROLOGUE, SecureConnection.Timing.DEFAULTS);
        }

        @Override
        public MuxTransport respond(Socket socket) throws IOException {
            return SecureConnection.respond(socket, identity, PROLOGUE, SecureConnection.Timing.DEFAULTS);
        }
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
