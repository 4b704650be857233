package net.intercomj.host.net.swarm;

import java.net.InetSocketAddress;
import net.intercomj.host.net.Bytes32;

/** Decides whether to keep a connection with a peer; asked before dialling and after every handshake. */
@FunctionalInterface
public interface Firewall {

    /** Allows everyone. */
    Firewall OPEN = (key, address) -> true;

    boolean allows(Bytes32 remotePublicKey, InetSocketAddress address);
}
