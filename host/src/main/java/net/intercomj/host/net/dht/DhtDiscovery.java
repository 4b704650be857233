package net.intercomj.host.net.dht;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.swarm.Discovery;
import net.intercomj.host.net.swarm.PeerAddress;
import net.intercomj.host.wallet.PeerWallet;

/** The swarm's discovery through a DHT node, which it owns and closes. */
public final class DhtDiscovery implements Discovery {

    private final DhtNode node;
    private final PeerWallet signer;
    /** Starts at the clock so a restarted peer's records replace its older ones. */
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis());

    public DhtDiscovery(DhtNode node, PeerWallet signer) {
        this.node = node;
        this.signer = signer;
    }

    public DhtNode node() {
        return node;
    }

    @Override
    public void announce(Bytes32 topic, PeerAddress self) {
        node.announce(topic, record(self), signer);
    }

    @Override
    public void unannounce(Bytes32 topic, PeerAddress self) {
        node.unannounce(topic, record(self), signer);
    }

    @Override
    public void lookup(Bytes32 topic, Consumer<PeerAddress> found) {
        node.lookup(topic, record -> found.accept(new PeerAddress(record.publicKey(), record.addresses())));
    }

    @Override
    public String describe() {
        DhtStats stats = node.stats();
        return "DHT " + node.localAddress().getAddress().getHostAddress() + ":" + node.localAddress().getPort() + ": "
                + stats.nodesKnown() + " nodes known, " + stats.recordsHeld() + " records held on "
                + stats.topicsHeld() + " topics, " + stats.droppedDatagrams() + " datagrams dropped";
    }

    @Override
    public void close() {
        node.close();
    }

    private PeerRecord record(PeerAddress self) {
        return new PeerRecord(self.publicKey(), self.addresses(), seq.incrementAndGet());
    }
}
