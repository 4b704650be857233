package net.intercomj.focusroom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonNull;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/**
 * The closed set of session events, one record per {@code eventType} of spec §1.6, each with the
 * original's payload fields plus {@code session} (the session's id, chosen by its host at start)
 * and, on start and end, the host's {@code participants}.
 *
 * <p>Every event names its author ({@code host} or {@code who}); {@link SignedEvent} refuses an
 * event whose author is not its verified signer, so a payload can never claim another key (W1).
 * Every text is bounded ({@link Limits}) and every time is a non-negative integer.
 */
sealed interface FocusEvent {

    /** Session ids: 16 lowercase hex characters, random. */
    Pattern SESSION = Pattern.compile("[0-9a-f]{16}");

    /** The room (must equal the channel it travels on, W4). */
    String room();

    /** The author's public key: {@code host} of a start, {@code who} otherwise. */
    String author();

    /** The wire {@code eventType}. */
    String type();

    /** The wire {@code payload}, fields in a fixed order (it is what the author signs). */
    JsonObject payload();

    /** {@code session_start}. */
    record Start(String room, String session, String host, String goal, long startedAt, long endsAt,
            List<String> participants) implements FocusEvent {
        public Start {
            participants = List.copyOf(participants);
        }

        @Override
        public String author() {
            return host;
        }

        @Override
        public String type() {
            return "session_start";
        }

        @Override
        public JsonObject payload() {
            return Json.object().put("room", room).put("host", host).put("goal", goal).put("startedAt", startedAt)
                    .put("endsAt", endsAt).put("session", session).put("participants", keys(participants)).build();
        }
    }

    /** {@code session_join}; {@code session} is null for a join of an idle room (the lobby of the next session). */
    record Join(String room, String session, String who, long at) implements FocusEvent {
        @Override
        public String author() {
            return who;
        }

        @Override
        public String type() {
            return "session_join";
        }

        @Override
        public JsonObject payload() {
            return Json.object().put("room", room).put("who", who).put("at", at)
                    .put("session", session == null ? Json.NULL : Json.of(session)).build();
        }
    }

    /** {@code session_checkin}. */
    record Checkin(String room, String session, String who, String status, long at) implements FocusEvent {
        @Override
        public String author() {
            return who;
        }

        @Override
        public String type() {
            return "session_checkin";
        }

        @Override
        public JsonObject payload() {
            return Json.object().put("room", room).put("who", who).put("status", status).put("at", at)
                    .put("session", session).build();
        }
    }

    /** {@code session_extend}: {@code endsAt} is absolute, {@code minutes} the amount added. */
    record Extend(String room, String session, String who, int minutes, long endsAt, long at) implements FocusEvent {
        @Override
        public String author() {
            return who;
        }

        @Override
        public String type() {
            return "session_extend";
        }

        @Override
        public JsonObject payload() {
            return Json.object().put("room", room).put("who", who).put("minutes", minutes).put("endsAt", endsAt)
                    .put("at", at).put("session", session).build();
        }
    }

    /**
     * {@code session_end} (by the host) or {@code session_expired} (by the host, at its
     * deadline): {@code timer} tells which. {@code participants} is the host's list, so every
     * peer awards streaks to the same keys (W7).
     */
    record End(String room, String session, String who, boolean timer, String summary, long at, Stats stats,
            List<String> participants) implements FocusEvent {
        public End {
            participants = List.copyOf(participants);
        }

        @Override
        public String author() {
            return who;
        }

        @Override
        public String type() {
            return timer ? "session_expired" : "session_end";
        }

        @Override
        public JsonObject payload() {
            JsonObject.Builder payload = Json.object().put("room", room).put("who", who);
            if (timer) {
                payload.put("reason", "timer");
            } else {
                payload.put("summary", summary);
            }
            return payload.put("at", at).put("stats", stats.toJson()).put("session", session)
                    .put("participants", keys(participants)).build();
        }
    }

    /**
     * Reads the payload of {@code type}, checking every field and bound.
     *
     * @throws IllegalArgumentException naming the field that is wrong, or for an unknown type
     */
    static FocusEvent fromPayload(String type, JsonObject payload) {
        String room = Limits.room(payload.string("room"));
        return switch (type) {
            case "session_start" -> {
                long startedAt = time(payload, "startedAt");
                long endsAt = time(payload, "endsAt");
                long minutes = (endsAt - startedAt) / 60_000;
                if (endsAt - startedAt != minutes * 60_000) {
                    throw new IllegalArgumentException("endsAt - startedAt must be whole minutes");
                }
                Limits.minutes(minutes);
                yield new Start(room, session(payload), key(payload, "host"), bounded(payload, "goal", false), startedAt,
                        endsAt, participants(payload));
            }
            case "session_join" -> new Join(room,
                    payload.get("session").orElse(Json.NULL) instanceof JsonNull ? null : session(payload),
                    key(payload, "who"), time(payload, "at"));
            case "session_checkin" -> new Checkin(room, session(payload), key(payload, "who"),
                    bounded(payload, "status", true), time(payload, "at"));
            case "session_extend" -> new Extend(room, session(payload), key(payload, "who"),
                    Limits.minutes(payload.integer("minutes")), time(payload, "endsAt"), time(payload, "at"));
            case "session_end" -> new End(room, session(payload), key(payload, "who"), false,
                    bounded(payload, "summary", false), time(payload, "at"), Stats.fromJson(payload.object("stats")),
                    participants(payload));
            case "session_expired" -> {
                if (!"timer".equals(payload.string("reason"))) {
                    throw new IllegalArgumentException("field \"reason\" must be \"timer\"");
                }
                yield new End(room, session(payload), key(payload, "who"), true, "", time(payload, "at"),
                        Stats.fromJson(payload.object("stats")), participants(payload));
            }
            default -> throw new IllegalArgumentException("unknown eventType \"" + type + "\"");
        };
    }

    private static JsonArray keys(List<String> keys) {
        return Json.array(keys.stream().map(Json::of).toList());
    }

    private static String session(JsonObject payload) {
        String session = payload.string("session");
        if (!SESSION.matcher(session).matches()) {
            throw new IllegalArgumentException("field \"session\" must be 16 lowercase hex characters");
        }
        return session;
    }

    private static String key(JsonObject payload, String field) {
        String key = payload.string(field);
        if (!Signatures.isKey(key)) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a public key (64 lowercase hex)");
        }
        return key;
    }

    private static long time(JsonObject payload, String field) {
        long value = payload.integer(field);
        if (value < 0) {
            throw new IllegalArgumentException("field \"" + field + "\" must not be negative");
        }
        return value;
    }

    /** A bounded text that must already be in its stored form (trimmed, within the limit). */
    private static String bounded(JsonObject payload, String field, boolean required) {
        String raw = payload.string(field);
        String text = Limits.text(raw, field);
        if (!text.equals(raw)) {
            throw new IllegalArgumentException("field \"" + field + "\" must be trimmed");
        }
        if (required && text.isEmpty()) {
            throw new IllegalArgumentException("field \"" + field + "\" must not be empty");
        }
        return text;
    }

    private static List<String> participants(JsonObject payload) {
        JsonArray array = payload.array("participants");
        if (array.size() > Limits.MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("field \"participants\" has more than " + Limits.MAX_PARTICIPANTS + " keys");
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (Json item : array) {
            if (!(item instanceof JsonString s) || !Signatures.isKey(s.value())) {
                throw new IllegalArgumentException("field \"participants\" must hold public keys (64 lowercase hex)");
            }
            keys.add(s.value());
        }
        return new ArrayList<>(keys);
    }
}
