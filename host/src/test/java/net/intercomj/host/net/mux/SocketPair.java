package net.intercomj.host.net.mux;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Two connected loopback sockets. */
record SocketPair(Socket client, Socket server) implements AutoCloseable {

    static SocketPair open() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            Socket server = listener.accept();
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            return new SocketPair(client, server);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
