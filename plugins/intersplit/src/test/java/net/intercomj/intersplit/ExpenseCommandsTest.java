package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpenseCommandsTest {

    private static final long T0 = 1_795_382_579_129L; // 2026-11-22T21:22:59.129Z

    @TempDir
    Path dir;

    private final FakeSidechannels.Hub hub = new FakeSidechannels.Hub();
    private final MutableClock clock = new MutableClock(T0);
    private TestPeer peer;

    @BeforeEach
    void peer() {
        peer = new TestPeer(hub, clock, dir);
        peer.app.start();
    }

    private List<String> run(TerminalCommand command, String line) throws Exception {
        List<String> out = new ArrayList<>();
        command.execute(CommandArgs.parse(line), out::add);
        return out;
    }

    @Test
    void theSeedReadmeQuickDemo() throws Exception {
        assertThat(run(new ExpenseAddCommand(peer.app),
                "/expense_add --channel \"Trip-NYC\" --payer \"alice\" --amount \"30\" --split \"alice,bob\" --note \"dinner\""))
                .containsExactly("[expense:trip-nyc] added 30.00 by alice split=alice,bob");
        assertThat(run(new ExpenseBalanceCommand(peer.app), "/expense_balance --channel \"trip-nyc\"")).containsExactly(
                "[expense:trip-nyc] entries=1 total=30.00",
                "- balances:",
                "  alice: +15.00",
                "  bob: -15.00",
                "- settlements:",
                "  bob -> alice: 15.00");
        clock.advance(1000);
        run(new ExpenseAddCommand(peer.app), "/expense_add --ch trip-nyc --p bob --a 10 --with alice,bob --memo snacks");
        assertThat(run(new ExpenseBalanceCommand(peer.app), "/expense_balance --room TRIP-NYC")).containsExactly(
                "[expense:trip-nyc] entries=2 total=40.00",
                "- balances:",
                "  alice: +10.00",
                "  bob: -10.00",
                "- settlements:",
                "  bob -> alice: 10.00");
        assertThat(run(new ExpenseListCommand(peer.app), "/expense_list --channel trip-nyc")).containsExactly(
                "[expense:trip-nyc] entries=2",
                "- 2026-11-22T21:22:59.129Z | alice paid 30.00 | split=alice,bob | note=dinner",
                "- 2026-11-22T21:23:00.129Z | bob paid 10.00 | split=alice,bob | note=snacks");
    }

    @Test
    void usageErrorsAndEmptyRooms() throws Exception {
        assertThat(run(new ExpenseAddCommand(peer.app), "/expense_add --payer alice --amount 5"))
                .containsExactly(ExpenseAddCommand.USAGE);
        assertThat(run(new ExpenseAddCommand(peer.app), "/expense_add --payer alice --amount 1e3 --split bob"))
                .singleElement().asString().startsWith("Invalid amount. Use a positive number.");
        assertThat(run(new ExpenseAddCommand(peer.app), "/expense_add --payer alice --amount 10 --split bob,carol"))
                .containsExactly("[expense:0000intercom] added 10.00 by alice split=alice,bob,carol");
        assertThat(run(new ExpenseListCommand(peer.app), "/expense_list --channel empty"))
                .containsExactly("[expense:empty] no expenses yet.");
        assertThat(run(new ExpenseBalanceCommand(peer.app), "/expense_balance --channel empty"))
                .containsExactly("[expense:empty] entries=0 total=0.00", "- no balances yet.");
    }

    @Test
    void balanceWithNothingToSettleAndClear() throws Exception {
        run(new ExpenseAddCommand(peer.app), "/expense_add --channel t --payer alice --amount 5 --split alice");
        assertThat(run(new ExpenseBalanceCommand(peer.app), "/expense_balance --channel t")).containsExactly(
                "[expense:t] entries=1 total=5.00", "- balances:", "  alice: +0.00", "- settlements: none");
        clock.advance(1);
        assertThat(run(new ExpenseClearCommand(peer.app), "/expense_clear --channel T"))
                .containsExactly("[expense:t] ledger cleared.");
        assertThat(run(new ExpenseListCommand(peer.app), "/expense_list --channel t"))
                .containsExactly("[expense:t] no expenses yet.");
    }

    @Test
    void exportsInEachFormat() throws Exception {
        run(new ExpenseAddCommand(peer.app), "/expense_add --channel trip --payer alice --amount 30 --split alice,bob");
        ExpenseExportCommand export = new ExpenseExportCommand(peer.app, clock);
        List<String> text = run(export, "/expense_export --channel Trip");
        String expected = String.join("\n", "InterSplit Settlement Export", "generated_at: 2026-11-22T21:22:59.129Z",
                "channel: trip", "events: 1", "total: 30.00", "balances:", "- alice: +15.00", "- bob: -15.00",
                "settlements:", "- bob -> alice: 15.00");
        assertThat(text).containsExactly(expected,
                "export_b64: " + Base64.getEncoder().encodeToString(expected.getBytes(StandardCharsets.UTF_8)));
        assertThat(run(export, "/expense_export --channel trip --format CSV"))
                .containsExactly("from,to,amount\nbob,alice,15.00");
        List<String> json = run(export, "/expense_export --channel trip --format json");
        assertThat(json).hasSize(2);
        assertThat(json.get(0)).contains("\"app\": \"intersplit\"", "\"direction\": \"owes\"");
        assertThat(json.get(1)).startsWith("export_b64: ");
        assertThat(run(export, "/expense_export --channel trip --format xml").get(0)).startsWith("InterSplit Settlement Export");
    }
}
