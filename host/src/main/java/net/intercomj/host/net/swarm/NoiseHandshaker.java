package net.intercomj.host.net.swarm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.noise.NoiseIdentity;
import net.intercomj.host.net.noise.SecureConnection;

/** The production {@link Handshaker}: Noise XX with wallet proofs. */
public final class NoiseHandshaker implements Handshaker {

    private final NoiseIdentity identity;
    private final byte[] prologue;
    private final SecureConnection.Timing timing;

    /**
     * @param prologue names the network, so that peers of different networks (the peer
     *                 network, the settlement network) cannot complete a handshake by mistake
     */
    public NoiseHandshaker(NoiseIdentity identity, byte[] prologue, SecureConnection.Timing timing) {
        this.identity = identity;
        this.prologue = prologue.clone();
        this.timing = timing;
    }

    @Override
    public AuthenticatedLink initiate(Socket socket) throws IOException {
        return new Link(SecureConnection.initiate(socket, identity, prologue, timing));
    }

    @Override
    public AuthenticatedLink respond(Socket socket) throws IOException {
        return new Link(SecureConnection.respond(socket, identity, prologue, timing));
    }

    private record Link(SecureConnection connection) implements AuthenticatedLink {
        @Override
        public Bytes32 remotePublicKey() {
            return connection.remotePublicKey();
        }

        @Override
        public byte[] handshakeHash() {
            return connection.handshakeHash();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return connection.remoteAddress();
        }

        @Override
        public boolean isInitiator() {
            return connection.isInitiator();
        }

        @Override
        public InputStream input() {
            return connection.input();
        }

        @Override
        public OutputStream output() {
            return connection.output();
        }

        @Override
        public String describe() {
            return connection.describe();
        }

        @Override
        public void shutdownOutput() throws IOException {
            connection.shutdownOutput();
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
