package net.intercomj.host;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.network.Network;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.PeerConsole;
import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.host.apps.PluginException;
import net.intercomj.host.apps.PluginHost;
import net.intercomj.host.apps.ServiceRegistry;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.apps.services.SubnetService;
import net.intercomj.host.apps.services.SidechannelConfigs;
import net.intercomj.host.bridge.BridgeSettings;
import net.intercomj.host.bridge.Hello;
import net.intercomj.host.bridge.ScBridge;
import net.intercomj.host.bridge.WebApps;
import net.intercomj.host.bridge.handlers.BuiltInHandlers;
import net.intercomj.host.bridge.handlers.PeerInfo;
import net.intercomj.host.cli.HostPort;
import net.intercomj.host.cli.PeerOptions;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractPin;
import net.intercomj.host.contract.PinnedContract;
import net.intercomj.host.feature.TimerFeature;
import net.intercomj.host.js.JsApp;
import net.intercomj.host.js.JsAppFolder;
import net.intercomj.host.js.JsApps;
import net.intercomj.host.js.JsFeatures;
import net.intercomj.host.js.JsProtocolView;
import net.intercomj.host.msb.MsbProofs;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.msb.PeerSettlement;
import net.intercomj.host.msb.PendingTxs;
import net.intercomj.host.msb.CommandTransactions;
import net.intercomj.host.msb.Transactions;
import net.intercomj.host.msb.TxRelay;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.terminal.commands.msb.DeploySubnetCommand;
import net.intercomj.host.terminal.commands.msb.GetBalanceCommand;
import net.intercomj.host.terminal.commands.msb.MsbCommand;
import net.intercomj.host.terminal.commands.msb.MsbStatsLines;
import net.intercomj.host.terminal.commands.msb.TransferCommand;
import net.intercomj.host.terminal.commands.msb.TxCommand;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.lan.LanConfig;
import net.intercomj.host.net.lan.LanDiscovery;
import net.intercomj.host.net.swarm.Discovery;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.rpc.RpcServer;
import net.intercomj.host.rpc.RpcSettings;
import net.intercomj.host.rpc.handlers.BuiltInRoutes;
import net.intercomj.host.store.PeerStore;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.SubnetException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.SubnetTopics;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.admin.UpgradeContractOp;
import net.intercomj.host.terminal.commands.subnet.AddAdminCommand;
import net.intercomj.host.terminal.commands.subnet.AddIndexerCommand;
import net.intercomj.host.terminal.commands.subnet.AddWriterCommand;
import net.intercomj.host.terminal.commands.subnet.ChatCommands;
import net.intercomj.host.terminal.commands.subnet.ContractsCommand;
import net.intercomj.host.terminal.commands.subnet.EnableTransactionsCommand;
import net.intercomj.host.terminal.commands.subnet.GetCommand;
import net.intercomj.host.terminal.commands.subnet.RemoveIndexerCommand;
import net.intercomj.host.terminal.commands.subnet.RemoveWriterCommand;
import net.intercomj.host.terminal.commands.subnet.SetAutoAddWritersCommand;
import net.intercomj.host.terminal.commands.subnet.SetChatStatusCommand;
import net.intercomj.host.terminal.commands.subnet.SubnetCommands;
import net.intercomj.host.terminal.commands.subnet.SubnetStatsLines;
import net.intercomj.host.terminal.commands.subnet.UpdateAdminCommand;
import net.intercomj.host.terminal.commands.subnet.UpgradeContractCommand;
import net.intercomj.host.store.SubnetBootstrap;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.terminal.CommandRegistry;
import net.intercomj.host.terminal.commands.ExitCommand;
import net.intercomj.host.terminal.commands.GetKeysCommand;
import net.intercomj.host.terminal.commands.HelpCommand;
import net.intercomj.host.terminal.commands.PingCommand;
import net.intercomj.host.terminal.commands.PluginsCommand;
import net.intercomj.host.terminal.commands.StatsCommand;
import net.intercomj.host.wallet.KeypairFile;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.host.wallet.WalletException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running peer: its locked store, wallet, writer key, subnet bootstrap, network and
 * terminal commands. Started by {@link Main}; closed exactly once, by {@code /exit} or by the JVM's
 * shutdown on SIGTERM, whichever comes first.
 */
public final class PeerHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeerHost.class);
    /** How long {@code --app} waits for GraalJS apps still loading. */
    private static final Duration JS_APPS_WAIT = Duration.ofSeconds(60);

    private final PeerStore store;
    private final PeerNetwork network;
    private final PeerWallet wallet;
    private final WriterKey writerKey;
    private final SubnetBootstrap subnetBootstrap;
    private final CommandRegistry commands = new CommandRegistry();
    private final ServiceRegistry services = new ServiceRegistry();
    private final PluginHost plugins;
    private final ContractApps contractApps = new ContractApps();
    // Where plugin problems found after start-up are reported; set once the peer starts its plugins.
    private volatile CommandOutput operatorWarnings = line -> { };
    private volatile Optional<JsAppFolder> jsApps = Optional.empty();
    private volatile Optional<TimerFeature> timer = Optional.empty();
    private volatile Optional<JsFeatures> jsFeatures = Optional.empty();
    private final CompletableFuture<Void> jsAppsLoaded = new CompletableFuture<>();
    private volatile Optional<ScBridge> bridge = Optional.empty();
    private volatile Registration bridgeFeed = () -> { };
    private volatile Optional<SubnetNode> subnet = Optional.empty();
    private volatile Optional<RpcServer> rpc = Optional.empty();
    private volatile Optional<PeerSettlement> settlement = Optional.empty();
    private volatile Optional<TxRelay> relay = Optional.empty();
    private volatile Optional<Transactions> transactions = Optional.empty();
    private volatile Optional<CommandTransactions> commandTransactions = Optional.empty();
    private volatile Optional<PeerNetwork> msbNetwork = Optional.empty();
    private volatile String subnetChannel = "";
    private final Clock clock;
    private final Instant startedAt;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    private PeerHost(PeerStore store, PeerNetwork network, PeerWallet wallet, WriterKey writerKey,
            SubnetBootstrap subnetBootstrap, Clock clock) {
        this.store = store;
        this.network = network;
        this.wallet = wallet;
        this.writerKey = writerKey;
        this.subnetBootstrap = subnetBootstrap;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.plugins = new PluginHost(services, commands, contractApps, store.folder().resolve("plugins"),
                line -> operatorWarnings.println(line));
        commands.register(new HelpCommand(commands));
        commands.register(new StatsCommand(List.of(this::statsLines)));
        commands.register(new GetKeysCommand(wallet));
        commands.register(new PingCommand(network));
        commands.register(new ExitCommand(this::requestStop));
        commands.register(new PluginsCommand(plugins));
        commands.onUnknown(this::customCommand);
    }

    /**
     * Opens the store (locking it), then the wallet (creating it on first run), the writer key
     * and the subnet bootstrap, then starts the network and joins the entry topic. Nothing is
     * left locked or listening when this fails.
     *
     * @param out where start-up notices go (e.g. that a new wallet was created)
     */
    public static PeerHost start(PeerOptions options, CommandOutput out, Clock clock) throws StartupException {
        return start(options, out, out, clock, Optional.empty());
    }

    /**
     * Starts the peer as {@link #start(PeerOptions, CommandOutput, Clock)} does, then the plugins
     * found in {@code pluginsFolder}.
     *
     * @param warnings where warnings for the operator go (standard error)
     */
    public static PeerHost start(PeerOptions options, CommandOutput out, CommandOutput warnings, Clock clock,
            Optional<Path> pluginsFolder) throws StartupException {
        PeerHost host = startPeer(options, out, clock);
        try {
            host.startPlugins(options, out, warnings, pluginsFolder);
        } catch (PluginException | RuntimeException e) {
            host.close();
            throw new StartupException(e.getMessage(), e);
        }
        return host;
    }

    private static PeerHost startPeer(PeerOptions options, CommandOutput out, Clock clock) throws StartupException {
        byte[] password = readPassword(options.walletPasswordFile());
        PeerStore store;
        try {
            store = PeerStore.open(options.peerStorePath());
        } catch (StoreException e) {
            throw new StartupException(e.getMessage(), e);
        }
        try {
            boolean firstRun = !Files.exists(store.keypairFile());
            PeerWallet wallet;
            try {
                wallet = KeypairFile.loadOrCreate(store.keypairFile(), password);
            } finally {
                Arrays.fill(password, (byte) 0);
            }
            if (firstRun) {
                out.println("Key pair exported to " + store.keypairFile());
            }
            WriterKey writerKey = WriterKey.loadOrCreate(store.writerKeyFile());
            SubnetBootstrap bootstrap = SubnetBootstrap.resolve(
                    options.subnetBootstrap(), store.subnetBootstrapFile(), writerKey.publicKeyHex());
            PeerNetwork network = startNetwork(options, wallet);
            return new PeerHost(store, network, wallet, writerKey, bootstrap, clock);
        } catch (WalletException | StoreException | RuntimeException e) {
            closeQuietly(store);
            throw new StartupException(e.getMessage(), e);
        } catch (StartupException e) {
            closeQuietly(store);
            throw e;
        }
    }

    /**
     * Offers the host's services, then loads the plugins, which may offer more (the sidechannel
     * plane) and contract apps, then opens the subnet.
     */
    private void startPlugins(PeerOptions options, CommandOutput out, CommandOutput warnings,
            Optional<Path> pluginsFolder) throws PluginException {
        services.provide(Wallet.class, wallet);
        services.provide(Clock.class, clock);
        services.provide(SignatureVerifier.class, PeerWallet::verify);
        NetworkService networkService = new NetworkService(network);
        services.provide(Network.class, networkService);
        services.provide(Subnet.class, new SubnetService(() -> subnet, () -> commandTransactions, wallet));
        services.provide(PeerConsole.class, new PeerConsole() {
            @Override
            public void println(String line) {
                out.println(line);
            }

            @Override
            public void warn(String line) {
                warnings.println(line);
            }
        });
        services.provide(SidechannelConfig.class, SidechannelConfigs.from(options));
        if (options.scBridgeEnabled()) {
            ScBridge created = createBridge(options);
            bridge = Optional.of(created);
            services.provide(Bridge.class, created);
        }
        operatorWarnings = warnings;
        if (pluginsFolder.isPresent()) {
            plugins.loadFolder(pluginsFolder.get());
        }
        pluginsFolder.map(folder -> folder.resolveSibling("apps")).ifPresent(folder -> loadJsApps(folder, warnings));
        openSettlement(options, networkService, out);
        // After the plugins, so the contract apps they offer are there before the log is applied.
        startSubnet(options, networkService, out);
        if (pluginsFolder.isPresent()) {
            startJsFeatures(subnet.orElseThrow());
        }
        startSettlement(options, out);
        if (options.app().isPresent()) {
            pinApp(options.app().get(), subnet.orElseThrow(), warnings);
        }
        if (options.rpc().apiTxExposed() && !options.rpcEnabled()) {
            warnings.println("Ignoring --api-tx-exposed because RPC is not enabled (use --rpc).");
        }
        if (options.rpcEnabled()) {
            try {
                rpc = Optional.of(RpcServer.start(RpcSettings.from(options.rpc()),
                        BuiltInRoutes.all(subnet.orElseThrow(), wallet, options.subnetChannel(), contractApps,
                                settlement.orElseThrow(), transactions.orElseThrow(), options.rpc().apiTxExposed())));
            } catch (RuntimeException e) {
                throw new PluginException("RPC failed to start: " + describe(e), e);
            }
        }
        if (bridge.isPresent()) {
            listen(bridge.get());
            ScBridge running = bridge.get();
            plugins.onChange(() -> refreshBridge(running));
        }
        plugins.watch();
        if (options.timer()) {
            timer = Optional.of(TimerFeature.start(services.get(Subnet.class).orElseThrow(), clock, TimerFeature.INTERVAL));
        }
    }

    /**
     * Loads the GraalJS apps of the distribution's {@code apps/} folder in the background: a
     * JavaScript engine takes seconds to start, and most subnets do not need it. A subnet that
     * pins one of these apps waits until it is loaded. From then on the folder is watched: apps
     * added or changed are loaded while the peer runs ({@link JsAppFolder}).
     */
    private void loadJsApps(Path folder, CommandOutput warnings) {
        JsAppFolder apps = new JsAppFolder(folder, contractApps, warnings::println);
        // New apps or features: the features of the pinned version may have to (re)start.
        apps.onChange(() -> jsFeatures.ifPresent(JsFeatures::refresh));
        jsApps = Optional.of(apps);
        Runnable done = contractApps.beginLoading();
        Thread.ofVirtual().name("js-apps").start(() -> {
            try {
                try {
                    apps.watch();
                } catch (IOException | RuntimeException e) {
                    warnings.println("Cannot watch the apps folder " + folder + " (apps added later load at the next"
                            + " start): " + e.getMessage());
                }
                apps.rescan();
            } finally {
                done.run();
                jsAppsLoaded.complete(null);
            }
        });
    }

    /**
     * Runs the features ({@code features/*.js}) of the GraalJS app the subnet pins, once the
     * subnet is open: checked again after every apply round (the pin may change) and when the
     * apps have loaded.
     */
    private void startJsFeatures(SubnetNode node) {
        JsFeatures features = JsFeatures.start(services.get(Subnet.class).orElseThrow(), wallet,
                () -> ContractPin.in(node.confirmed()), this::loadedJsApps);
        jsFeatures = Optional.of(features);
        node.onViewsChanged(features::refresh);
        jsAppsLoaded.thenRun(features::refresh);
    }

    /**
     * A terminal line no command matched goes to the {@code customCommand} of the GraalJS app the
     * subnet pins, as trac-peer handed it to its protocol; without one, it is an unknown command.
     * The protocol reads the subnet's views and this peer's identity while it runs
     * ({@link #protocolView()}).
     */
    private boolean customCommand(String line, CommandOutput out) throws CommandException {
        Optional<ContractPin> pin = subnet.flatMap(node -> ContractPin.in(node.confirmed()));
        Optional<JsApp> app = pin.flatMap(pinned -> loadedJsApps().stream()
                .filter(loaded -> loaded.id().equals(pinned.app()) && loaded.versionHash().equals(pinned.hash()))
                .map(JsApps.Loaded::app).findFirst());
        if (app.isEmpty()) {
            return false;
        }
        Optional<String> failure = app.get().customCommand(line, protocolView(), out::println);
        if (failure.isPresent()) {
            throw new CommandException(failure.get());
        }
        return true;
    }

    /** What a GraalJS protocol may read: the subnet's two views, the writer key and the bootstraps. */
    private JsProtocolView protocolView() {
        return JsProtocolView.of(services.get(Subnet.class).orElseThrow(), writerKey.publicKeyHex(),
                subnetBootstrap.hex(),
                () -> settlement.flatMap(PeerSettlement::node).map(msb -> msb.network().bootstrap().toHex()));
    }

    /** Every GraalJS app version loaded so far (see {@link JsAppFolder#apps}). */
    private List<JsApps.Loaded> loadedJsApps() {
        return jsApps.map(JsAppFolder::apps).orElse(List.of());
    }

    /** After plugins were loaded or unloaded: the bridge serves their web apps and the sidechannel plane's messages. */
    private void refreshBridge(ScBridge running) {
        bridgeFeed.close();
        bridgeFeed = services.get(Sidechannels.class).<Registration>map(plane -> plane.subscribe(running::deliver))
                .orElse(() -> { });
        running.replaceWebApps(WebApps.of(plugins.jars()));
    }

    /** Opens this peer's subnet, replicating with the peers of its channel, and adds its commands. */
    private void startSubnet(PeerOptions options, NetworkService networkService, CommandOutput out)
            throws PluginException {
        Bytes32 subnetKey = Bytes32.fromHex(subnetBootstrap.hex());
        SubnetNode.Config config = new SubnetNode.Config(
                store.folder().resolve("subnet").resolve(subnetBootstrap.hex().substring(0, 16)), subnetKey,
                SubnetTopics.of(options.subnetChannel()).toByteArray(), writerKey);
        SubnetNode started;
        try {
            started = SubnetNode.start(config, networkService, StandardOps.applier(subnetKey,
                    new PinnedContract(contractApps), new MsbProofs(() -> settlement.flatMap(PeerSettlement::node))),
                    out::println);
        } catch (StoreException e) {
            throw new PluginException("Cannot open the subnet: " + e.getMessage(), e);
        }
        subnet = Optional.of(started);
        // A subnet waiting for its pinned contract tries again whenever the loaded apps change.
        contractApps.onChange(started::resume);
        subnetChannel = options.subnetChannel();
        SubnetCommands shared = new SubnetCommands(started, wallet);
        List.of(new AddAdminCommand(shared), new UpdateAdminCommand(shared), new AddWriterCommand(shared),
                new AddIndexerCommand(shared), new RemoveWriterCommand(shared), new RemoveIndexerCommand(shared),
                new SetAutoAddWritersCommand(shared), new SetChatStatusCommand(shared), new EnableTransactionsCommand(shared), new GetCommand(started),
                new UpgradeContractCommand(shared, contractApps), new ContractsCommand(started, contractApps))
                .forEach(commands::register);
        ChatCommands.all(shared).forEach(commands::register);
    }

    /**
     * Opens the MSB store before the subnet, so the subnet's {@code tx} ops can be proven against
     * the MSB replica from the first op on. {@code --msb-dht-bootstrap} gives the MSB a network of
     * its own; otherwise it shares the peer's.
     */
    private void openSettlement(PeerOptions options, NetworkService peerNetwork, CommandOutput out)
            throws PluginException {
        Network network = peerNetwork;
        if (!options.msb().dhtBootstrap().isEmpty()) {
            try {
                PeerNetwork own = startNetwork(options.msb().dhtBootstrap(), options.lanDiscovery(), wallet);
                msbNetwork = Optional.of(own);
                network = new NetworkService(own);
            } catch (StartupException e) {
                throw new PluginException("The MSB network failed to start: " + e.getMessage(), e);
            }
        }
        PeerSettlement.Settings settings = new PeerSettlement.Settings(options.msb().bootstrap().map(Bytes32::fromHex),
                options.msb().channel(), options.msb().genesisBalance());
        try {
            settlement = Optional.of(PeerSettlement.open(settings, options.msbStorePath(), wallet, network, out::println));
        } catch (StoreException e) {
            throw new PluginException("Cannot open the MSB store: " + e.getMessage(), e);
        }
    }

    /** Starts this peer's MSB (see {@link PeerSettlement}), the transaction relay, and the settlement commands. */
    private void startSettlement(PeerOptions options, CommandOutput out) throws PluginException {
        SubnetNode node = subnet.orElseThrow();
        PeerSettlement plane = settlement.orElseThrow();
        TxRelay started;
        try {
            started = new TxRelay(PendingTxs.open(store.folder().resolve("pending-txs.json")), plane::node, node,
                    out::println);
        } catch (StoreException e) {
            throw new PluginException(e.getMessage(), e);
        }
        relay = Optional.of(started);
        plane.whenRunning(started::follow);
        try {
            plane.attach(node, options.subnetChannel());
        } catch (StoreException | SubnetException e) {
            throw new PluginException("Cannot start the MSB: " + e.getMessage(), e);
        }
        MsbSource msb = plane::requireNode;
        transactions = Optional.of(new Transactions(node, contractApps, started, writerKey::sign));
        CommandTransactions commandTransactions = new CommandTransactions(node, msb, plane.payer(), contractApps,
                transactions.get());
        this.commandTransactions = Optional.of(commandTransactions);
        List.of(new TxCommand(node, commandTransactions),
                new DeploySubnetCommand(msb, plane.payer(), node, options.subnetChannel()),
                new MsbCommand(msb, wallet.address()), new GetBalanceCommand(msb, wallet.address()),
                new TransferCommand(msb, plane.payer())).forEach(commands::register);
    }

    /**
     * {@code --app}: a subnet this peer creates pins that app, at the version loaded here. The
     * creator's first pin needs no signature (like its first admin); once there is an admin or a
     * pin, the admin pins with {@code /upgrade_contract}. On a joiner the flag only checks that
     * the app is loaded: joiners run whatever the subnet pins.
     */
    private void pinApp(String app, SubnetNode node, CommandOutput warnings) throws PluginException {
        if (contractApps.versions(app).isEmpty() && contractApps.isLoading()) {
            try {
                // The app may be a GraalJS app still loading in the background.
                jsAppsLoaded.get(JS_APPS_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.warn("GraalJS apps were not loaded within {}", JS_APPS_WAIT);
            }
        }
        List<ContractApps.Installed> versions = contractApps.versions(app);
        if (versions.size() != 1) {
            throw new PluginException("--app " + app + ": " + (versions.isEmpty()
                    ? "no contract app of that id is loaded (loaded: " + contractApps.all().stream()
                            .map(ContractApps.Installed::id).distinct().toList() + ")"
                    : "several versions of it are loaded; keep one"));
        }
        ContractPin wanted = new ContractPin(app, versions.getFirst().versionHash());
        Optional<ContractPin> pinned = ContractPin.in(node.unconfirmed());
        if (pinned.isPresent()) {
            if (!pinned.get().equals(wanted)) {
                warnings.println("The subnet pins " + pinned.get().app() + " " + pinned.get().hash() + "; --app " + app
                        + " is not pinned (the admin switches with /upgrade_contract).");
            }
            return;
        }
        if (!node.writerKey().equals(node.subnet())) {
            // A joiner runs whatever the subnet pins; it may not have replicated the pin yet.
            return;
        }
        if (node.unconfirmed().get(ViewKeys.ADMIN).isPresent()) {
            warnings.println("--app " + app + " pins a contract only on a new subnet; here the admin pins one with"
                    + " /upgrade_contract --app " + app + " --hash " + wanted.hash() + ".");
            return;
        }
        try {
            node.append(JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                    .put("key", UpgradeContractOp.key(app, wanted.hash())));
        } catch (SubnetException e) {
            throw new PluginException("--app " + app + ": " + e.getMessage(), e);
        }
    }

    private ScBridge createBridge(PeerOptions options) {
        BridgeSettings settings = BridgeSettings.from(options.scBridge());
        Hello hello = new Hello(wallet.publicKeyHex(), wallet.address(), Sidechannels.ENTRY_CHANNEL,
                settings.defaultFilter());
        Supplier<Optional<Sidechannels>> sidechannels = () -> services.get(Sidechannels.class);
        return new ScBridge(settings, hello, BuiltInHandlers.all(settings, clock, sidechannels,
                () -> peerInfo(options), commands));
    }

    /** Feeds delivered sidechannel messages to the bridge, then opens its port. */
    private void listen(ScBridge running) throws PluginException {
        services.get(Sidechannels.class).ifPresent(plane -> bridgeFeed = plane.subscribe(running::deliver));
        try {
            running.listen(WebApps.of(plugins.jars()));
        } catch (RuntimeException e) {
            throw new PluginException("SC-Bridge failed to start: " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private PeerInfo peerInfo(PeerOptions options) {
        boolean sidechannels = services.get(Sidechannels.class).isPresent();
        return new PeerInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                store.folder().toString(), Optional.of(network.dhtBootstrapNodes().stream()
                        .map(address -> address.getAddress().getHostAddress() + ":" + address.getPort()).toList()),
                subnetBootstrap.hex(), options.subnetChannel(), wallet.publicKeyHex(), wallet.address(),
                writerKey.publicKeyHex(), sidechannels ? Optional.of(Sidechannels.ENTRY_CHANNEL) : Optional.empty(),
                sidechannels ? options.sidechannel().extras() : List.of());
    }

    private static PeerNetwork startNetwork(PeerOptions options, PeerWallet wallet) throws StartupException {
        PeerNetwork network = startNetwork(options.peerDhtBootstrap(), options.lanDiscovery(), wallet);
        try {
            network.swarm().join(PeerNetwork.topicOf(PeerNetwork.ENTRY_CHANNEL), true, true);
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw new StartupException("Cannot join the entry topic: " + e.getMessage(), e);
        }
    }

    /** Starts a network (DHT node, swarm, LAN discovery) keyed by {@code wallet}; it joins no topic yet. */
    static PeerNetwork startNetwork(List<HostPort> dhtBootstrap, boolean lanDiscovery, PeerWallet wallet)
            throws StartupException {
        List<InetSocketAddress> bootstrap = new ArrayList<>();
        for (HostPort node : dhtBootstrap) {
            InetSocketAddress address = new InetSocketAddress(node.host(), node.port());
            if (address.isUnresolved()) {
                throw new StartupException("Cannot resolve the DHT bootstrap node " + node);
            }
            bootstrap.add(address);
        }
        List<Discovery> lan = lanDiscovery ? List.of(LanDiscovery.open(LanConfig.defaults())) : List.of();
        PeerNetwork.Settings settings = new PeerNetwork.Settings(bootstrap, DhtConfig.DEFAULT_PORT, lan,
                SwarmConfig.defaults(new InetSocketAddress(0).getAddress()));
        PeerNetwork network;
        try {
            network = PeerNetwork.start(wallet, settings);
        } catch (IOException | RuntimeException e) {
            lan.forEach(Discovery::close);
            throw new StartupException("Cannot start the network: " + e.getMessage(), e);
        }
        return network;
    }

    /** The password in {@code --wallet-password-file}, without its trailing line break; empty without the flag. */
    static byte[] readPassword(Optional<Path> file) throws StartupException {
        if (file.isEmpty()) {
            return new byte[0];
        }
        try {
            String text = Files.readString(file.get(), StandardCharsets.UTF_8);
            // One trailing line break is how editors and `echo` end a file, not part of the password.
            return text.replaceFirst("\r?\n$", "").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupException("Cannot read --wallet-password-file " + file.get() + ": " + e.getMessage(), e);
        }
    }

    /** The start-up banner with this peer's real values; planes not running leave their lines out. */
    public List<String> banner() {
        Map<BannerLine, String> values = new EnumMap<>(BannerLine.class);
        values.put(BannerLine.PEER_STORE, store.folder().toString());
        values.put(BannerLine.PEER_DHT_BOOTSTRAP, String.join(", ", network.dhtBootstrapNodes().stream()
                .map(address -> address.getAddress().getHostAddress() + ":" + address.getPort()).toList()));
        subnet.ifPresent(running -> {
            values.put(BannerLine.PEER_SUBNET_BOOTSTRAP, subnetBootstrap.hex());
            values.put(BannerLine.PEER_SUBNET_CHANNEL, subnetChannel);
            values.put(BannerLine.SUBNET_WRITABLE, String.valueOf(running.isWriter()));
        });
        values.put(BannerLine.PEER_PUBKEY, wallet.publicKeyHex());
        values.put(BannerLine.PEER_TRAC_ADDRESS, wallet.address());
        values.put(BannerLine.PEER_WRITER_KEY, writerKey.publicKeyHex());

        services.get(Sidechannels.class).ifPresent(sidechannels -> {
            values.put(BannerLine.SIDECHANNEL_ENTRY, Sidechannels.ENTRY_CHANNEL);
            List<String> extras = services.get(SidechannelConfig.class).map(SidechannelConfig::extras).orElse(List.of());
            if (!extras.isEmpty()) {
                values.put(BannerLine.SIDECHANNEL_EXTRAS, String.join(", ", extras));
            }
        });
        settlement.ifPresent(plane -> {
            values.put(BannerLine.MSB_STORE, plane.folder().toString());
            plane.node().ifPresent(msb -> {
                values.put(BannerLine.MSB_NETWORK_BOOTSTRAP, msb.network().bootstrap().toHex()
                        + (msb.isCreator() ? " (embedded: this peer is its validator)" : ""));
                values.put(BannerLine.MSB_CHANNEL, msb.network().channel());
            });
        });
        msbNetwork.ifPresent(own -> values.put(BannerLine.MSB_DHT_BOOTSTRAP, String.join(", ", own.dhtBootstrapNodes()
                .stream().map(address -> address.getAddress().getHostAddress() + ":" + address.getPort()).toList())));
        bridge.ifPresent(running -> values.put(BannerLine.SC_BRIDGE,
                "ws://" + hostForUrl(running.address()) + ":" + running.address().getPort()));
        rpc.ifPresent(running -> values.put(BannerLine.RPC, running.url()));
        List<String> lines = new ArrayList<>(Banner.render(values));
        // trac-peer prints these two when its subnet starts.
        int end = !lines.isEmpty() && lines.getLast().isEmpty() ? lines.size() - 1 : lines.size();
        subnet.ifPresent(running -> lines.addAll(end, List.of("isIndexer: " + running.isIndexer(),
                "isWriter: " + running.isWriter())));
        return lines;
    }

    private static String hostForUrl(InetSocketAddress address) {
        String host = address.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private List<String> statsLines() {
        Duration uptime = Duration.between(startedAt, clock.instant());
        List<String> lines = new ArrayList<>(List.of(
                "wallet.publicKey: " + wallet.publicKeyHex(),
                "wallet.address: " + wallet.address(),
                "writerKey: " + writerKey.publicKeyHex(),
                "store: " + store.folder(),
                "uptime: " + uptime.toSeconds() + "s",
                "commands: " + commands.all().size()));
        lines.addAll(network.statsLines());
        subnet.ifPresent(running -> lines.addAll(SubnetStatsLines.of(running)));
        settlement.flatMap(PeerSettlement::node).ifPresent(msb -> lines.addAll(MsbStatsLines.of(msb)));
        relay.ifPresent(pending -> lines.add("msb.pendingTxs: " + pending.size()));
        return lines;
    }

    /** The peer's network: swarm, DHT node, discovery. */
    public PeerNetwork network() {
        return network;
    }

    /** The terminal commands of this peer; plugins add theirs here. */
    public CommandRegistry commands() {
        return commands;
    }

    /** The peer's wallet. */
    public PeerWallet wallet() {
        return wallet;
    }

    /** The subnet this peer belongs to, and where that came from. */
    public SubnetBootstrap subnetBootstrap() {
        return subnetBootstrap;
    }

    /** The peer's store. */
    public PeerStore store() {
        return store;
    }

    /** Asks the peer to stop; the terminal loop ends after the current command. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Whether a stop was requested. */
    public boolean isStopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** Blocks until a stop is requested. */
    public void awaitStop() throws InterruptedException {
        stopRequested.await();
    }

    /** Closes everything this peer opened; safe to call more than once and from any thread. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        requestStop();
        timer.ifPresent(TimerFeature::close);
        jsApps.ifPresent(JsAppFolder::stopWatching);
        jsFeatures.ifPresent(JsFeatures::close);
        bridgeFeed.close();
        bridge.ifPresent(ScBridge::close);
        rpc.ifPresent(RpcServer::close);
        plugins.close();
        relay.ifPresent(TxRelay::close);
        subnet.ifPresent(SubnetNode::close);
        settlement.ifPresent(PeerSettlement::close);
        msbNetwork.ifPresent(PeerNetwork::close);
        jsApps.ifPresent(JsAppFolder::close);
        network.close();
        closeQuietly(store);
        log.debug("Peer closed");
    }

    private static void closeQuietly(PeerStore store) {
        try {
            store.close();
        } catch (IOException e) {
            log.warn("Closing store {} failed: {}", store.folder(), e.getMessage());
        }
    }
}
