package net.intercomj.focusroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.network.Registration;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import net.intercomj.testkit.TestBridge;
import net.intercomj.testkit.TestPluginContext;
import net.intercomj.testkit.TestWallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's wiring: services it waits for, what it adds, what it removes when stopped. */
class FocusRoomPluginTest {

    @TempDir
    Path dir;

    private TestPluginContext context;
    private final TestBridge bridge = new TestBridge();

    @BeforeEach
    void context() {
        context = new TestPluginContext("focusroom", dir);
    }

    @Test
    void withoutSidechannelsItAddsNothing() {
        context.put(Wallet.class, new TestWallet());
        context.put(SignatureVerifier.class, TestWallet.VERIFIER);
        context.put(Bridge.class, bridge);
        new FocusRoomPlugin().start(context);
        assertThat(context.commands).isEmpty();
        assertThat(bridge.types).isEmpty();
        assertThat(bridge.helloFields).isEmpty();
    }

    @Test
    void startedBeforeTheSidechannelPluginItWaitsForItsServiceThenTicks() {
        List<Runnable> tasks = new ArrayList<>();
        context.put(net.intercomj.api.plugin.Scheduler.class, new net.intercomj.api.plugin.Scheduler() {
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
        context.put(Wallet.class, wallet);
        context.put(SignatureVerifier.class, TestWallet.VERIFIER);
        FocusRoomPlugin plugin = new FocusRoomPlugin();
        plugin.start(context);
        assertThat(context.commands).isEmpty();
        assertThat(tasks).isEmpty();
        assertThat(context.waits).containsOnlyKeys(Sidechannels.class);

        context.offer(Sidechannels.class, new FakeSidechannels(new FakeSidechannels.Hub(), wallet.publicKeyHex()));
        assertThat(context.commands).hasSize(9);
        // Wired: the expiry clock and the join check run from now on.
        assertThat(tasks).hasSize(2);
        tasks.forEach(Runnable::run);
        plugin.stop();
        assertThat(tasks).isEmpty();
    }

    @Test
    void addsTheCommandsBridgeTypesHelloFieldAndPushesAndUsesItsDataFolder() throws Exception {
        TestWallet wallet = new TestWallet();
        context.put(Wallet.class, wallet);
        context.put(SignatureVerifier.class, TestWallet.VERIFIER);
        context.put(Clock.class, new MutableClock(1_795_382_579_129L));
        context.put(Sidechannels.class, new FakeSidechannels(new FakeSidechannels.Hub(), wallet.publicKeyHex()));
        context.put(Bridge.class, bridge);
        FocusRoomPlugin plugin = new FocusRoomPlugin();
        plugin.start(context);
        assertThat(context.commands).extracting(TerminalCommand::name).containsExactly("/focus_start", "/focus_join",
                "/focus_checkin", "/focus_end", "/focus_extend", "/focus_status", "/focus_rooms", "/focus_streaks",
                "/focus_history");
        assertThat(bridge.types.keySet()).containsExactly("focus_start", "focus_join", "focus_checkin", "focus_end",
                "focus_extend", "focus_status", "focus_rooms", "focus_streaks");
        assertThat(bridge.helloFields).containsEntry("focusBridgeActions", "[\"focus_start\",\"focus_join\",\"focus_checkin\","
                + "\"focus_end\",\"focus_extend\",\"focus_status\",\"focus_rooms\",\"focus_streaks\"]");
        context.commands.get(0).execute(net.intercomj.api.command.CommandArgs.parse("/focus_start --room r --minutes 1"), line -> {});
        context.commands.get(3).execute(net.intercomj.api.command.CommandArgs.parse("/focus_end --room r"), line -> {});
        assertThat(bridge.pushed).hasSize(2).allMatch(p -> p.startsWith("{\"type\":\"focus_event\",\"app\":\"focus_room\""));
        assertThat(bridge.pushed.get(0)).contains("\"source\":\"local\"");
        assertThat(dir.resolve(FocusStore.FILE_NAME)).exists();
        plugin.stop();
        assertThat(bridge.types).isEmpty();
        assertThat(bridge.helloFields).isEmpty();
    }
}
