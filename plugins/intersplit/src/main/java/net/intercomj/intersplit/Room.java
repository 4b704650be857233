package net.intercomj.intersplit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * One room: its {@link Ledger}, each event's author signature (so the room's history can be
 * relayed to other peers and still be verified), and the latest signed clear ({@link Tombstone}).
 * Thread-safe: every method holds the room's lock.
 */
public final class Room {

    private final String channel;
    private Ledger ledger;
    private final Map<String, String> sigs = new HashMap<>();
    private Tombstone clear;

    /** An empty room; {@code channel} must be canonical ({@link Channels#canonical}). */
    public Room(String channel) {
        this.channel = channel;
        this.ledger = new Ledger(channel);
    }

    /** The canonical channel name. */
    public String channel() {
        return channel;
    }

    /** The room's ledger (replaced by a clear: do not keep it). */
    public synchronized Ledger ledger() {
        return ledger;
    }

    /** The latest clear, if any. */
    public synchronized Optional<Tombstone> clear() {
        return Optional.ofNullable(clear);
    }

    /**
     * Adds a signed event unless its {@code txId} is here or a clear covers its {@code ts}.
     *
     * @return true when added
     */
    public synchronized boolean add(SignedExpense signed) {
        if (clear != null && signed.event().ts() <= clear.ts()) {
            return false;
        }
        if (!ledger.add(signed.event())) {
            return false;
        }
        sigs.put(signed.event().txId(), signed.sig());
        return true;
    }

    /**
     * Applies a clear: removes the events with {@code ts <= clear.ts()}. An older clear than the
     * one held changes nothing.
     *
     * @return true when the room changed (a newer clear was kept)
     */
    public synchronized boolean clear(Tombstone newer) {
        if (clear != null && newer.ts() <= clear.ts()) {
            return false;
        }
        clear = newer;
        Ledger kept = new Ledger(channel);
        for (Expense event : ledger.list()) {
            if (event.ts() > newer.ts()) {
                kept.add(event);
            } else {
                sigs.remove(event.txId());
            }
        }
        ledger = kept;
        return true;
    }

    /** The events with their signatures, by {@code ts}. */
    public synchronized List<SignedExpense> signedEvents() {
        List<SignedExpense> out = new ArrayList<>();
        for (Expense event : ledger.list()) {
            out.add(new SignedExpense(event, sigs.get(event.txId())));
        }
        return out;
    }

    /** The signed events whose {@code txId} is not in {@code have}, by {@code ts}. */
    public synchronized List<SignedExpense> missingFrom(Set<String> have) {
        List<SignedExpense> out = new ArrayList<>();
        for (SignedExpense signed : signedEvents()) {
            if (!have.contains(signed.event().txId())) {
                out.add(signed);
            }
        }
        return out;
    }

    /** The {@code txId}s held, by {@code ts}. */
    public synchronized List<String> txIds() {
        return ledger.list().stream().map(Expense::txId).toList();
    }

    /**
     * The room as a snapshot, the shape of the local file and of the contract's value:
     * {@code {channel, version:1, events:[… with sig, by ts], clear:<tombstone or null>}}.
     */
    public synchronized JsonObject snapshot() {
        return Json.object()
                .put("channel", channel)
                .put("version", 1)
                .put("events", Json.array(signedEvents().stream().map(SignedExpense::toJson).toList()))
                .put("clear", clear().<Json>map(Tombstone::toJson).orElse(Json.NULL))
                .build();
    }

    /** Whether the room holds nothing worth keeping: no event and no clear. */
    public synchronized boolean isBlank() {
        return ledger.isEmpty() && clear == null;
    }
}
