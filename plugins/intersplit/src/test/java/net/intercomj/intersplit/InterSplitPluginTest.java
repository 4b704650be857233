package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.subnet.Subnet;
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

class InterSplitPluginTest {

    @TempDir
    Path dir;

    private TestPluginContext context;
    private final TestBridge bridge = new TestBridge();

    @BeforeEach
    void context() {
        context = new TestPluginContext("intersplit", dir);
    }

    @Test
    void withoutSidechannelsItAddsNothing() {
        context.put(Wallet.class, new TestWallet());
        context.put(SignatureVerifier.class, TestWallet.VERIFIER);
        context.put(Bridge.class, bridge);
        new InterSplitPlugin().start(context);
        assertThat(context.commands).isEmpty();
        assertThat(bridge.types).isEmpty();
    }

    @Test
    void startedBeforeTheSidechannelPluginItWaitsForItsService() {
        TestWallet wallet = new TestWallet();
        context.put(Wallet.class, wallet);
        context.put(SignatureVerifier.class, TestWallet.VERIFIER);
        InterSplitPlugin plugin = new InterSplitPlugin();
        plugin.start(context);
        assertThat(context.commands).isEmpty();
        assertThat(context.contractApps).hasSize(1);
        assertThat(context.waits).containsOnlyKeys(Sidechannels.class);

        context.offer(Sidechannels.class, new FakeSidechannels(new FakeSidechannels.Hub(), wallet.publicKeyHex()));
        assertThat(context.commands).extracting(TerminalCommand::name).contains("/expense_add", "/expense_export");
        plugin.stop();
    }

    @Test
    void stoppedBeforeTheSidechannelPluginCameItStopsWaiting() {
        context.put(Wallet.class, new TestWallet());
        context.put(SignatureVerifier.class, TestWallet.VERIFIER);
        InterSplitPlugin plugin = new InterSplitPlugin();
        plugin.start(context);
        plugin.stop();
        assertThat(context.waits.get(Sidechannels.class)).isEmpty();
    }

    @Test
    void addsTheCommandsAndBridgeTypesAndUsesItsDataFolder() throws Exception {
        TestWallet wallet = new TestWallet();
        context.put(Wallet.class, wallet);
        context.put(SignatureVerifier.class, TestWallet.VERIFIER);
        context.put(Clock.class, new MutableClock(1_795_382_579_129L));
        context.put(Bridge.class, bridge);
        context.put(Sidechannels.class, new FakeSidechannels(new FakeSidechannels.Hub(), wallet.publicKeyHex()));
        context.put(Subnet.class, new ContractSubnet(new RoomContract(), new ContractSubnet.State(), wallet.publicKeyHex()));
        InterSplitPlugin plugin = new InterSplitPlugin();
        plugin.start(context);
        assertThat(context.contractApps).singleElement().isInstanceOf(RoomContract.class);
        assertThat(context.commands).extracting(TerminalCommand::name).containsExactly("/expense_add", "/expense_list",
                "/expense_balance", "/expense_clear", "/expense_export", "/expense_persist", "/expense_restore");
        assertThat(bridge.types.keySet()).containsExactly("expense_add", "expense_list", "expense_balance",
                "expense_clear", "expense_export", "expense_persist", "expense_restore");
        context.commands.get(0).execute(net.intercomj.api.command.CommandArgs.parse(
                "/expense_add --channel trip --payer alice --amount 30 --split alice,bob"), line -> {});
        assertThat(dir.resolve("expense-split.snapshots.json")).exists();
        plugin.stop();
        assertThat(bridge.types).isEmpty();
    }
}
