package net.intercomj.host.net.swarm;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import net.intercomj.host.net.mux.MuxConfig;

/**
 * How a swarm listens, dials and refreshes.
 *
 * @param bindAddress     address the TCP listener binds (a wildcard listens on every interface)
 * @param port            TCP port, 0 for any free one
 * @param maxPeers        connections at most; further ones are refused and nobody is dialled
 * @param maxParallelDials dials in progress at most
 * @param connectTimeout  TCP connect timeout per address
 * @param handshakeTimeout time a new connection has to complete its handshake
 * @param relookupDelay   a topic is looked up again this long after joining, so peers that
 *                        joined at the same instant (each looking before the other had
 *                        announced) still meet
 * @param refreshInterval topics are looked up again (and re-announced) this often, with jitter
 * @param mux             limits of each connection's channels
 */
public record SwarmConfig(InetAddress bindAddress, int port, int maxPeers, int maxParallelDials,
        Duration connectTimeout, Duration handshakeTimeout, Duration relookupDelay, Duration refreshInterval,
        MuxConfig mux) {

    public SwarmConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535 || maxPeers < 1 || maxParallelDials < 1) {
            throw new IllegalArgumentException("Invalid swarm settings: port " + port + ", maxPeers " + maxPeers
                    + ", maxParallelDials " + maxParallelDials);
        }
    }

    /** Any free port on {@code bindAddress}; 64 peers; look again after 300 ms, then every 2 minutes. */
    public static SwarmConfig defaults(InetAddress bindAddress) {
        return new SwarmConfig(bindAddress, 0, 64, 8, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofMillis(300), Duration.ofMinutes(2), MuxConfig.DEFAULTS);
    }

    public SwarmConfig withPort(int newPort) {
        return new SwarmConfig(bindAddress, newPort, maxPeers, maxParallelDials, connectTimeout, handshakeTimeout,
                relookupDelay, refreshInterval, mux);
    }

    public SwarmConfig withMaxPeers(int newMaxPeers) {
        return new SwarmConfig(bindAddress, port, newMaxPeers, maxParallelDials, connectTimeout, handshakeTimeout,
                relookupDelay, refreshInterval, mux);
    }
}
