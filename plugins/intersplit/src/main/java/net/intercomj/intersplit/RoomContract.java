package net.intercomj.intersplit;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractCall;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.ContractFailure;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonParseException;
import net.intercomj.api.json.JsonString;

/**
 * The InterSplit contract (spec §2.6): room snapshots in the subnet's state, at
 * {@code expense/room/<canonical channel>}, written by paid transactions.
 *
 * <p>Commands ({@code /tx --command '<json>'}, or {@code /expense_persist}):
 * <ul>
 *   <li>{@code {"op":"expense_upsert_room","channel","snapshot"}} stores
 *       {@code {channel, snapshot, updatedBy, updatedTx, version:1}};
 *   <li>{@code {"op":"expense_delete_room","channel"}} stores
 *       {@code {channel, snapshot:null, deleted:true, deletedBy, deletedTx, version:1}}.
 * </ul>
 * The original's third op, {@code expense_read_room}, only logged the value inside the contract;
 * here it is not offered (a paid transaction that shows nothing): {@code /get --key
 * expense/room/<channel>} reads it for free.
 *
 * <p>Only members of a room may overwrite or delete its stored snapshot (the original let any
 * subnet writer do it, W7): the keys that authored an event or the clear in the stored
 * snapshot, or that stored it. A room nobody stored yet, or one that was deleted, is open to
 * anyone. Signatures are not checked here, only by the peers that restore a snapshot (each
 * event is verified against its author's key), so a forged event can be stored but is never
 * restored; the contract stays free of host-specific crypto, which every peer must run alike.
 */
public final class RoomContract implements ContractApp {

    /** Where a room's snapshot lives: this prefix, then the canonical channel. */
    public static final String KEY_PREFIX = "expense/room/";

    static final String UPSERT_OP = "expense_upsert_room";
    static final String DELETE_OP = "expense_delete_room";
    static final String UPSERT = "expenseUpsertRoom";
    static final String DELETE = "expenseDeleteRoom";

    private static final Map<String, String> FUNCTIONS = Map.of(UPSERT_OP, UPSERT, DELETE_OP, DELETE);

    static final JsonObject UPSERT_SCHEMA = schema(true);
    static final JsonObject DELETE_SCHEMA = schema(false);

    private static JsonObject schema(boolean withSnapshot) {
        JsonObject.Builder value = Json.object()
                .put("$$type", "object")
                .put("$$strict", true)
                .put("op", "string|min:1|max:128")
                .put("channel", "string|min:1|max:" + Channels.MAX_LENGTH);
        if (withSnapshot) {
            value.put("snapshot", "any");
        }
        return Json.object().put("value", value.build()).build();
    }

    /** The state key of {@code channel}'s snapshot. */
    public static String key(String channel) {
        return KEY_PREFIX + Channels.canonical(channel);
    }

    /** The command text that stores {@code snapshot} for {@code channel}. */
    static String upsertCommand(String channel, JsonObject snapshot) {
        return Json.object().put("op", UPSERT_OP).put("channel", channel).put("snapshot", snapshot).build().toJson();
    }

    @Override
    public void define(ContractDefinition contract) {
        contract.addSchema(UPSERT, UPSERT_SCHEMA, RoomContract::upsert);
        contract.addSchema(DELETE, DELETE_SCHEMA, RoomContract::delete);
    }

    @Override
    public Optional<TxCommand> mapTxCommand(String command) {
        Json parsed;
        try {
            parsed = Json.parse(command.trim());
        } catch (JsonParseException e) {
            return Optional.empty();
        }
        if (parsed instanceof JsonObject object && object.get("op").orElse(Json.NULL) instanceof JsonString op
                && FUNCTIONS.containsKey(op.value())) {
            return Optional.of(new TxCommand(FUNCTIONS.get(op.value()), object));
        }
        return Optional.empty();
    }

    private static void upsert(ContractCall call) {
        String channel = channel(call);
        call.check(call.value().asObject().get("snapshot").orElse(Json.NULL) instanceof JsonObject,
                "Invalid snapshot payload.");
        JsonObject snapshot = call.value().asObject().object("snapshot");
        String claimed = snapshot.get("channel").orElse(Json.NULL) instanceof JsonString s
                ? Names.jsTrim(s.value()).toLowerCase(Locale.ROOT) : "";
        call.check(claimed.equals(channel), "The snapshot is of room \"" + claimed + "\", not \"" + channel + "\".");
        checkMember(call, channel);
        call.put(key(channel), Json.object()
                .put("channel", channel)
                .put("snapshot", snapshot)
                .put("updatedBy", call.address())
                .put("updatedTx", call.tx().<Json>map(Json::of).orElse(Json.NULL))
                .put("version", 1)
                .build());
    }

    private static void delete(ContractCall call) {
        String channel = channel(call);
        checkMember(call, channel);
        call.put(key(channel), Json.object()
                .put("channel", channel)
                .put("snapshot", Json.NULL)
                .put("deleted", true)
                .put("deletedBy", call.address())
                .put("deletedTx", call.tx().<Json>map(Json::of).orElse(Json.NULL))
                .put("version", 1)
                .build());
    }

    private static String channel(ContractCall call) {
        String raw = call.value().asObject().string("channel");
        call.check(!Names.jsTrim(raw).isEmpty(), "Channel is required.");
        try {
            return Channels.canonical(raw);
        } catch (IllegalArgumentException e) {
            throw new ContractFailure(e.getMessage());
        }
    }

    /** Fails unless the requester may overwrite the room's stored snapshot. */
    private static void checkMember(ContractCall call, String channel) {
        Optional<Json> stored = call.get(key(channel));
        if (stored.isEmpty() || !(stored.get() instanceof JsonObject value)
                || !(value.get("snapshot").orElse(Json.NULL) instanceof JsonObject snapshot)) {
            return;
        }
        Set<String> members = members(snapshot);
        if (value.get("updatedBy").orElse(Json.NULL) instanceof JsonString by) {
            members.add(by.value());
        }
        call.check(members.contains(call.address()), "Only members of room \"" + channel
                + "\" may overwrite its snapshot: " + call.address() + " authored nothing in it.");
    }

    /** The keys that authored an event or the clear of {@code snapshot}. */
    static Set<String> members(JsonObject snapshot) {
        Set<String> members = new HashSet<>();
        if (snapshot.get("events").orElse(Json.NULL) instanceof JsonArray events) {
            for (Json event : events) {
                if (event instanceof JsonObject object && object.get("by").orElse(Json.NULL) instanceof JsonString by) {
                    members.add(by.value());
                }
            }
        }
        if (snapshot.get("clear").orElse(Json.NULL) instanceof JsonObject clear
                && clear.get("by").orElse(Json.NULL) instanceof JsonString by) {
            members.add(by.value());
        }
        return members;
    }
}
