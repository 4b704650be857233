package net.intercomj.intersplit;

import java.util.Optional;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonBoolean;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.subnet.TxException;
import net.intercomj.api.subnet.TxResult;

/**
 * Persist and restore (spec §2.7.1): a room's snapshot written to the subnet's state by a paid
 * transaction of {@link RoomContract}, and read back from the confirmed or the unconfirmed view,
 * or, when the subnet has none, from the local file ({@link Rooms#fileSnapshot}; the original
 * re-imported memory into memory, W5).
 */
final class RoomPersistence {

    /** The reply when neither the subnet nor the file holds the room (the original's text). */
    static final String NOT_FOUND = "No persisted snapshot found.";

    /** Where a restored snapshot came from, as the bridge names it. */
    enum Source {
        CONTRACT, LOCAL;

        String bridgeName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a persist did: a simulation ({@code tx} empty) or a transaction a validator accepted. */
    record Persisted(String channel, boolean simulated, Optional<String> tx, int events) {}

    /** What a restore did. */
    record Restored(ExpenseSplit.Imported imported, boolean confirmed, boolean replace, Source source) {}

    private final ExpenseSplit app;
    private final Subnet subnet;

    RoomPersistence(ExpenseSplit app, Subnet subnet) {
        this.app = app;
        this.subnet = subnet;
    }

    /** Whether this peer may persist: only subnet writers run transactions. */
    boolean writable() {
        try {
            return subnet.isWritable();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Writes the room's snapshot to the subnet (or, with {@code simulate}, only runs the contract
     * on a private copy). The contract is simulated first, so a snapshot it would refuse is not
     * paid for. Blocks until a validator accepted the payment, up to 30 s.
     *
     * @throws IllegalArgumentException {@code Persist failed: <reason>}; nothing was paid
     */
    Persisted persist(String channel, boolean simulate) {
        String room = Channels.canonical(channel);
        // An empty room would overwrite the stored snapshot with nothing (W7): refused.
        Room held = app.rooms().find(room).filter(found -> !found.isBlank()).orElseThrow(() ->
                new IllegalArgumentException("Persist failed: room \"" + room + "\" holds no expenses and no clear."));
        JsonObject snapshot = held.snapshot();
        String command = RoomContract.upsertCommand(room, snapshot);
        int events = snapshot.array("events").size();
        try {
            // Simulated first, also before paying: a refusal of the contract (not a member of the
            // room, say) would otherwise be paid for and recorded as a failed transaction.
            if (subnet.tx(command, true) instanceof TxResult.Simulated simulated && simulated.error().isPresent()) {
                throw new IllegalArgumentException("Persist failed: " + simulated.error().get());
            }
            if (simulate) {
                return new Persisted(room, true, Optional.empty(), events);
            }
            return switch (subnet.tx(command, false)) {
                case TxResult.Broadcast broadcast -> new Persisted(room, false, Optional.of(broadcast.tx()), events);
                case TxResult.Simulated simulated -> throw new IllegalStateException("a paid transaction was simulated");
            };
        } catch (TxException | IllegalStateException e) {
            throw new IllegalArgumentException("Persist failed: " + e.getMessage());
        }
    }

    /**
     * Imports the room's snapshot from the subnet's confirmed (or unconfirmed) view, merging or
     * replacing; when the subnet holds none (or a deleted one), from the local file.
     *
     * @throws IllegalArgumentException {@value #NOT_FOUND}, {@code Invalid snapshot.}, or
     *     {@code Restore failed: <reason>}
     */
    Restored restore(String channel, boolean confirmed, boolean replace) {
        String room = Channels.canonical(channel);
        Optional<Json> stored;
        try {
            stored = confirmed ? subnet.getConfirmed(RoomContract.key(room)) : subnet.get(RoomContract.key(room));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("Restore failed: " + e.getMessage());
        }
        Optional<JsonObject> fromContract = stored
                .filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(value -> !(value.get("deleted").orElse(Json.NULL) instanceof JsonBoolean deleted && deleted.value()))
                .flatMap(value -> value.get("snapshot"))
                .filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
        if (fromContract.isPresent()) {
            return new Restored(app.importSnapshot(room, fromContract.get(), replace), confirmed, replace, Source.CONTRACT);
        }
        JsonObject local = app.rooms().fileSnapshot(room).orElseThrow(() -> new IllegalArgumentException(NOT_FOUND));
        return new Restored(app.importSnapshot(room, local, replace), confirmed, replace, Source.LOCAL);
    }
}
