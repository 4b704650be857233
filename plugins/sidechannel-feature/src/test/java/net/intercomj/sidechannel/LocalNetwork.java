package net.intercomj.sidechannel;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.Firewall;
import net.intercomj.host.wallet.PeerWallet;

/** One test's network on 127.0.0.1: a bootstrap node and the peers started on it, all closed together. */
final class LocalNetwork implements AutoCloseable {

    private final DhtNode bootstrap;
    private final Path data;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    LocalNetwork(Path data) throws Exception {
        this.bootstrap = DhtNode.start(DhtConfig.of(InetAddress.getLoopbackAddress(), 0, List.of()));
        this.data = data;
    }

    /** A peer running the plugin, its files in {@code folder} under the test's data folder. */
    TestPeer peer(SidechannelConfig config, PeerWallet wallet, Firewall firewall, String folder) throws Exception {
        TestPeer peer = TestPeer.start(bootstrap, config, wallet, firewall, data.resolve(folder));
        open.add(peer);
        return peer;
    }

    /** A peer without the plugin, speaking the protocol by hand. */
    RawPeer rawPeer() throws Exception {
        RawPeer peer = new RawPeer(bootstrap);
        open.add(peer);
        return peer;
    }

    /** Closes the peers together (each close waits up to 2 s for its unannouncements), then the bootstrap node. */
    @Override
    public void close() throws Exception {
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            for (AutoCloseable closeable : open) {
                closing.submit(() -> {
                    closeable.close();
                    return null;
                });
            }
        }
        bootstrap.close();
    }
}
