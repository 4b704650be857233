package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exports against the spec's §2.8 examples, byte for byte. The expected texts were also
 * checked against the original's {@code buildExpenseExport} run under Node.
 */
class ExportsTest {

    private static final Instant GENERATED = Instant.parse("2026-11-22T21:24:10.560Z");

    /** The README's quick demo on trip-nyc: alice 30 split alice,bob; bob 10 split alice,bob. */
    private static Summary quickDemo() {
        Ledger room = new Ledger("trip-nyc");
        room.add(Expense.of("t1", "alice", Amounts.parseAmountCents("30"), Names.parseList("alice,bob"), "dinner", 1, null));
        room.add(Expense.of("t2", "bob", Amounts.parseAmountCents("10"), Names.parseList("alice,bob"), "snacks", 2, null));
        return room.summary();
    }

    @Test
    void textAsTheSpecShowsIt() {
        assertThat(Exports.text(quickDemo(), GENERATED)).isEqualTo("""
                InterSplit Settlement Export
                generated_at: 2026-11-22T21:24:10.560Z
                channel: trip-nyc
                events: 2
                total: 40.00
                balances:
                - alice: +10.00
                - bob: -10.00
                settlements:
                - bob -> alice: 10.00""");
    }

    @Test
    void theUiTutorialsNumbers() {
        Ledger room = new Ledger("trip-nyc");
        room.add(Expense.of("t1", "alice", Amounts.parseAmountCents("30"), Names.parseList("alice,bob"), "dinner", 1, null));
        assertThat(Exports.text(room.summary(), GENERATED).lines())
                .contains("- alice: +15.00", "- bob: -15.00", "- bob -> alice: 15.00");
    }

    @Test
    void textOfAnEmptyRoom() {
        Summary empty = new Ledger("trip-nyc").summary();
        assertThat(Exports.text(empty, Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("""
                InterSplit Settlement Export
                generated_at: 2026-01-02T03:04:05.000Z
                channel: trip-nyc
                events: 0
                total: 0.00
                balances:
                - none
                settlements:
                - none""");
    }

    @Test
    void textWithZeroBalancesOnly() {
        Ledger room = new Ledger("r");
        room.add(Expense.of("t1", "alice", 1000, List.of("alice", "bob"), "", 1, null));
        room.add(Expense.of("t2", "bob", 1000, List.of("alice", "bob"), "", 2, null));
        assertThat(Exports.text(room.summary(), GENERATED)).endsWith("""
                balances:
                - alice: +0.00
                - bob: +0.00
                settlements:
                - none""");
    }

    @Test
    void jsonAsJsonStringifyWithTwoSpaces() {
        assertThat(Exports.json(quickDemo(), GENERATED)).isEqualTo("""
                {
                  "app": "intersplit",
                  "version": 1,
                  "generatedAt": "2026-11-22T21:24:10.560Z",
                  "channel": "trip-nyc",
                  "eventCount": 2,
                  "total": "40.00",
                  "balances": [
                    {
                      "member": "alice",
                      "cents": 1000,
                      "amount": "10.00",
                      "direction": "receives"
                    },
                    {
                      "member": "bob",
                      "cents": -1000,
                      "amount": "10.00",
                      "direction": "owes"
                    }
                  ],
                  "settlements": [
                    {
                      "from": "bob",
                      "to": "alice",
                      "cents": 1000,
                      "amount": "10.00"
                    }
                  ]
                }""");
    }

    @Test
    void jsonOfAnEmptyRoomAndAZeroBalance() {
        assertThat(Exports.json(new Ledger("r").summary(), GENERATED)).isEqualTo("""
                {
                  "app": "intersplit",
                  "version": 1,
                  "generatedAt": "2026-11-22T21:24:10.560Z",
                  "channel": "r",
                  "eventCount": 0,
                  "total": "0.00",
                  "balances": [],
                  "settlements": []
                }""");
        Summary zero = new Summary("r", 1, 100, List.of(new Balance("alice", 0)), List.of());
        assertThat(Exports.json(zero, GENERATED)).contains("""
                      "cents": 0,
                      "amount": "0.00",
                      "direction": "receives"
                """);
    }

    @Test
    void jsonEscapesAsJsonStringify() {
        Summary odd = new Summary("a\"b\\c\u0001", 0, 0, List.of(), List.of());
        assertThat(Exports.json(odd, GENERATED)).contains("  \"channel\": \"a\\\"b\\\\c\\u0001\",\n");
    }

    @Test
    void csvAsTheOriginalForPlainNames() {
        assertThat(Exports.csv(quickDemo())).isEqualTo("from,to,amount\nbob,alice,10.00");
        assertThat(Exports.csv(new Ledger("r").summary())).isEqualTo("from,to,amount");
    }

    @Test
    void csvQuotesNamesThatNeedIt() {
        Ledger room = new Ledger("r");
        room.add(Expense.of("t1", "smith, jr", 1000, List.of("smith, jr", "o\"neil"), "", 1, null));
        Summary summary = room.summary();
        String csv = Exports.csv(summary);
        assertThat(csv).isEqualTo("from,to,amount\n\"o\"\"neil\",\"smith, jr\",5.00");
        assertThat(Csv.parse(csv)).containsExactly(
                List.of("from", "to", "amount"),
                List.of("o\"neil", "smith, jr", "5.00"));
    }

    @Test
    void timestampsAsToIsoString() {
        assertThat(Exports.isoTimestamp(Instant.parse("2026-11-22T21:24:10Z"))).isEqualTo("2026-11-22T21:24:10.000Z");
        assertThat(Exports.isoTimestamp(Instant.parse("2026-11-22T21:24:10.123999Z"))).isEqualTo("2026-11-22T21:24:10.123Z");
        assertThat(Exports.isoTimestamp(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(Exports.isoTimestamp(Instant.ofEpochMilli(-1))).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(Exports.isoTimestamp(Instant.ofEpochMilli(Expense.MAX_TS))).isEqualTo("9999-12-31T23:59:59.999Z");
        assertThat(Exports.isoTimestamp(Instant.ofEpochMilli(8_640_000_000_000_000L))).isEqualTo("+275760-09-13T00:00:00.000Z");
        assertThat(Exports.isoTimestamp(Instant.ofEpochMilli(-62_198_755_200_000L))).isEqualTo("-000001-01-01T00:00:00.000Z");
    }
}
