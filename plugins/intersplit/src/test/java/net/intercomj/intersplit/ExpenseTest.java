package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.intercomj.api.json.Json;
import org.junit.jupiter.api.Test;

class ExpenseTest {

    private static final long TS = 1_795_382_579_129L;
    private static final String ADDRESS = "trac1j8wqd88yhnssf74uzrpp5kvwmwdr6jnl42yxluldq893mjxvtf3s8hsyrq";

    @Test
    void normalizesAsTheOriginal() {
        Expense e = new Expense(" tx-1 ", " Alice ", 3000, Arrays.asList("ALICE", " bob", "", "Bob", null), "  dinner \n", TS, "  ");
        assertThat(e.txId()).isEqualTo("tx-1");
        assertThat(e.payer()).isEqualTo("alice");
        assertThat(e.split()).containsExactly("alice", "bob");
        assertThat(e.note()).isEqualTo("dinner");
        assertThat(e.by()).isNull();
        assertThat(new Expense("tx-1", "alice", 3000, List.of("alice", "bob"), null, TS, null).note()).isEmpty();
    }

    @Test
    void equalMeaningIsEqual() {
        assertThat(new Expense("t", "Alice", 1, List.of("alice", "BOB"), " x ", 1, null))
                .isEqualTo(new Expense("t", "alice", 1, List.of("alice", "bob"), "x", 1, null));
    }

    @Test
    void theSplitCannotBeChangedAfterwards() {
        Expense e = new Expense("t", "alice", 1, List.of("alice"), "", 1, null);
        assertThatThrownBy(() -> e.split().add("mallory")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aLocalAddPutsAMissingPayerFirst() {
        Expense e = Expense.of("t", "Carol", 1000, List.of("bob", "alice"), "", TS, null);
        assertThat(e.split()).containsExactly("carol", "bob", "alice");
        assertThat(Expense.of("t", "bob", 1000, List.of("alice", "BOB"), "", TS, null).split()).containsExactly("alice", "bob");
    }

    @Test
    void refusesWithTheOriginalsMessagesInItsOrder() {
        assertThatThrownBy(() -> Expense.of("t", " ", 0, List.of(), "", TS, null)).hasMessage("Missing payer.");
        assertThatThrownBy(() -> Expense.of("t", "alice", 0, List.of(), "", TS, null))
                .hasMessage("Invalid amount. Use a positive number. amountCents must be positive, got 0.");
        assertThatThrownBy(() -> Expense.of("t", "alice", 100, List.of(" ", ""), "", TS, null))
                .hasMessage("Missing split members. Use comma-separated names.");
        assertThatThrownBy(() -> Expense.of("t", "alice", Amounts.MAX_CENTS + 1, List.of("bob"), "", TS, null))
                .hasMessageStartingWith(Amounts.INVALID);
        assertThatThrownBy(() -> Expense.of(" ", "alice", 100, List.of("bob"), "", TS, null)).hasMessage("Missing txId.");
    }

    @Test
    void thePayerMustShareTheExpense() {
        assertThatThrownBy(() -> new Expense("t", "carol", 1000, List.of("bob", "alice"), "", TS, null))
                .hasMessage("The payer carol must be one of the split members.");
    }

    @Test
    void enforcesLimits() {
        List<String> many = IntStream.rangeClosed(0, Expense.MAX_SPLIT_MEMBERS).mapToObj(i -> "m" + i).toList();
        assertThatThrownBy(() -> Expense.of("t", "m0", 100, many, "", TS, null))
                .hasMessage("Too many split members: 101, at most 100.");
        assertThat(Expense.of("t", "m0", 100, many.subList(0, Expense.MAX_SPLIT_MEMBERS), "", TS, null).split()).hasSize(100);
        assertThatThrownBy(() -> Expense.of("t", "alice", 100, List.of("alice"), "x".repeat(501), TS, null))
                .hasMessage("The note is too long: 501 characters, at most 500.");
        assertThatThrownBy(() -> Expense.of("t", "alice", 100, List.of("alice"), "", -1, null))
                .hasMessage("ts must be from 0 to " + Expense.MAX_TS + " (epoch milliseconds), got -1.");
        assertThatThrownBy(() -> Expense.of("t", "alice", 100, List.of("alice", "b\nob"), "", TS, null))
                .hasMessageContaining("must not contain control characters");
        assertThatThrownBy(() -> Expense.of("t\n1", "alice", 100, List.of("alice"), "", TS, null))
                .hasMessageContaining("A txId must not contain control characters");
        // A note may span lines: it is free text, quoted wherever it is written.
        assertThat(Expense.of("t", "alice", 100, List.of("alice"), "a,\"b\"\nc", TS, null).note()).isEqualTo("a,\"b\"\nc");
    }

    @Test
    void writesTheOriginalsEventJson() {
        Expense e = new Expense("abababababab:1795382579129:si6m6lp8", "alice", 3000, List.of("alice", "bob"), "dinner", TS, ADDRESS);
        assertThat(e.toJson().toJson()).isEqualTo(
                "{\"txId\":\"abababababab:1795382579129:si6m6lp8\",\"payer\":\"alice\",\"amountCents\":3000,"
                        + "\"split\":[\"alice\",\"bob\"],\"note\":\"dinner\",\"ts\":1795382579129,\"by\":\"" + ADDRESS + "\"}");
        assertThat(Expense.fromJson(Json.parse(e.toJson().toJson()), 0)).isEqualTo(e);
        Expense anonymous = new Expense("t", "alice", 1, List.of("alice"), "", 1, null);
        assertThat(anonymous.toJson().toJson()).endsWith(",\"by\":null}");
        assertThat(Expense.fromJson(anonymous.toJson(), 0)).isEqualTo(anonymous);
    }

    @Test
    void readsLooseEventsAsTheOriginal() {
        Expense e = Expense.fromJson(Json.parse("{\"txId\":\"x\",\"payer\":\" Bob \",\"amountCents\":\"700\",\"split\":\"bob, Alice\",\"extra\":1}"), 42);
        assertThat(e).isEqualTo(new Expense("x", "bob", 700, List.of("bob", "alice"), "", 42, null));
        assertThat(Expense.fromJson(Json.parse("{\"txId\":\"x\",\"payer\":\"bob\",\"amountCents\":7e2,\"split\":[\"bob\"],\"note\":null,\"ts\":null,\"by\":null}"), 5))
                .isEqualTo(new Expense("x", "bob", 700, List.of("bob"), "", 5, null));
    }

    @Test
    void refusesMalformedEvents() {
        String base = "{\"txId\":\"x\",\"payer\":\"bob\",\"split\":[\"bob\"],\"amountCents\":";
        assertThatThrownBy(() -> Expense.fromJson(Json.parse(base + "12.9}"), 0))
                .hasMessage(Amounts.INVALID + " amountCents must be a whole number of cents, got 12.9.");
        assertThatThrownBy(() -> Expense.fromJson(Json.parse(base + "-5}"), 0))
                .hasMessage(Amounts.INVALID + " amountCents must be from 1 to 1000000000000, got -5.");
        assertThatThrownBy(() -> Expense.fromJson(Json.parse(base + "1e30}"), 0)).hasMessageStartingWith(Amounts.INVALID);
        assertThatThrownBy(() -> Expense.fromJson(Json.parse(base + "\"12abc\"}"), 0)).hasMessageStartingWith(Amounts.INVALID);
        assertThatThrownBy(() -> Expense.fromJson(Json.parse(base + "null}"), 0))
                .hasMessage(Amounts.INVALID + " amountCents is missing or not a number.");
        assertThatThrownBy(() -> Expense.fromJson(Json.parse(base + "1,\"ts\":1.5}"), 0)).hasMessageStartingWith("ts must be a whole number");
        assertThatThrownBy(() -> Expense.fromJson(Json.parse(base + "1,\"ts\":\"now\"}"), 0)).hasMessageStartingWith("ts must be a whole number");
        assertThatThrownBy(() -> Expense.fromJson(Json.parse(base + "1,\"note\":{}}"), 0)).hasMessage("note must be a string.");
        assertThatThrownBy(() -> Expense.fromJson(Json.parse("{\"txId\":\"x\",\"payer\":\"bob\",\"split\":[1],\"amountCents\":1}"), 0))
                .hasMessage("split must hold names (strings), found 1.");
        assertThatThrownBy(() -> Expense.fromJson(Json.parse("{\"txId\":\"x\",\"payer\":\"bob\",\"amountCents\":1}"), 0))
                .hasMessage(Expense.MISSING_SPLIT);
        assertThatThrownBy(() -> Expense.fromJson(Json.parse("[]"), 0)).hasMessage("An expense event must be a JSON object.");
        assertThatThrownBy(() -> Expense.fromJson(Json.parse("{\"payer\":\"bob\",\"split\":[\"bob\"],\"amountCents\":1}"), 0))
                .hasMessage("Missing txId.");
    }
}
