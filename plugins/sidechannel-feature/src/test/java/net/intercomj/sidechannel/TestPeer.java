package net.intercomj.sidechannel;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.network.Network;
import net.intercomj.api.plugin.PeerConsole;
import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.host.apps.PluginHost;
import net.intercomj.host.apps.ServiceRegistry;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.Firewall;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.terminal.CommandRegistry;
import net.intercomj.host.wallet.PeerWallet;

/**
 * A real peer in this JVM for the plugin's tests: the host's network on 127.0.0.1, the plugin
 * loaded as the host loads it, its console captured, and a clock the test can move forward.
 */
final class TestPeer implements AutoCloseable {

    final PeerWallet wallet;
    final PeerNetwork network;
    final CommandRegistry commands = new CommandRegistry();
    final List<String> console = new CopyOnWriteArrayList<>();
    final List<SidechannelMessage> received = new CopyOnWriteArrayList<>();
    /** Added to the system clock: moving it forward expires blocks and invites. */
    final AtomicLong skewMillis = new AtomicLong();
    private final PluginHost plugins;
    private final SidechannelPlugin plugin;

    private TestPeer(PeerWallet wallet, PeerNetwork network, SidechannelConfig config, Path dataRoot) throws Exception {
        this.wallet = wallet;
        this.network = network;
        ServiceRegistry services = new ServiceRegistry();
        services.provide(Wallet.class, wallet);
        services.provide(SignatureVerifier.class, PeerWallet::verify);
        services.provide(Network.class, new NetworkService(network));
        services.provide(PeerConsole.class, console::add);
        services.provide(SidechannelConfig.class, config);
        plugins = new PluginHost(services, commands, new ContractApps(), dataRoot, line -> { });
        plugin = new SidechannelPlugin(() -> System.currentTimeMillis() + skewMillis.get());
        plugins.start("sidechannel", plugin);
        sidechannels().subscribe(received::add);
    }

    /** A peer that keeps connections only with peers {@code allowed} says yes to (by key). */
    static TestPeer start(DhtNode bootstrap, SidechannelConfig config, PeerWallet wallet, Firewall firewall,
            Path dataRoot) throws Exception {
        PeerNetwork.Settings settings = new PeerNetwork.Settings(List.of(bootstrap.localAddress()), 0, List.of(),
                SwarmConfig.defaults(InetAddress.getLoopbackAddress()), firewall);
        PeerNetwork network = PeerNetwork.start(wallet, settings);
        try {
            return new TestPeer(wallet, network, config, dataRoot);
        } catch (Exception | Error e) {
            network.close();
            throw e;
        }
    }

    Sidechannels sidechannels() {
        return plugin.plane();
    }

    String key() {
        return wallet.publicKeyHex();
    }

    Bytes32 networkKey() {
        return Bytes32.of(wallet.publicKey());
    }

    /** Runs a terminal line as the operator would type it; returns what it printed. */
    List<String> run(String line) throws CommandException {
        CommandArgs args = CommandArgs.parse(line);
        List<String> out = new ArrayList<>();
        commands.find(args.command()).orElseThrow(() -> new AssertionError("no command " + args.command()))
                .execute(args, out::add);
        return out;
    }

    /** Messages received on {@code channel}, as their JSON text. */
    List<String> receivedOn(String channel) {
        return received.stream().filter(m -> m.channel().equals(channel)).map(SidechannelMessage::messageJson).toList();
    }

    @Override
    public void close() {
        plugins.close();
        network.close();
    }
}
