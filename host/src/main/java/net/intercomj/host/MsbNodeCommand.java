package net.intercomj.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.cli.FlagParser;
import net.intercomj.host.cli.HostPort;
import net.intercomj.host.cli.ParseOutcome;
import net.intercomj.host.cli.PeerOptions;
import net.intercomj.host.logging.LogLevels;
import net.intercomj.host.msb.MsbNetwork;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.msb.Payer;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.store.PeerStore;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.SubnetException;
import net.intercomj.host.terminal.CommandRegistry;
import net.intercomj.host.terminal.PeerConsole;
import net.intercomj.host.terminal.TerminalLoop;
import net.intercomj.host.terminal.commands.ExitCommand;
import net.intercomj.host.terminal.commands.HelpCommand;
import net.intercomj.host.terminal.commands.StatsCommand;
import net.intercomj.host.terminal.commands.msb.GetBalanceCommand;
import net.intercomj.host.terminal.commands.msb.MsbCommand;
import net.intercomj.host.terminal.commands.msb.MsbStatsLines;
import net.intercomj.host.terminal.commands.msb.TransferCommand;
import net.intercomj.host.terminal.commands.subnet.AddIndexerCommand;
import net.intercomj.host.terminal.commands.subnet.SubnetCommands;
import net.intercomj.host.terminal.commands.subnet.SubnetStatsLines;
import net.intercomj.host.wallet.KeypairFile;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.host.wallet.TracAddress;
import net.intercomj.host.wallet.WalletException;

/**
 * {@code intercom msb [<label>] [flags]}: a standalone settlement node, with the peer's MSB and
 * host flags. Without {@code --msb-bootstrap} it creates a network of its own, is its sole
 * validator and gives its wallet the genesis balance; with it, it joins that network as a
 * reader, which the network's admin makes a validator with {@code /add_indexer --key <its
 * writer key>}. Its store is the MSB store ({@code stores/<label>-msb}); its wallet, not its
 * validator key, holds its TNK, so it can validate its own transfers (the original could not,
 * spec §9 item 29). Commands: {@code /get_balance}, {@code /transfer}, {@code /msb},
 * {@code /add_indexer}, {@code /stats}, {@code /help}, {@code /exit}.
 */
final class MsbNodeCommand {

    static final String NAME = "msb";

    private final Map<String, String> env;
    private final Path workingDirectory;
    private final CommandOutput out;
    private final CommandOutput err;

    MsbNodeCommand(Map<String, String> env, Path workingDirectory, CommandOutput out, CommandOutput err) {
        this.env = env;
        this.workingDirectory = workingDirectory;
        this.out = out;
        this.err = err;
    }

    /** Runs the node until {@code /exit} or SIGTERM; returns the exit code. */
    int run(List<String> args, java.util.function.Function<CommandRegistry, PeerConsole> consoleFor) {
        PeerOptions options;
        switch (new FlagParser(env, workingDirectory).parse(args)) {
            case ParseOutcome.Run run -> options = run.options();
            case ParseOutcome.Invalid invalid -> {
                err.println(invalid.message());
                return invalid.exitCode();
            }
            case ParseOutcome.ShowHelp help -> {
                out.println("Usage: intercom msb [<label>] [--msb-store-name <name>] [--msb-bootstrap <hex>]"
                        + " [--msb-channel <name>] [--msb-genesis-balance <TNK>] [--msb-dht-bootstrap <host:port,...>]");
                return 0;
            }
            case ParseOutcome.ShowVersion version -> {
                out.println(version.text());
                return 0;
            }
        }
        LogLevels.apply(options.logLevel());
        Running node;
        try {
            node = start(options);
        } catch (StartupException e) {
            err.println(e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CommandRegistry commands = node.commands(stop::countDown);
        Thread hook = new Thread(node::close, "msb-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (PeerConsole console = consoleFor.apply(commands)) {
            node.banner().forEach(console.output()::println);
            HelpCommand.helpText(commands.all()).forEach(console.output()::println);
            TerminalLoop.run(commands, console, () -> stop.getCount() == 0, stop::await);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            node.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // SIGTERM: the hook closes the node.
            }
        }
        return 0;
    }

    /** A running standalone node and what it opened. */
    private record Running(PeerStore store, PeerWallet wallet, WriterKey key, PeerNetwork network, MsbNode msb) {

        CommandRegistry commands(Runnable stop) {
            CommandRegistry commands = new CommandRegistry();
            MsbSource source = () -> msb;
            commands.register(new HelpCommand(commands));
            commands.register(new StatsCommand(List.of(this::statsLines)));
            commands.register(new ExitCommand(stop));
            commands.register(new GetBalanceCommand(source, wallet.address()));
            commands.register(new TransferCommand(source, new Payer(wallet)));
            commands.register(new MsbCommand(source, wallet.address()));
            commands.register(new AddIndexerCommand(new SubnetCommands(msb.engine(), wallet)));
            return commands;
        }

        List<String> banner() {
            return List.of("==================== INTERCOM MSB NODE ====================",
                    "MSB network bootstrap: " + msb.network().bootstrap().toHex(),
                    "MSB channel: " + msb.network().channel(),
                    "MSB store: " + store.folder(),
                    "MSB validator key (hex): " + key.publicKeyHex(),
                    "MSB wallet address: " + wallet.address(),
                    "Validator: " + msb.isValidator(),
                    "");
        }

        List<String> statsLines() {
            List<String> lines = new ArrayList<>(MsbStatsLines.of(msb));
            lines.addAll(network.statsLines());
            lines.addAll(SubnetStatsLines.of(msb.engine()));
            return lines;
        }

        void close() {
            msb.close();
            network.close();
            try {
                store.close();
            } catch (IOException e) {
                // Exiting anyway.
            }
        }
    }

    private Running start(PeerOptions options) throws StartupException {
        PeerStore store;
        try {
            store = PeerStore.open(options.msbStorePath());
        } catch (StoreException e) {
            throw new StartupException(e.getMessage(), e);
        }
        PeerNetwork network = null;
        try {
            byte[] password = PeerHost.readPassword(options.walletPasswordFile());
            PeerWallet wallet;
            try {
                wallet = KeypairFile.loadOrCreate(store.keypairFile(), password);
            } finally {
                Arrays.fill(password, (byte) 0);
            }
            WriterKey key = WriterKey.loadOrCreate(store.writerKeyFile());
            List<HostPort> dht = options.msb().dhtBootstrap().isEmpty() ? options.peerDhtBootstrap()
                    : options.msb().dhtBootstrap();
            network = PeerHost.startNetwork(dht, options.lanDiscovery(), wallet);
            Bytes32 bootstrap = options.msb().bootstrap().map(Bytes32::fromHex).orElse(Bytes32.of(key.publicKey()));
            MsbNetwork msbNetwork = new MsbNetwork(MsbNetwork.DEVELOPMENT_ID, TracAddress.MAINNET_HRP, bootstrap,
                    options.msb().channel().orElse(MsbNetwork.defaultChannel(bootstrap)));
            MsbNode msb = MsbNode.start(store.folder().resolve("msb"), msbNetwork, key, new NetworkService(network),
                    out::println);
            try {
                msb.initialize(wallet.publicKeyHex(), wallet.address(), options.msb().genesisBalance());
            } catch (SubnetException e) {
                msb.close();
                throw new StartupException("Cannot create the MSB: " + e.getMessage(), e);
            }
            return new Running(store, wallet, key, network, msb);
        } catch (WalletException | StoreException | StartupException | RuntimeException e) {
            if (network != null) {
                network.close();
            }
            try {
                store.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e instanceof StartupException startup ? startup : new StartupException(e.getMessage(), e);
        }
    }
}
