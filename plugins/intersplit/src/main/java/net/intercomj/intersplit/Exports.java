package net.intercomj.intersplit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * The settlement exports, in the original terminal's three formats (spec §2.8), byte for byte.
 *
 * <p>The original has two sets of formats for the same action (W8): the terminal's text has a
 * {@code generated_at} line and a balances section and its json is an {@code "intersplit"}
 * document, while the bridge's text lacks both and its json is the raw summary. Only the
 * terminal's richer set is produced here, for every surface; the raw summary stays available
 * as {@link Summary#toJson()}.
 *
 * <p>Amounts print as {@code (cents / 100).toFixed(2)} ({@link Amounts#format}); the text
 * export joins its lines with LF and has no final line break. The CSV quotes its fields as
 * RFC 4180 says ({@link Csv}), fixing W9.
 *
 * <p>The generation time is a parameter rather than read from a clock, so an export is a pure
 * function of its inputs and can be compared byte for byte.
 */
public final class Exports {

    private Exports() {}

    /**
     * The text export:
     * <pre>
     * InterSplit Settlement Export
     * generated_at: 2026-11-22T21:24:10.560Z
     * channel: trip-nyc
     * events: 2
     * total: 40.00
     * balances:
     * - alice: +10.00
     * - bob: -10.00
     * settlements:
     * - bob -&gt; alice: 10.00</pre>
     * With no balances or no settlements, the section holds the one line {@code - none}. A zero
     * balance prints as {@code +0.00}.
     */
    public static String text(Summary summary, Instant generatedAt) {
        Objects.requireNonNull(summary, "summary");
        List<String> lines = new ArrayList<>();
        lines.add("InterSplit Settlement Export");
        lines.add("generated_at: " + isoTimestamp(generatedAt));
        lines.add("channel: " + summary.channel());
        lines.add("events: " + summary.eventCount());
        lines.add("total: " + Amounts.format(summary.totalCents()));
        lines.add("balances:");
        if (summary.balances().isEmpty()) {
            lines.add("- none");
        }
        for (Balance balance : summary.balances()) {
            lines.add("- " + balance.member() + ": " + Amounts.formatSigned(balance.cents()));
        }
        lines.add("settlements:");
        if (summary.settlements().isEmpty()) {
            lines.add("- none");
        }
        for (Transfer transfer : summary.settlements()) {
            lines.add("- " + transfer.from() + " -> " + transfer.to() + ": " + Amounts.format(transfer.amountCents()));
        }
        return String.join("\n", lines);
    }

    /**
     * The json export, {@code JSON.stringify(document, null, 2)} of
     * <pre>{"app":"intersplit","version":1,"generatedAt":"&lt;ISO&gt;","channel":…,"eventCount":…,"total":"40.00",
     *  "balances":[{"member","cents","amount","direction"}…],
     *  "settlements":[{"from","to","cents","amount"}…]}</pre>
     * A balance's {@code amount} is its absolute value and its {@code direction} is {@code
     * "receives"} when {@code cents >= 0} (zero included), else {@code "owes"}.
     */
    public static String json(Summary summary, Instant generatedAt) {
        return document(summary, generatedAt).toPrettyJson();
    }

    /** The json export's document, before it is written as indented text. */
    public static JsonObject document(Summary summary, Instant generatedAt) {
        Objects.requireNonNull(summary, "summary");
        List<Json> balances = new ArrayList<>();
        for (Balance balance : summary.balances()) {
            balances.add(Json.object()
                    .put("member", balance.member())
                    .put("cents", balance.cents())
                    .put("amount", Amounts.format(Math.absExact(balance.cents())))
                    .put("direction", balance.cents() >= 0 ? "receives" : "owes")
                    .build());
        }
        List<Json> settlements = new ArrayList<>();
        for (Transfer transfer : summary.settlements()) {
            settlements.add(Json.object()
                    .put("from", transfer.from())
                    .put("to", transfer.to())
                    .put("cents", transfer.amountCents())
                    .put("amount", Amounts.format(transfer.amountCents()))
                    .build());
        }
        return Json.object()
                .put("app", "intersplit")
                .put("version", 1)
                .put("generatedAt", isoTimestamp(generatedAt))
                .put("channel", summary.channel())
                .put("eventCount", summary.eventCount())
                .put("total", Amounts.format(summary.totalCents()))
                .put("balances", Json.array(balances))
                .put("settlements", Json.array(settlements))
                .build();
    }

    /**
     * The CSV export: the header {@code from,to,amount}, then one {@code from,to,X.XX} record
     * per settlement, joined with LF, no final line break; only the header when there is
     * nothing to settle. Names holding a comma, quote or line break are quoted (RFC 4180).
     */
    public static String csv(Summary summary) {
        Objects.requireNonNull(summary, "summary");
        List<String> lines = new ArrayList<>();
        lines.add("from,to,amount");
        for (Transfer transfer : summary.settlements()) {
            lines.add(Csv.record(List.of(transfer.from(), transfer.to(), Amounts.format(transfer.amountCents()))));
        }
        return String.join("\n", lines);
    }

    /**
     * An instant as JavaScript's {@code Date.prototype.toISOString} writes it: UTC, always
     * three fraction digits ({@code 2026-11-22T21:24:10.560Z}; Java's {@link Instant#toString}
     * drops zero fractions), sub-millisecond digits cut off, years outside 0..9999 as a sign and
     * six digits.
     */
    public static String isoTimestamp(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        String y = year >= 0 && year <= 9999
                ? String.format(Locale.ROOT, "%04d", year)
                : (year < 0 ? "-" : "+") + String.format(Locale.ROOT, "%06d", Math.abs(year));
        return String.format(Locale.ROOT, "%s-%02d-%02dT%02d:%02d:%02d.%03dZ", y, t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), instant.getNano() / 1_000_000);
    }
}
