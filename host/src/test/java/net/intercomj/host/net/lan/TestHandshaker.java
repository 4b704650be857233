package net.intercomj.host.net.lan;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.mux.MuxTransport;
import net.intercomj.host.net.swarm.AuthenticatedLink;
import net.intercomj.host.net.swarm.Handshaker;

/**
 * A copy of the swarm tests' PlainHandshaker (package-private there): both sides state their key in
 * plain text, nothing is proven or encrypted. Enough to see that discovery led to a connection.
 */
final class TestHandshaker implements Handshaker {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Bytes32 self;

    TestHandshaker(Bytes32 self) {
        this.self = self;
    }

    @Override
    public AuthenticatedLink initiate(Socket socket) throws IOException {
        return exchange(socket, true);
    }

    @Override
    public AuthenticatedLink respond(Socket socket) throws IOException {
        return exchange(socket, false);
    }

    private AuthenticatedLink exchange(Socket socket, boolean initiator) throws IOException {
        socket.setSoTimeout(5000);
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        OutputStream out = socket.getOutputStream();
        out.write(self.toByteArray());
        out.write(nonce);
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] remoteKey = new byte[32];
        byte[] remoteNonce = new byte[32];
        in.readFully(remoteKey);
        in.readFully(remoteNonce);
        socket.setSoTimeout(0);
        byte[] hash;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            sha.update(initiator ? nonce : remoteNonce);
            sha.update(initiator ? remoteNonce : nonce);
            hash = sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        MuxTransport transport = MuxTransport.of(socket);
        Bytes32 remote = Bytes32.of(remoteKey);
        return new AuthenticatedLink() {
            @Override
            public Bytes32 remotePublicKey() {
                return remote;
            }

            @Override
            public byte[] handshakeHash() {
                return hash.clone();
            }

            @Override
            public InetSocketAddress remoteAddress() {
                return (InetSocketAddress) socket.getRemoteSocketAddress();
            }

            @Override
            public boolean isInitiator() {
                return initiator;
            }

            @Override
            public InputStream input() {
                return transport.input();
            }

            @Override
            public OutputStream output() {
                return transport.output();
            }

            @Override
            public String describe() {
                return remote.shortHex() + "@" + socket.getRemoteSocketAddress();
            }

            @Override
            public void shutdownOutput() throws IOException {
                transport.shutdownOutput();
            }

            @Override
            public void close() throws IOException {
                transport.close();
            }
        };
    }
}
