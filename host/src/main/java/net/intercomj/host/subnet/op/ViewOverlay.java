package net.intercomj.host.subnet.op;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.subnet.view.ViewReader;

/**
 * Writes held on top of a {@link ViewReader}: reads see them first. Ops are applied into one
 * overlay each, committed into the batch's overlay only when the op succeeds, so a rejected op
 * leaves nothing behind.
 */
public final class ViewOverlay implements ViewReader {

    private final ViewReader below;
    private final Map<String, Optional<String>> writes = new LinkedHashMap<>();

    public ViewOverlay(ViewReader below) {
        this.below = below;
    }

    @Override
    public Optional<String> get(String key) {
        Optional<String> written = writes.get(key);
        return written != null ? written : below.get(key);
    }

    /** Sets {@code key} to the JSON text {@code value}. */
    public void put(String key, String value) {
        writes.put(key, Optional.of(value));
    }

    /** Removes {@code key}. */
    public void delete(String key) {
        writes.put(key, Optional.empty());
    }

    /** Moves this overlay's writes into {@code parent} (which must be the overlay below it). */
    public void commitInto(ViewOverlay parent) {
        parent.writes.putAll(writes);
        writes.clear();
    }

    /** The writes, in the order first made; an empty value is a delete. */
    public Map<String, Optional<String>> writes() {
        return Map.copyOf(writes);
    }

    /** How many keys this overlay changes. */
    public int size() {
        return writes.size();
    }
}
