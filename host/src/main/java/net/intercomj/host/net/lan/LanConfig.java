package net.intercomj.host.net.lan;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How LAN discovery listens, answers and remembers.
 *
 * @param group             IPv4 multicast group the datagrams go to
 * @param port              UDP port of the group, shared by every peer on the machine
 * @param interfaces        names of the interfaces to join on; empty for every interface that
 *                          is up, multicast-capable and has an IPv4 address
 * @param lookupWindow      how long a lookup waits for answers to its query
 * @param answerDelay       answers to a query wait a random time below this, so that peers
 *                          answering the same query do not all send in the same instant
 * @param answerSuppression an announcement multicast less than this long ago is not sent again
 *                          in answer to a query: the querier's cache heard it already
 * @param cacheExpiry       how long a heard announcement stays usable without being heard again
 * @param maxPeersPerTopic  announcements kept per topic at most (least recently heard go first)
 * @param maxPeers          announcements kept in total at most
 * @param ttl               multicast time-to-live; 1 keeps datagrams on the local link
 */
public record LanConfig(InetAddress group, int port, Set<String> interfaces, Duration lookupWindow,
        Duration answerDelay, Duration answerSuppression, Duration cacheExpiry, int maxPeersPerTopic, int maxPeers,
        int ttl) {

    /** The default group, in the organisation-local scope 239.255.0.0/16. */
    public static final InetAddress DEFAULT_GROUP = ipv4(239, 255, 77, 37);
    /** The default UDP port. */
    public static final int DEFAULT_PORT = 49738;

    public LanConfig {
        Objects.requireNonNull(group, "group");
        interfaces = Set.copyOf(interfaces);
        if (!(group instanceof Inet4Address) || !group.isMulticastAddress()) {
            throw new IllegalArgumentException("Not an IPv4 multicast group: " + group);
        }
        if (port < 1 || port > 65535 || maxPeersPerTopic < 1 || maxPeers < 1 || ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("Invalid LAN discovery settings: port " + port + ", maxPeersPerTopic "
                    + maxPeersPerTopic + ", maxPeers " + maxPeers + ", ttl " + ttl);
        }
        if (!lookupWindow.isPositive() || answerDelay.isNegative() || answerSuppression.isNegative()
                || !cacheExpiry.isPositive()) {
            throw new IllegalArgumentException(
                    "LAN discovery durations must not be negative (window and expiry positive)");
        }
    }

    /**
     * Group 239.255.77.37 port 49738 on every suitable interface; lookups wait 250 ms; answers
     * within 50 ms, not repeated within 200 ms; announcements kept 4 minutes (twice the swarm's
     * refresh), 64 per topic and 1024 in all; TTL 1.
     */
    public static LanConfig defaults() {
        return new LanConfig(DEFAULT_GROUP, DEFAULT_PORT, Set.of(), Duration.ofMillis(250), Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ofMinutes(4), 64, 1024, 1);
    }

    public LanConfig withGroup(InetAddress newGroup, int newPort) {
        return new LanConfig(newGroup, newPort, interfaces, lookupWindow, answerDelay, answerSuppression, cacheExpiry,
                maxPeersPerTopic, maxPeers, ttl);
    }

    public LanConfig withInterfaces(Set<String> newInterfaces) {
        return new LanConfig(group, port, newInterfaces, lookupWindow, answerDelay, answerSuppression, cacheExpiry,
                maxPeersPerTopic, maxPeers, ttl);
    }

    public LanConfig withCacheExpiry(Duration newExpiry) {
        return new LanConfig(group, port, interfaces, lookupWindow, answerDelay, answerSuppression, newExpiry,
                maxPeersPerTopic, maxPeers, ttl);
    }

    public LanConfig withCacheBounds(int newMaxPeersPerTopic, int newMaxPeers) {
        return new LanConfig(group, port, interfaces, lookupWindow, answerDelay, answerSuppression, cacheExpiry,
                newMaxPeersPerTopic, newMaxPeers, ttl);
    }

    public LanConfig withLookupWindow(Duration newWindow) {
        return new LanConfig(group, port, interfaces, newWindow, answerDelay, answerSuppression, cacheExpiry,
                maxPeersPerTopic, maxPeers, ttl);
    }

    private static InetAddress ipv4(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
