package net.intercomj.intersplit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonNull;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/**
 * One expense event: who paid how much, shared among whom. Events are immutable; a room's
 * ledger is the set of its events (see {@link Ledger}).
 *
 * <p>The fields and their JSON form ({@link #toJson()}) are the original's event, so events can
 * travel to and from JS peers and snapshots:
 * <pre>{"txId":"abababababab:1795382579129:si6m6lp8","payer":"alice","amountCents":3000,
 *  "split":["alice","bob"],"note":"dinner","ts":1795382579129,"by":"trac1…"}</pre>
 *
 * <p>The constructor normalizes as the original does (spec §2.3), so two events that mean the
 * same compare equal: {@code payer} and the {@code split} items trimmed and lowercased
 * ({@link Names#normalize}), blank split items dropped, repeated ones dropped with the first
 * occurrence kept in place (the order matters: the first members absorb the leftover cents,
 * see {@link Ledger#balances()}), {@code note} trimmed (null becomes {@code ""}).
 *
 * <p>It also checks what the original leaves open:
 * <ul>
 *   <li>{@code amountCents} from 1 to {@link Amounts#MAX_CENTS} (W10);
 *   <li>the payer is one of the split members (W3). The original's local add always puts the
 *       payer first when missing ({@link #of}), so every event a peer creates passes; only a
 *       hand-crafted remote event can leave the payer out, and the spec asks to refuse it;
 *   <li>limits (W14): at most {@value #MAX_SPLIT_MEMBERS} members, names of at most
 *       {@value Names#MAX_LENGTH} characters, a note of at most {@value #MAX_NOTE_LENGTH}
 *       characters, {@code txId} and {@code by} of at most {@value #MAX_ID_LENGTH};
 *   <li>{@code ts} from 0 to {@value #MAX_TS} (9999-12-31T23:59:59.999Z), so it always prints
 *       as a plain ISO date. How far from "now" a remote {@code ts} may be is the receiving
 *       layer's decision, which has a clock.
 * </ul>
 *
 * @param txId the event's unique id ({@code <12 hex of the adder's key>:<ms>:<8 base36>} in the
 *     original); trimmed, not blank
 * @param payer who paid; normalized, not blank
 * @param amountCents the amount, in cents
 * @param split who shares the expense, in order; normalized, deduplicated, not empty, holds the
 *     payer
 * @param note free text, trimmed; may hold line breaks
 * @param ts when the event was added, in epoch milliseconds
 * @param by the adder's {@code trac1…} address, or null when unknown
 */
public record Expense(String txId, String payer, long amountCents, List<String> split, String note, long ts, String by) {

    /** The most members one expense can be split among. */
    public static final int MAX_SPLIT_MEMBERS = 100;

    /** The longest note, in code points. */
    public static final int MAX_NOTE_LENGTH = 500;

    /** The longest {@code txId} or {@code by}, in code points. */
    public static final int MAX_ID_LENGTH = 128;

    /** The latest {@code ts}: 9999-12-31T23:59:59.999Z. */
    public static final long MAX_TS = 253_402_300_799_999L;

    /** The original's error when the payer is blank. */
    public static final String MISSING_PAYER = "Missing payer.";

    /** The original's error when the split list is empty. */
    public static final String MISSING_SPLIT = "Missing split members. Use comma-separated names.";

    /**
     * Normalizes and checks an event; see the class description.
     *
     * @throws IllegalArgumentException naming the first problem found, in the original's order
     *     (payer, amount, split) after the {@code txId}
     */
    public Expense {
        txId = Names.jsTrim(txId == null ? "" : txId);
        if (txId.isEmpty()) {
            throw new IllegalArgumentException("Missing txId.");
        }
        Names.checkText(txId, "A txId", MAX_ID_LENGTH);
        payer = Names.normalize(payer);
        if (payer.isEmpty()) {
            throw new IllegalArgumentException(MISSING_PAYER);
        }
        Amounts.checkCents(amountCents);
        split = Names.members(split);
        if (split.isEmpty()) {
            throw new IllegalArgumentException(MISSING_SPLIT);
        }
        if (split.size() > MAX_SPLIT_MEMBERS) {
            throw new IllegalArgumentException("Too many split members: " + split.size() + ", at most " + MAX_SPLIT_MEMBERS + ".");
        }
        if (!split.contains(payer)) {
            throw new IllegalArgumentException("The payer " + payer + " must be one of the split members.");
        }
        note = note == null ? "" : Names.jsTrim(note);
        int noteLength = note.codePointCount(0, note.length());
        if (noteLength > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("The note is too long: " + noteLength + " characters, at most " + MAX_NOTE_LENGTH + ".");
        }
        if (ts < 0 || ts > MAX_TS) {
            throw new IllegalArgumentException("ts must be from 0 to " + MAX_TS + " (epoch milliseconds), got " + ts + ".");
        }
        if (by != null) {
            by = Names.jsTrim(by);
            if (by.isEmpty()) {
                by = null;
            } else {
                Names.checkText(by, "by", MAX_ID_LENGTH);
            }
        }
    }

    /**
     * An event as a local add builds it (spec §2.4 step 4): when the payer is not among the
     * split members, the payer is put <em>first</em>, so the payer absorbs the first leftover
     * cent. Carol paying 10.00 split {@code "bob,alice"} is split among carol, bob, alice (shares 334, 333, 333).
     *
     * @throws IllegalArgumentException as the constructor
     */
    public static Expense of(String txId, String payer, long amountCents, List<String> split, String note, long ts, String by) {
        String name = Names.normalize(payer);
        List<String> members = Names.members(split);
        if (!name.isEmpty() && !members.isEmpty() && !members.contains(name)) {
            List<String> withPayer = new ArrayList<>(members.size() + 1);
            withPayer.add(name);
            withPayer.addAll(members);
            members = withPayer;
        }
        return new Expense(txId, name, amountCents, members, note, ts, by);
    }

    /** The event as JSON, in the original's field order; {@code by} is {@code null} when unknown. */
    public JsonObject toJson() {
        return Json.object()
                .put("txId", txId)
                .put("payer", payer)
                .put("amountCents", amountCents)
                .put("split", Json.array(split.stream().map(Json::of).toList()))
                .put("note", note)
                .put("ts", ts)
                .put("by", by == null ? Json.NULL : Json.of(by))
                .build();
    }

    /**
     * Reads an event from a peer, a snapshot or the local file (the original's {@code
     * normalizeEvent}), then normalizes and checks it as the constructor does. Unknown fields
     * are ignored.
     *
     * <p>Like the original: {@code split} may be an array of strings or one comma-separated
     * string; {@code amountCents} may be a number or a string of digits ({@code "700"}); a
     * missing or null {@code note} is {@code ""}, {@code by} is null and {@code ts} is
     * {@code nowMillis}. Stricter than the original, which runs {@code parseInt} and {@code
     * String(...)}: a fractional {@code amountCents} ({@code 12.9}) is refused rather than cut
     * to 12, text fields must be strings, and {@code ts} must be a whole number.
     *
     * @param value the event
     * @param nowMillis the {@code ts} of an event that has none
     * @throws IllegalArgumentException when the value is not a valid event; the message names
     *     the problem
     */
    public static Expense fromJson(Json value, long nowMillis) {
        if (!(value instanceof JsonObject event)) {
            throw new IllegalArgumentException("An expense event must be a JSON object.");
        }
        return new Expense(
                text(event, "txId"),
                text(event, "payer"),
                cents(event.get("amountCents").orElse(Json.NULL)),
                members(event.get("split").orElse(Json.NULL)),
                text(event, "note"),
                timestamp(event.get("ts").orElse(Json.NULL), nowMillis),
                text(event, "by"));
    }

    private static String text(JsonObject event, String field) {
        Json value = event.get(field).orElse(Json.NULL);
        return switch (value) {
            case JsonString s -> s.value();
            case JsonNull n -> null;
            default -> throw new IllegalArgumentException(field + " must be a string.");
        };
    }

    private static long cents(Json value) {
        if (value instanceof JsonNumber number) {
            if (!number.isIntegral()) {
                throw new IllegalArgumentException(Amounts.INVALID + " amountCents must be a whole number of cents, got " + number + ".");
            }
            if (number.value().signum() <= 0 || number.value().compareTo(BigDecimal.valueOf(Amounts.MAX_CENTS)) > 0) {
                throw new IllegalArgumentException(Amounts.INVALID + " amountCents must be from 1 to " + Amounts.MAX_CENTS + ", got " + number + ".");
            }
            return number.value().longValue();
        }
        if (value instanceof JsonString s) {
            String digits = Names.jsTrim(s.value());
            if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(digits);
            }
            throw new IllegalArgumentException(Amounts.INVALID + " amountCents must be a whole number of cents, got " + s + ".");
        }
        throw new IllegalArgumentException(Amounts.INVALID + " amountCents is missing or not a number.");
    }

    private static List<String> members(Json value) {
        return switch (value) {
            case JsonString s -> Names.parseList(s.value());
            case JsonArray array -> {
                List<String> items = new ArrayList<>(array.size());
                for (Json item : array) {
                    if (!(item instanceof JsonString s)) {
                        throw new IllegalArgumentException("split must hold names (strings), found " + item + ".");
                    }
                    items.add(s.value());
                }
                yield items;
            }
            case JsonNull n -> List.of();
            default -> throw new IllegalArgumentException("split must be an array of names or a comma-separated string.");
        };
    }

    private static long timestamp(Json value, long nowMillis) {
        if (value instanceof JsonNull) {
            return nowMillis;
        }
        if (value instanceof JsonNumber number && number.isIntegral()
                && number.value().compareTo(BigDecimal.ZERO) >= 0
                && number.value().compareTo(BigDecimal.valueOf(MAX_TS)) <= 0) {
            return number.value().longValue();
        }
        throw new IllegalArgumentException("ts must be a whole number of epoch milliseconds from 0 to " + MAX_TS + ", got " + value + ".");
    }
}
