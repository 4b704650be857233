package net.intercomj.sidechannel;

import java.util.ArrayDeque;
import java.util.Queue;
import net.intercomj.api.network.Port;

/**
 * One channel's port on one link, and what was already sent on it. Guarded by the plane's lock.
 */
final class PortState {

    /** Messages sent before the other side opened the port wait here, up to this many. */
    static final int MAX_PENDING = 256;

    final String channel;
    Port port;
    boolean open;
    boolean authSent;
    boolean welcomeSent;
    final Queue<byte[]> pending = new ArrayDeque<>();

    PortState(String channel) {
        this.channel = channel;
    }

    /** Sends now if the port is open, else keeps it for when it opens; false when it cannot. */
    boolean sendOrKeep(byte[] message) {
        if (open) {
            return port.trySend(message);
        }
        if (pending.size() >= MAX_PENDING) {
            return false;
        }
        pending.add(message);
        return true;
    }
}
