package net.intercomj.host.net.swarm;

import java.io.Closeable;
import java.util.function.Consumer;
import net.intercomj.host.net.Bytes32;

/**
 * A way to find peers by topic: the DHT, the LAN, or both. Calls block for one round of the
 * operation and run on virtual threads; failures are logged by the implementation, not
 * thrown, because discovery is retried on a schedule anyway.
 */
public interface Discovery extends Closeable {

    /** Makes {@code self} findable under {@code topic} (one round; the swarm repeats it). */
    void announce(Bytes32 topic, PeerAddress self);

    /** Stops advertising {@code self} under {@code topic}, best effort. */
    void unannounce(Bytes32 topic, PeerAddress self);

    /** Finds peers under {@code topic}, handing each to {@code found} as soon as it is known. */
    void lookup(Bytes32 topic, Consumer<PeerAddress> found);

    /** One line for {@code /stats}, e.g. nodes known and records held. */
    String describe();

    @Override
    void close();
}
