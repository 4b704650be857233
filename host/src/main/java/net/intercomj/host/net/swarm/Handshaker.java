package net.intercomj.host.net.swarm;

import java.io.IOException;
import java.net.Socket;

/** Turns a fresh TCP socket into an {@link AuthenticatedLink}: the encrypted transport. */
public interface Handshaker {

    AuthenticatedLink initiate(Socket socket) throws IOException;

    AuthenticatedLink respond(Socket socket) throws IOException;
}
