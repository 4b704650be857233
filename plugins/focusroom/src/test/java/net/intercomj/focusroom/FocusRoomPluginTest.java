package net.intercomj.focusroom;

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
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's wiring: services it waits for, what it adds, what it removes when stopped. */
class FocusRoomPluginTest {

    @TempDir
    Path dir;

    private final Map<Class<?>, Object> services = new HashMap<>();
    private final List<TerminalCommand> commands = new ArrayList<>();
    private final Map<String, BridgeMessageHandler> bridgeTypes = new LinkedHashMap<>();
    private final Map<String, String> helloFields = new LinkedHashMap<>();
    private final List<String> pushed = new ArrayList<>();
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
            return "focusroom";
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
            throw new UnsupportedOperationException();
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
        public void pushToAll(String eventJson) {
            pushed.add(eventJson);
        }

        @Override
        public void pushToChannel(String channel, String eventJson) {}

        @Override
        public Registration helloField(String name, String valueJson) {
            helloFields.put(name, valueJson);
            return () -> helloFields.remove(name);
        }
    };

    @Test
    void withoutSidechannelsItAddsNothing() {
        services.put(Wallet.class, new TestWallet());
        services.put(SignatureVerifier.class, TestWallet.VERIFIER);
        services.put(Bridge.class, bridge);
        new FocusRoomPlugin().start(context);
        assertThat(commands).isEmpty();
        assertThat(bridgeTypes).isEmpty();
        assertThat(helloFields).isEmpty();
    }

    @Test
    void startedBeforeTheSidechannelPluginItWaitsForItsServiceThenTicks() {
        List<Runnable> tasks = new ArrayList<>();
        services.put(net.intercomj.api.plugin.Scheduler.class, new net.intercomj.api.plugin.Scheduler() {
            @Override
            public Registration every(java.time.Duration period, Runnable task) {
                tasks.add(task);
                return () -> tasks.remove(task);
            }

            @Override
            public Registration after(java.time.Duration delay, Runnable task) {
                throw new UnsupportedOperationException();
            }
        });
        TestWallet wallet = new TestWallet();
        services.put(Wallet.class, wallet);
        services.put(SignatureVerifier.class, TestWallet.VERIFIER);
        FocusRoomPlugin plugin = new FocusRoomPlugin();
        plugin.start(context);
        assertThat(commands).isEmpty();
        assertThat(tasks).isEmpty();
        assertThat(waits).containsOnlyKeys(Sidechannels.class);

        offer(Sidechannels.class, new FakeSidechannels(new FakeSidechannels.Hub(), wallet.publicKeyHex()));
        assertThat(commands).hasSize(9);
        // Wired: the expiry clock and the join check run from now on.
        assertThat(tasks).hasSize(2);
        tasks.forEach(Runnable::run);
        plugin.stop();
        assertThat(tasks).isEmpty();
    }

    @Test
    void addsTheCommandsBridgeTypesHelloFieldAndPushesAndUsesItsDataFolder() throws Exception {
        TestWallet wallet = new TestWallet();
        services.put(Wallet.class, wallet);
        services.put(SignatureVerifier.class, TestWallet.VERIFIER);
        services.put(Clock.class, new MutableClock(1_795_382_579_129L));
        services.put(Sidechannels.class, new FakeSidechannels(new FakeSidechannels.Hub(), wallet.publicKeyHex()));
        services.put(Bridge.class, bridge);
        FocusRoomPlugin plugin = new FocusRoomPlugin();
        plugin.start(context);
        assertThat(commands).extracting(TerminalCommand::name).containsExactly("/focus_start", "/focus_join",
                "/focus_checkin", "/focus_end", "/focus_extend", "/focus_status", "/focus_rooms", "/focus_streaks",
                "/focus_history");
        assertThat(bridgeTypes.keySet()).containsExactly("focus_start", "focus_join", "focus_checkin", "focus_end",
                "focus_extend", "focus_status", "focus_rooms", "focus_streaks");
        assertThat(helloFields).containsEntry("focusBridgeActions", "[\"focus_start\",\"focus_join\",\"focus_checkin\","
                + "\"focus_end\",\"focus_extend\",\"focus_status\",\"focus_rooms\",\"focus_streaks\"]");
        commands.get(0).execute(net.intercomj.api.command.CommandArgs.parse("/focus_start --room r --minutes 1"), line -> {});
        commands.get(3).execute(net.intercomj.api.command.CommandArgs.parse("/focus_end --room r"), line -> {});
        assertThat(pushed).hasSize(2).allMatch(p -> p.startsWith("{\"type\":\"focus_event\",\"app\":\"focus_room\""));
        assertThat(pushed.get(0)).contains("\"source\":\"local\"");
        assertThat(dir.resolve(FocusStore.FILE_NAME)).exists();
        plugin.stop();
        assertThat(bridgeTypes).isEmpty();
        assertThat(helloFields).isEmpty();
    }
}
