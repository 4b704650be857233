package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.PluginContext;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterSplitPluginTest {

    @TempDir
    Path dir;

    private final Map<Class<?>, Object> services = new HashMap<>();
    private final List<TerminalCommand> commands = new ArrayList<>();
    private final List<ContractApp> contractApps = new ArrayList<>();
    private final Map<String, BridgeMessageHandler> bridgeTypes = new LinkedHashMap<>();
    private final Map<Class<?>, List<Runnable>> waits = new HashMap<>();

    /** Offers a service as a plugin starting later would: the waits for it run. */
    private <T> void offer(Class<T> type, T service) {
        services.put(type, service);
        List<Runnable> due = waits.remove(type);
        if (due != null) {
            due.forEach(Runnable::run);
        }
    }

    private final PluginContext context = new PluginContext() {
        @Override
        public String pluginId() {
            return "intersplit";
        }

        @Override
        public <T> Optional<T> service(Class<T> type) {
            return Optional.ofNullable(type.cast(services.get(type)));
        }

        @Override
        public <T> Registration whenService(Class<T> type, Consumer<? super T> action) {
            if (services.containsKey(type)) {
                action.accept(type.cast(services.get(type)));
                return () -> { };
            }
            Runnable wait = () -> action.accept(type.cast(services.get(type)));
            waits.computeIfAbsent(type, key -> new ArrayList<>()).add(wait);
            return () -> waits.getOrDefault(type, new ArrayList<>()).remove(wait);
        }

        @Override
        public <T> void provide(Class<T> type, T service) {
            offer(type, service);
        }

        @Override
        public void addCommand(TerminalCommand command) {
            commands.add(command);
        }

        @Override
        public void addContractApp(ContractApp app) {
            contractApps.add(app);
        }

        @Override
        public Path dataFolder() {
            return dir;
        }
    };

    private final Bridge bridge = new Bridge() {
        @Override
        public Registration handle(String type, BridgeMessageHandler handler) {
            bridgeTypes.put(type, handler);
            return () -> bridgeTypes.remove(type);
        }

        @Override
        public void pushToAll(String eventJson) {}

        @Override
        public void pushToChannel(String channel, String eventJson) {}

        @Override
        public Registration helloField(String name, String valueJson) {
            return () -> {};
        }
    };

    @Test
    void withoutSidechannelsItAddsNothing() {
        services.put(Wallet.class, new TestWallet());
        services.put(SignatureVerifier.class, TestWallet.VERIFIER);
        services.put(Bridge.class, bridge);
        new InterSplitPlugin().start(context);
        assertThat(commands).isEmpty();
        assertThat(bridgeTypes).isEmpty();
    }

    @Test
    void startedBeforeTheSidechannelPluginItWaitsForItsService() {
        TestWallet wallet = new TestWallet();
        services.put(Wallet.class, wallet);
        services.put(SignatureVerifier.class, TestWallet.VERIFIER);
        InterSplitPlugin plugin = new InterSplitPlugin();
        plugin.start(context);
        assertThat(commands).isEmpty();
        assertThat(contractApps).hasSize(1);
        assertThat(waits).containsOnlyKeys(Sidechannels.class);

        offer(Sidechannels.class, new FakeSidechannels(new FakeSidechannels.Hub(), wallet.publicKeyHex()));
        assertThat(commands).extracting(TerminalCommand::name).contains("/expense_add", "/expense_export");
        plugin.stop();
    }

    @Test
    void stoppedBeforeTheSidechannelPluginCameItStopsWaiting() {
        services.put(Wallet.class, new TestWallet());
        services.put(SignatureVerifier.class, TestWallet.VERIFIER);
        InterSplitPlugin plugin = new InterSplitPlugin();
        plugin.start(context);
        plugin.stop();
        assertThat(waits.get(Sidechannels.class)).isEmpty();
    }

    @Test
    void addsTheCommandsAndBridgeTypesAndUsesItsDataFolder() throws Exception {
        TestWallet wallet = new TestWallet();
        services.put(Wallet.class, wallet);
        services.put(SignatureVerifier.class, TestWallet.VERIFIER);
        services.put(Clock.class, new MutableClock(1_795_382_579_129L));
        services.put(Bridge.class, bridge);
        services.put(Sidechannels.class, new FakeSidechannels(new FakeSidechannels.Hub(), wallet.publicKeyHex()));
        services.put(Subnet.class, new ContractSubnet(new RoomContract(), new ContractSubnet.State(), wallet.publicKeyHex()));
        InterSplitPlugin plugin = new InterSplitPlugin();
        plugin.start(context);
        assertThat(contractApps).singleElement().isInstanceOf(RoomContract.class);
        assertThat(commands).extracting(TerminalCommand::name).containsExactly("/expense_add", "/expense_list",
                "/expense_balance", "/expense_clear", "/expense_export", "/expense_persist", "/expense_restore");
        assertThat(bridgeTypes.keySet()).containsExactly("expense_add", "expense_list", "expense_balance",
                "expense_clear", "expense_export", "expense_persist", "expense_restore");
        commands.get(0).execute(net.intercomj.api.command.CommandArgs.parse(
                "/expense_add --channel trip --payer alice --amount 30 --split alice,bob"), line -> {});
        assertThat(dir.resolve("expense-split.snapshots.json")).exists();
        plugin.stop();
        assertThat(bridgeTypes).isEmpty();
    }
}
