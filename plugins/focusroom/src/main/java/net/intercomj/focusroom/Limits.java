package net.intercomj.focusroom;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The bounds every input is checked against, locally and on the wire, and the parsing rules
 * shared by the bridge and the terminal.
 *
 * <p>The original clamped minutes silently ({@code max(1, minutes)}) and had no upper bound, so
 * a delay above 2^31−1 ms fired at once (W9); goals and statuses were cut at 240 UTF-16 units
 * without a word. Here a value out of bounds is refused with an error that names the field and
 * the limit.
 */
final class Limits {

    /** The shortest session or extension, in minutes. */
    static final int MIN_MINUTES = 1;
    /** The longest session or extension, in minutes (one day). */
    static final int MAX_MINUTES = 1440;
    /** The longest goal, check-in status or end summary, in UTF-16 units (the original's cut). */
    static final int MAX_TEXT = 240;
    /** The longest room name, in UTF-16 units (the sidechannel's own channel limit is 256). */
    static final int MAX_ROOM = 128;
    /** The most check-ins a session keeps (the oldest is dropped), as the original. */
    static final int MAX_CHECKINS = 50;
    /** The check-ins a serialized room shows, as the original. */
    static final int SHOWN_CHECKINS = 10;
    /** The most participants a session accepts: bounds what a peer keeps for others. */
    static final int MAX_PARTICIPANTS = 256;

    static final String ROOM_REQUIRED = "room is required";
    static final String STATUS_REQUIRED = "status is required";

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    private static final Pattern LEADING_INT = Pattern.compile("^[+-]?\\d+");

    private Limits() {}

    /**
     * A room name: trimmed, case kept (as the original: the room is the sidechannel name).
     *
     * @throws IllegalArgumentException {@value #ROOM_REQUIRED} when blank, or naming the limit
     */
    static String room(String raw) {
        String room = raw == null ? "" : raw.strip();
        if (room.isEmpty()) {
            throw new IllegalArgumentException(ROOM_REQUIRED);
        }
        if (room.length() > MAX_ROOM) {
            throw new IllegalArgumentException("room is too long (" + room.length() + " > " + MAX_ROOM + " characters)");
        }
        if (CONTROL.matcher(room).find()) {
            throw new IllegalArgumentException("room must not contain control characters");
        }
        return room;
    }

    /**
     * A free text ({@code goal}, {@code status}, {@code summary}): trimmed, at most
     * {@value #MAX_TEXT} characters.
     *
     * @throws IllegalArgumentException naming {@code field} when too long
     */
    static String text(String raw, String field) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is too long (" + text.length() + " > " + MAX_TEXT + " characters)");
        }
        return text;
    }

    /**
     * Checks a minutes value.
     *
     * @throws IllegalArgumentException {@code minutes must be between 1 and 1440} otherwise
     */
    static int minutes(long minutes) {
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be between " + MIN_MINUTES + " and " + MAX_MINUTES
                    + " (got " + minutes + ")");
        }
        return (int) minutes;
    }

    /**
     * JS {@code parseInt(text, 10)}: the leading integer of the trimmed text ({@code "2.9"} gives
     * 2, {@code "5abc"} gives 5), empty where JS gives NaN. Values beyond a long saturate (they
     * fail {@link #minutes} anyway).
     */
    static OptionalLong parseInt(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        var matcher = LEADING_INT.matcher(text.strip());
        if (!matcher.find()) {
            return OptionalLong.empty();
        }
        String digits = matcher.group();
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.of(digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
    }
}
