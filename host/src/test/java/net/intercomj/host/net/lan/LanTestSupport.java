package net.intercomj.host.net.lan;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.swarm.PeerAddress;

/** Shared by the LAN tests: a group and port of their own, and a way to multicast raw datagrams. */
final class LanTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LanTestSupport() {}

    /**
     * A random group in 239.255.0.0/16 and a random high port, so concurrent builds on this
     * machine do not hear each other; short windows so tests run quickly.
     */
    static LanConfig testConfig() {
        try {
            InetAddress group = InetAddress.getByAddress(new byte[] {(byte) 239, (byte) 255,
                    (byte) (1 + RANDOM.nextInt(250)), (byte) (1 + RANDOM.nextInt(250))});
            return LanConfig.defaults().withGroup(group, 20_000 + RANDOM.nextInt(30_000))
                    .withLookupWindow(Duration.ofMillis(100));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static Bytes32 randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Bytes32.of(key);
    }

    /** One round of {@code discovery.lookup}, everything it handed over. */
    static List<PeerAddress> lookupOnce(LanDiscovery discovery, Bytes32 topic) {
        List<PeerAddress> found = new CopyOnWriteArrayList<>();
        discovery.lookup(topic, found::add);
        return found;
    }

    /** Multicasts arbitrary bytes to the group of a config, as a hostile or broken peer would. */
    static final class RawSender implements AutoCloseable {

        private final DatagramChannel channel;
        private final InetSocketAddress target;

        RawSender(LanConfig config) throws IOException {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            NetworkInterface nic = LanDiscovery.candidates(config).get(0);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic);
            target = new InetSocketAddress(config.group(), config.port());
        }

        void send(byte[] datagram) throws IOException {
            channel.send(ByteBuffer.wrap(datagram), target);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
