package net.intercomj.host.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtDiscovery;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.noise.NoiseIdentity;
import net.intercomj.host.net.noise.SecureConnection;
import net.intercomj.host.net.ping.Pinger;
import net.intercomj.host.net.swarm.CombinedDiscovery;
import net.intercomj.host.net.swarm.Discovery;
import net.intercomj.host.net.swarm.Firewall;
import net.intercomj.host.net.swarm.NoiseHandshaker;
import net.intercomj.host.net.swarm.PeerConnection;
import net.intercomj.host.net.swarm.Swarm;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.net.swarm.SwarmListener;
import net.intercomj.host.wallet.PeerWallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's network, assembled: a DHT node (the zero-config one of this machine, or one
 * joined through {@code --dht-bootstrap}), optional LAN discovery, and the swarm on the
 * encrypted transport. Each connection answers pings. The owner joins topics, e.g.
 * {@link #topicOf}({@link #ENTRY_CHANNEL}), the one every peer meets on.
 */
public final class PeerNetwork implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerNetwork.class);

    /** The prologue of the peer network's handshakes; the settlement network will use its own. */
    static final byte[] PROLOGUE = "intercom/peer-network/1".getBytes(StandardCharsets.UTF_8);

    /** The sidechannel entry channel every peer joins, as upstream: SHA-256("sidechannel:0000intercom"). */
    public static final String ENTRY_CHANNEL = "0000intercom";

    /**
     * How to run the network.
     *
     * @param dhtBootstrap   DHT nodes to join through; empty for the zero-config node of this machine
     * @param zeroConfigPort the well-known port of the zero-config node
     * @param lanDiscovery   discoveries to add to the DHT (the LAN one), possibly none
     * @param swarm          how the swarm listens and dials
     * @param firewall       which peers to keep connections with
     */
    public record Settings(List<InetSocketAddress> dhtBootstrap, int zeroConfigPort, List<Discovery> lanDiscovery,
            SwarmConfig swarm, Firewall firewall) {
        public Settings {
            dhtBootstrap = List.copyOf(dhtBootstrap);
            lanDiscovery = List.copyOf(lanDiscovery);
            Objects.requireNonNull(firewall, "firewall");
        }

        /** Settings that keep connections with every peer. */
        public Settings(List<InetSocketAddress> dhtBootstrap, int zeroConfigPort, List<Discovery> lanDiscovery,
                SwarmConfig swarm) {
            this(dhtBootstrap, zeroConfigPort, lanDiscovery, swarm, Firewall.OPEN);
        }
    }

    private final DhtNode dht;
    private final Swarm swarm;
    private final Discovery discovery;
    private final Map<PeerConnection, Pinger> pingers = new ConcurrentHashMap<>();
    private final List<SwarmListener> listeners = new CopyOnWriteArrayList<>();

    private PeerNetwork(DhtNode dht, Discovery discovery, PeerWallet wallet, Settings settings) throws IOException {
        this.dht = dht;
        this.discovery = discovery;
        NoiseHandshaker handshaker = new NoiseHandshaker(NoiseIdentity.of(wallet), PROLOGUE,
                SecureConnection.Timing.DEFAULTS);
        this.swarm = Swarm.start(settings.swarm(), Bytes32.of(wallet.publicKey()), handshaker, discovery,
                new Dispatcher(), settings.firewall());
    }

    /** Starts the DHT node, the discoveries and the swarm. */
    public static PeerNetwork start(PeerWallet wallet, Settings settings) throws IOException {
        DhtNode dht = settings.dhtBootstrap().isEmpty()
                ? DhtNode.startZeroConfig(DhtConfig.of(InetAddress.getLoopbackAddress(), 0, List.of()),
                        settings.zeroConfigPort())
                : DhtNode.start(DhtConfig.of(routeTo(settings.dhtBootstrap().get(0)), 0, settings.dhtBootstrap()));
        List<Discovery> parts = new ArrayList<>();
        parts.add(new DhtDiscovery(dht, wallet));
        parts.addAll(settings.lanDiscovery());
        Discovery discovery = new CombinedDiscovery(parts);
        PeerNetwork network;
        try {
            if (!settings.dhtBootstrap().isEmpty()) {
                dht.bootstrap();
                if (dht.stats().nodesKnown() == 0) {
                    LOG.warn("No DHT bootstrap node answered ({}); peers will be found on the LAN only until one does",
                            settings.dhtBootstrap());
                }
            }
            network = new PeerNetwork(dht, discovery, wallet, settings);
        } catch (IOException | RuntimeException e) {
            discovery.close();
            throw e;
        }
        return network;
    }

    /** The topic of a sidechannel name, as upstream derives it. */
    public static Bytes32 topicOf(String channel) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return Bytes32.of(sha256.digest(("sidechannel:" + channel.trim()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    /** Adds a listener for connection events (plugins, later planes). */
    public void addListener(SwarmListener listener) {
        listeners.add(listener);
    }

    public Swarm swarm() {
        return swarm;
    }

    public DhtNode dht() {
        return dht;
    }

    /** The DHT nodes this peer joined through, for the banner. */
    public List<InetSocketAddress> dhtBootstrapNodes() {
        return dht.bootstrapNodes().isEmpty() ? List.of(dht.localAddress()) : dht.bootstrapNodes();
    }

    /** Measures the round trip to a connected peer. */
    public Optional<Pinger> pinger(Bytes32 remoteKey) {
        return swarm.connection(remoteKey).map(pingers::get);
    }

    /** Lines for {@code /stats}: the DHT, the swarm's topics and each connection. */
    public List<String> statsLines() {
        List<String> lines = new ArrayList<>();
        lines.add("network.listen: " + swarm.listenAddress().getAddress().getHostAddress() + ":"
                + swarm.listenAddress().getPort());
        lines.add("network.discovery: " + discovery.describe());
        lines.add("network.topics: " + swarm.topics().size());
        List<PeerConnection> connections = swarm.connections();
        lines.add("network.connections: " + connections.size());
        Instant now = Instant.now();
        for (PeerConnection connection : connections) {
            lines.add("  " + connection.remotePublicKey().toHex() + " " + connection.remoteAddress().getAddress()
                    .getHostAddress() + ":" + connection.remoteAddress().getPort()
                    + (connection.isInitiator() ? " out" : " in")
                    + " topics=" + connection.topics().size()
                    + " in=" + connection.stats().bytesIn() + "B out=" + connection.stats().bytesOut() + "B"
                    + " age=" + Duration.between(connection.connectedAt(), now).toSeconds() + "s");
        }
        return lines;
    }

    @Override
    public void close() {
        swarm.close();
        discovery.close();
    }

    /** The local address the OS would use to reach {@code target}: where a DHT node there can reach us. */
    private static InetAddress routeTo(InetSocketAddress target) throws IOException {
        if (target.getAddress().isLoopbackAddress()) {
            return InetAddress.getLoopbackAddress();
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(target);
            InetAddress local = probe.getLocalAddress();
            if (local.isAnyLocalAddress()) {
                throw new IOException("No route to the DHT bootstrap node " + target);
            }
            return local;
        }
    }

    /** Installs ping answering on each connection, then tells the other listeners. */
    private final class Dispatcher implements SwarmListener {
        @Override
        public void onConnection(PeerConnection connection) {
            pingers.put(connection, Pinger.install(connection.mux()));
            LOG.info("Connected to {} ({})", connection.remotePublicKey().shortHex(), connection.remoteAddress());
            listeners.forEach(listener -> listener.onConnection(connection));
        }

        @Override
        public void onTopic(PeerConnection connection, Bytes32 topic) {
            listeners.forEach(listener -> listener.onTopic(connection, topic));
        }

        @Override
        public void onDisconnection(PeerConnection connection, String reason) {
            pingers.remove(connection);
            LOG.info("Disconnected from {}: {}", connection.remotePublicKey().shortHex(), reason);
            listeners.forEach(listener -> listener.onDisconnection(connection, reason));
        }
    }
}
