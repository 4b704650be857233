package net.intercomj.host.net.dht;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a DHT node binds, whom it asks first, and its limits.
 *
 * @param bindAddress    a specific address (not a wildcard): the node's id is the hash of
 *                       the address it is reached at
 * @param port           UDP port, 0 for any free one
 * @param bootstrap      nodes to join through; empty for a first node
 * @param requestTimeout time to wait for each try of a request
 * @param tries          tries per request
 * @param recordTtl      how long a stored record lives unless re-announced
 * @param maxRecordsPerTopic records stored per topic at most
 * @param maxRecords     records stored in all at most
 * @param clock          time source of expiry and token rotation
 */
public record DhtConfig(InetAddress bindAddress, int port, List<InetSocketAddress> bootstrap, Duration requestTimeout,
        int tries, Duration recordTtl, int maxRecordsPerTopic, int maxRecords, Clock clock) {

    /** The well-known port of the zero-config bootstrap node (HyperDHT's, for familiarity). */
    public static final int DEFAULT_PORT = 49737;

    public DhtConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (bindAddress.isAnyLocalAddress()) {
            throw new IllegalArgumentException("A DHT node binds a specific address, not " + bindAddress.getHostAddress()
                    + ": its id is derived from the address it is reached at");
        }
        bootstrap = List.copyOf(bootstrap);
        if (tries < 1 || maxRecordsPerTopic < 1 || maxRecords < 1) {
            throw new IllegalArgumentException("Invalid DHT limits");
        }
    }

    /** A node on {@code bindAddress}:{@code port} joining through {@code bootstrap}, with default limits. */
    public static DhtConfig of(InetAddress bindAddress, int port, List<InetSocketAddress> bootstrap) {
        return new DhtConfig(bindAddress, port, bootstrap, Duration.ofMillis(500), 2, Duration.ofMinutes(20), 64,
                20_000, Clock.systemUTC());
    }

    public DhtConfig withClock(Clock newClock) {
        return new DhtConfig(bindAddress, port, bootstrap, requestTimeout, tries, recordTtl, maxRecordsPerTopic,
                maxRecords, newClock);
    }

    public DhtConfig withLimits(int perTopic, int total) {
        return new DhtConfig(bindAddress, port, bootstrap, requestTimeout, tries, recordTtl, perTopic, total, clock);
    }
}
