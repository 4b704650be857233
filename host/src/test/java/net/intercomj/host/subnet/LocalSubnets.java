package net.intercomj.host.subnet;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.wallet.PeerWallet;

/**
 * Real subnet peers in one JVM on 127.0.0.1, for tests: a DHT bootstrap node, and per peer a
 * wallet, a network and a {@link SubnetNode} with its store under a test folder. Closing stops
 * them all, the networks in parallel.
 */
public final class LocalSubnets implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** One peer: its wallet (signs ops), network, node and apply log. */
    public record Peer(PeerWallet wallet, PeerNetwork network, SubnetNode node, List<String> log) {
        public String pubkey() {
            return wallet.publicKeyHex();
        }
    }

    private final Path folder;
    private final String channel;
    private DhtNode bootstrap;
    private final List<PeerNetwork> networks = new CopyOnWriteArrayList<>();
    private final List<SubnetNode> nodes = new CopyOnWriteArrayList<>();

    /** @param folder where the peers' stores go; {@code channel} names the subnet's topic */
    public LocalSubnets(Path folder, String channel) {
        this.folder = folder;
        this.channel = channel;
    }

    /**
     * Starts peer {@code name} on {@code subnetOrNull}, or on a subnet of its own when null,
     * applying ops with what {@code ops} makes for the subnet.
     */
    public Peer start(String name, Bytes32 subnetOrNull, Function<Bytes32, OpApplier> ops) throws Exception {
        if (bootstrap == null) {
            bootstrap = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()));
        }
        PeerWallet wallet = PeerWallet.generate();
        PeerNetwork network = PeerNetwork.start(wallet, new PeerNetwork.Settings(
                List.of(bootstrap.localAddress()), 0, List.of(), SwarmConfig.defaults(LOOPBACK)));
        networks.add(network);
        WriterKey writerKey = WriterKey.loadOrCreate(folder.resolve(name + ".writer"));
        Bytes32 subnet = subnetOrNull != null ? subnetOrNull : Bytes32.of(writerKey.publicKey());
        List<String> log = new CopyOnWriteArrayList<>();
        SubnetNode node = SubnetNode.start(new SubnetNode.Config(folder.resolve(name), subnet,
                SubnetTopics.of(channel).toByteArray(), writerKey), new NetworkService(network), ops.apply(subnet),
                log::add);
        nodes.add(node);
        return new Peer(wallet, network, node, log);
    }

    @Override
    public void close() throws Exception {
        nodes.forEach(SubnetNode::close);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            networks.forEach(network -> executor.submit(network::close));
        }
        if (bootstrap != null) {
            bootstrap.close();
        }
    }
}
