package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's §2.4 examples, and the cases where the two plans differ. */
class SettlementPlanTest {

    private static Ledger room(Expense... events) {
        Ledger room = new Ledger("r");
        for (Expense e : events) {
            room.add(e);
        }
        return room;
    }

    private static Expense expense(String txId, String payer, String amount, String split) {
        return Expense.of(txId, payer, Amounts.parseAmountCents(amount), Names.parseList(split), "", 1, null);
    }

    private static List<Balance> balances(Object... memberAndCents) {
        List<Balance> out = new ArrayList<>();
        for (int i = 0; i < memberAndCents.length; i += 2) {
            out.add(new Balance((String) memberAndCents[i], ((Number) memberAndCents[i + 1]).longValue()));
        }
        return out;
    }

    @Test
    void twoPeopleTwoExpenses() {
        List<Balance> b = room(expense("1", "alice", "30", "alice,bob"), expense("2", "bob", "10", "alice,bob")).balances();
        assertThat(b).containsExactly(new Balance("alice", 1000), new Balance("bob", -1000));
        List<Transfer> expected = List.of(new Transfer("bob", "alice", 1000));
        assertThat(SettlementPlan.greedy(b)).isEqualTo(expected);
        assertThat(SettlementPlan.fewestPayments(b)).isEqualTo(expected);
    }

    @Test
    void thePayerMissingFromTheSplit() {
        List<Balance> b = room(expense("1", "carol", "10", "bob,alice")).balances();
        assertThat(b).containsExactly(new Balance("alice", -333), new Balance("bob", -333), new Balance("carol", 666));
        List<Transfer> expected = List.of(new Transfer("alice", "carol", 333), new Transfer("bob", "carol", 333));
        assertThat(SettlementPlan.greedy(b)).isEqualTo(expected);
        assertThat(SettlementPlan.fewestPayments(b)).isEqualTo(expected);
    }

    @Test
    void tiesGoInNameOrder() {
        List<Balance> b = room(expense("1", "zed", "30", "zed,amy,bob"), expense("2", "amy", "30", "zed,amy,bob,cat,dan,eve")).balances();
        assertThat(b).containsExactly(new Balance("amy", 1500), new Balance("bob", -1500), new Balance("cat", -500),
                new Balance("dan", -500), new Balance("eve", -500), new Balance("zed", 1500));
        List<Transfer> expected = List.of(new Transfer("bob", "amy", 1500), new Transfer("cat", "zed", 500),
                new Transfer("dan", "zed", 500), new Transfer("eve", "zed", 500));
        assertThat(SettlementPlan.greedy(b)).isEqualTo(expected);
        assertThat(SettlementPlan.fewestPayments(b)).isEqualTo(expected);
    }

    @Test
    void theInputOrderDoesNotMatter() {
        List<Balance> b = balances("amy", 1500, "bob", -1500, "cat", -500, "dan", -500, "eve", -500, "zed", 1500);
        List<Balance> reversed = new ArrayList<>(b);
        Collections.reverse(reversed);
        assertThat(SettlementPlan.greedy(reversed)).isEqualTo(SettlementPlan.greedy(b));
        assertThat(SettlementPlan.fewestPayments(reversed)).isEqualTo(SettlementPlan.fewestPayments(b));
    }

    @Test
    void greedyIsNotAlwaysMinimal() {
        // Zero-sum groups {a, c, b} (2 + 5 - 7) and {d, e, f, g} (-9 + 2 + 8 - 1): 7 - 2 = 5 payments.
        List<Balance> b = balances("a", 2, "b", -7, "c", 5, "d", -9, "e", 2, "f", 8, "g", -1);
        assertThat(SettlementPlan.greedy(b)).hasSize(6);
        assertThat(SettlementPlan.fewestPayments(b)).containsExactly(
                new Transfer("b", "c", 5), new Transfer("b", "a", 2),
                new Transfer("d", "f", 8), new Transfer("d", "e", 1), new Transfer("g", "e", 1));
    }

    @Test
    void oppositeBalancesPayEachOtherDirectly() {
        List<Balance> b = balances("alice", 700, "bob", 300, "carol", -700, "dave", -300);
        assertThat(SettlementPlan.fewestPayments(b)).containsExactly(new Transfer("carol", "alice", 700), new Transfer("dave", "bob", 300));
        // Greedy, largest first, pays bob's 400 in two parts; dave and bob cancel out exactly.
        List<Balance> c = balances("alice", 600, "bob", 400, "carol", -500, "dave", -400, "erin", -100);
        assertThat(SettlementPlan.greedy(c)).containsExactly(new Transfer("carol", "alice", 500), new Transfer("dave", "alice", 100),
                new Transfer("dave", "bob", 300), new Transfer("erin", "bob", 100));
        assertThat(SettlementPlan.fewestPayments(c)).containsExactly(new Transfer("carol", "alice", 500), new Transfer("erin", "alice", 100),
                new Transfer("dave", "bob", 400));
    }

    @Test
    void nothingToSettle() {
        assertThat(SettlementPlan.fewestPayments(List.of())).isEmpty();
        assertThat(SettlementPlan.fewestPayments(balances("alice", 0, "bob", 0))).isEmpty();
        assertThat(SettlementPlan.greedy(balances("alice", 0))).isEmpty();
    }

    @Test
    void refusesBalancesThatCannotBeSettled() {
        assertThatThrownBy(() -> SettlementPlan.fewestPayments(balances("alice", 5, "bob", -4)))
                .hasMessage("Balances must sum to zero to be settled, they sum to 1 cents.");
        assertThatThrownBy(() -> SettlementPlan.greedy(balances("alice", 5, "alice", -5)))
                .hasMessage("Member alice has two balances.");
        assertThatThrownBy(() -> SettlementPlan.greedy(balances("a", Long.MAX_VALUE, "b", Long.MAX_VALUE, "c", -1)))
                .isInstanceOf(ArithmeticException.class);
    }
}
