package net.intercomj.host.msb;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.PinnedContract;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.SubnetTopics;
import net.intercomj.host.subnet.op.contract.AcceptingProofs;
import net.intercomj.host.wallet.PeerWallet;

/**
 * A subnet creator with its settlement plane, wired as {@code PeerHost} wires them, on a real
 * loopback network: for tests of the tx flow. Everything lives in one folder, so starting again
 * from it is a restart.
 */
public final class SettlementPeer implements AutoCloseable {

    public final PeerNetwork network;
    public final PeerSettlement settlement;
    public final SubnetNode node;
    public final TxRelay relay;
    public final Transactions transactions;
    public final ContractApps apps;
    public final WriterKey writerKey;

    /**
     * @param withMsb whether the subnet runs on this peer's embedded MSB (attached, proofs checked
     *     against it); without, the MSB is opened but not attached and every proof is accepted
     */
    public SettlementPeer(Path folder, PeerWallet wallet, InetSocketAddress dht, String channel, ContractApps apps,
            BigInteger genesis, boolean withMsb, Consumer<String> log) throws Exception {
        this.apps = apps;
        network = PeerNetwork.start(wallet, new PeerNetwork.Settings(List.of(dht), 0, List.of(),
                SwarmConfig.defaults(InetAddress.getLoopbackAddress())));
        writerKey = WriterKey.loadOrCreate(folder.resolve("writer.key"));
        Bytes32 subnet = Bytes32.of(writerKey.publicKey());
        settlement = PeerSettlement.open(new PeerSettlement.Settings(Optional.empty(), Optional.empty(), genesis),
                folder.resolve("msb"), wallet, new NetworkService(network), log);
        node = SubnetNode.start(new SubnetNode.Config(folder.resolve("subnet"), subnet,
                SubnetTopics.of(channel).toByteArray(), writerKey), new NetworkService(network),
                StandardOps.applier(subnet, new PinnedContract(apps),
                        withMsb ? new MsbProofs(settlement::node) : AcceptingProofs.ACCEPT), log);
        apps.onChange(node::resume);
        relay = new TxRelay(PendingTxs.open(folder.resolve("pending.json")), settlement::node, node, log);
        if (withMsb) {
            settlement.whenRunning(relay::follow);
            settlement.attach(node, channel);
        }
        transactions = new Transactions(node, apps, relay, writerKey::sign);
    }

    /** The embedded MSB node; it runs once attached. */
    public MsbNode msb() {
        return settlement.node().orElseThrow();
    }

    /** The value at {@code key} in the subnet's confirmed view. */
    public Optional<String> confirmed(String key) {
        return node.confirmed().get(key);
    }

    @Override
    public void close() {
        relay.close();
        node.close();
        settlement.close();
        network.close();
    }
}
