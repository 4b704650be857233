package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static Expense expense(String txId, long ts, String payer, long cents, String split) {
        return Expense.of(txId, payer, cents, Names.parseList(split), "", ts, null);
    }

    @Test
    void theFirstEventWithATxIdWins() {
        Ledger room = new Ledger("trip-nyc");
        assertThat(room.add(expense("t1", 10, "alice", 3000, "alice,bob"))).isTrue();
        assertThat(room.add(expense("t1", 11, "mallory", 999_999, "mallory,bob"))).isFalse();
        assertThat(room.size()).isEqualTo(1);
        assertThat(room.contains("t1")).isTrue();
        assertThat(room.list().get(0).payer()).isEqualTo("alice");
        assertThat(room.addAll(List.of(expense("t1", 1, "bob", 1, "bob"), expense("t2", 1, "bob", 1, "bob")))).isEqualTo(1);
    }

    @Test
    void listsByTsKeepingArrivalOrderForTies() {
        Ledger room = new Ledger("r");
        room.add(expense("c", 30, "alice", 1, "alice"));
        room.add(expense("b2", 20, "alice", 1, "alice"));
        room.add(expense("a", 10, "alice", 1, "alice"));
        room.add(expense("b1", 20, "alice", 1, "alice"));
        assertThat(room.list()).extracting(Expense::txId).containsExactly("a", "b2", "b1", "c");
    }

    @Test
    void anEmptyRoomHasNothing() {
        Ledger room = new Ledger("r");
        assertThat(room.isEmpty()).isTrue();
        assertThat(room.list()).isEmpty();
        assertThat(room.summary()).isEqualTo(new Summary("r", 0, 0, List.of(), List.of()));
    }

    @Test
    void theSpecsQuickDemo() {
        Ledger room = new Ledger("trip-nyc");
        room.add(Expense.of("t1", "alice", Amounts.parseAmountCents("30"), Names.parseList("alice,bob"), "dinner", 1, null));
        assertThat(room.balances()).containsExactly(new Balance("alice", 1500), new Balance("bob", -1500));
        assertThat(room.summary().settlements()).containsExactly(new Transfer("bob", "alice", 1500));

        room.add(Expense.of("t2", "bob", Amounts.parseAmountCents("10"), Names.parseList("alice,bob"), "snacks", 2, null));
        Summary summary = room.summary();
        assertThat(summary.eventCount()).isEqualTo(2);
        assertThat(summary.totalCents()).isEqualTo(4000);
        assertThat(summary.balances()).containsExactly(new Balance("alice", 1000), new Balance("bob", -1000));
        assertThat(summary.settlements()).containsExactly(new Transfer("bob", "alice", 1000));
        assertThat(room.summary(SettlementPlan.Mode.GREEDY)).isEqualTo(summary);
        assertThat(summary.toJson().toJson()).isEqualTo("{\"channel\":\"trip-nyc\",\"eventCount\":2,\"totalCents\":4000,"
                + "\"balances\":[{\"member\":\"alice\",\"cents\":1000},{\"member\":\"bob\",\"cents\":-1000}],"
                + "\"settlements\":[{\"from\":\"bob\",\"to\":\"alice\",\"amountCents\":1000}]}");
    }

    @Test
    void theFirstMembersOfTheSplitAbsorbTheLeftoverCents() {
        // carol 10 split bob,alice: the payer is put first, shares 334/333/333.
        Ledger room = new Ledger("r");
        room.add(expense("t", 1, "carol", 1000, "bob,alice"));
        assertThat(room.list().get(0).split()).containsExactly("carol", "bob", "alice");
        assertThat(room.balances()).containsExactly(new Balance("alice", -333), new Balance("bob", -333), new Balance("carol", 666));

        // Same amount, stored order bob, carol, alice: now bob absorbs the leftover cent.
        Ledger other = new Ledger("r");
        other.add(new Expense("t", "carol", 1000, List.of("bob", "carol", "alice"), "", 1, null));
        assertThat(other.balances()).containsExactly(new Balance("alice", -333), new Balance("bob", -334), new Balance("carol", 667));

        // 2 cents among 3: the first two pay one cent each, the third nothing but is still listed.
        Ledger cents = new Ledger("r");
        cents.add(new Expense("t", "alice", 2, List.of("alice", "bob", "carol"), "", 1, null));
        assertThat(cents.balances()).containsExactly(new Balance("alice", 1), new Balance("bob", -1), new Balance("carol", 0));
    }

    @Test
    void zeroBalancesAreListedAndNeedNoPayment() {
        Ledger room = new Ledger("r");
        room.add(expense("t1", 1, "alice", 1000, "alice,bob"));
        room.add(expense("t2", 2, "bob", 1000, "alice,bob"));
        Summary summary = room.summary();
        assertThat(summary.balances()).containsExactly(new Balance("alice", 0), new Balance("bob", 0));
        assertThat(summary.settlements()).isEmpty();
    }

    @Test
    void balancesAreListedByCodePoint() {
        Ledger room = new Ledger("r");
        room.add(expense("t", 1, "zed", 400, "zed,Émile,amy,a_b"));
        assertThat(room.balances()).extracting(Balance::member).containsExactly("a_b", "amy", "zed", "émile");
    }
}
