package net.intercomj.host.net.swarm;

import java.net.InetSocketAddress;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.mux.MuxTransport;

/** A connection whose other end has proved its identity: what the swarm runs a mux on. */
public interface AuthenticatedLink extends MuxTransport {

    /** The other peer's public key, proven during the handshake. */
    Bytes32 remotePublicKey();

    /** A value both ends share and nobody else knows: binds exchanges to this connection. */
    byte[] handshakeHash();

    InetSocketAddress remoteAddress();

    /** Whether this side dialled. */
    boolean isInitiator();
}
