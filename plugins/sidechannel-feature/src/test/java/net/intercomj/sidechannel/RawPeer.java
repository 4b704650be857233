package net.intercomj.sidechannel;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.network.PeerLink;
import net.intercomj.api.network.Port;
import net.intercomj.api.network.PortHandler;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.wallet.PeerWallet;

/**
 * A peer without the plugin that speaks the sidechannel protocol by hand: what a hostile or
 * buggy peer can send, and what an uninvited listener would see.
 */
final class RawPeer implements AutoCloseable {

    final PeerWallet wallet = PeerWallet.generate();
    final PeerNetwork network;
    final NetworkService links;
    final List<byte[]> received = new CopyOnWriteArrayList<>();

    RawPeer(DhtNode bootstrap) throws Exception {
        network = PeerNetwork.start(wallet, new PeerNetwork.Settings(List.of(bootstrap.localAddress()), 0, List.of(),
                SwarmConfig.defaults(InetAddress.getLoopbackAddress())));
        links = new NetworkService(network);
    }

    /** Joins {@code channel}'s topic and opens its protocol to {@code peer}; resolves once open. */
    Port open(String channel, TestPeer peer) throws Exception {
        network.swarm().join(PeerNetwork.topicOf(channel), true, true);
        network.swarm().joinPeer(peer.networkKey());
        PeerLink link = awaitLink(peer);
        CompletableFuture<Port> opened = new CompletableFuture<>();
        link.open("sidechannel/" + channel, new PortHandler() {
            @Override
            public void onOpen(Port port) {
                opened.complete(port);
            }

            @Override
            public void onMessage(Port port, byte[] message) {
                received.add(message);
            }

            @Override
            public void onClose(Port port) {
                opened.completeExceptionally(new IllegalStateException("refused"));
            }
        });
        return opened.get(20, TimeUnit.SECONDS);
    }

    private PeerLink awaitLink(TestPeer peer) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> links.links().stream().filter(l -> l.remoteKey().equals(peer.key())).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    String key() {
        return wallet.publicKeyHex();
    }

    @Override
    public void close() {
        network.close();
    }
}
