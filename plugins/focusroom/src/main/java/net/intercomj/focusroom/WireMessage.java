package net.intercomj.focusroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;

/**
 * The closed set of FocusRoom messages on a room's sidechannel, all
 * {@code {"app":"focus_room","eventType":…,"payload":{…},"at":…,"by":…}} as the original's
 * (§1.6), so original peers ignore the sync types they do not know:
 * <ul>
 *   <li>{@link SignedEvent}: a session event with {@code seq} and {@code sig} added;
 *   <li>{@link SyncRequest} ({@code room_sync_request}, {@code {room}}): "send me this room's
 *       current session", sent by a peer that joins the room (W2);
 *   <li>{@link SyncReply} ({@code room_sync}, {@code {room, events:[…]}}): the signed events of
 *       the room's current session, each verified against its own author.
 * </ul>
 */
sealed interface WireMessage permits SignedEvent, WireMessage.SyncRequest, WireMessage.SyncReply {

    /** The {@code app} of every FocusRoom message. */
    String APP = "focus_room";

    /** The most events one sync reply may carry. */
    int MAX_SYNC_EVENTS = 512;

    /** The room the message is about. */
    String room();

    /** The message as sent on the sidechannel. */
    JsonObject toJson();

    /** {@code room_sync_request}. */
    record SyncRequest(String room, String by, long at) implements WireMessage {
        @Override
        public JsonObject toJson() {
            return envelope("room_sync_request", Json.object().put("room", room).build(), at, by);
        }
    }

    /** {@code room_sync}. */
    record SyncReply(String room, List<SignedEvent> events, String by, long at) implements WireMessage {
        public SyncReply {
            events = List.copyOf(events);
        }

        @Override
        public JsonObject toJson() {
            return envelope("room_sync", Json.object().put("room", room)
                    .put("events", Json.array(events.stream().map(SignedEvent::toJson).toList())).build(), at, by);
        }
    }

    static JsonObject envelope(String type, JsonObject payload, long at, String by) {
        return Json.object().put("app", APP).put("eventType", type).put("payload", payload).put("at", at).put("by", by)
                .build();
    }

    /**
     * Decodes one sidechannel message (its {@code message} field, as JSON text).
     *
     * @return empty when it is not a FocusRoom message at all (another app's, or not JSON)
     * @throws IllegalArgumentException naming what is wrong, when it is a FocusRoom message
     *     that is malformed or out of bounds (the signature is not checked here)
     */
    static Optional<WireMessage> parse(String messageJson) {
        Json parsed;
        try {
            parsed = Json.parse(messageJson);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!(parsed instanceof JsonObject message) || !(message.get("app").orElse(Json.NULL) instanceof JsonString app)
                || !app.value().equals(APP)) {
            return Optional.empty();
        }
        return Optional.of(decode(message));
    }

    /** Decodes a FocusRoom message object (also each event inside a sync reply). */
    static WireMessage decode(JsonObject message) {
        String type = message.string("eventType");
        JsonObject payload = message.object("payload");
        String by = message.string("by");
        if (!Signatures.isKey(by)) {
            throw new IllegalArgumentException("field \"by\" must be a public key (64 lowercase hex)");
        }
        long at = message.integer("at");
        if (at < 0) {
            throw new IllegalArgumentException("field \"at\" must not be negative");
        }
        return switch (type) {
            case "room_sync_request" -> new SyncRequest(Limits.room(payload.string("room")), by, at);
            case "room_sync" -> {
                String room = Limits.room(payload.string("room"));
                JsonArray list = payload.array("events");
                if (list.size() > MAX_SYNC_EVENTS) {
                    throw new IllegalArgumentException("room_sync carries more than " + MAX_SYNC_EVENTS + " events");
                }
                List<SignedEvent> events = new ArrayList<>();
                for (Json item : list) {
                    if (!(item instanceof JsonObject event) || !(decode(event) instanceof SignedEvent signed)) {
                        throw new IllegalArgumentException("room_sync events must be signed session events");
                    }
                    if (!signed.event().room().equals(room)) {
                        throw new IllegalArgumentException("a room_sync event is about another room");
                    }
                    events.add(signed);
                }
                yield new SyncReply(room, events, by, at);
            }
            default -> SignedEvent.decode(type, payload, by, at, message);
        };
    }
}
