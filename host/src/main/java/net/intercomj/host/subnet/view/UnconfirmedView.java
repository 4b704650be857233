package net.intercomj.host.subnet.view;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unconfirmed state: the confirmed view plus the writes of entries known but not yet
 * confirmed, held in memory. When confirmation overtakes it, it is rebuilt from the
 * still-unconfirmed entries, applied again in their causal order, and {@link #replace}d at once.
 */
public final class UnconfirmedView implements ViewReader {

    private final ViewReader confirmed;
    private final Map<String, Optional<String>> overlay = new HashMap<>();

    public UnconfirmedView(ViewReader confirmed) {
        this.confirmed = confirmed;
    }

    @Override
    public synchronized Optional<String> get(String key) {
        Optional<String> written = overlay.get(key);
        return written != null ? written : confirmed.get(key);
    }

    /** Adds unconfirmed writes at once; an empty value deletes. */
    public synchronized void putAll(Map<String, Optional<String>> writes) {
        overlay.putAll(writes);
    }

    /** Replaces every unconfirmed write at once; an empty value deletes. */
    public synchronized void replace(Map<String, Optional<String>> writes) {
        overlay.clear();
        overlay.putAll(writes);
    }

    /** How many keys the overlay changes. */
    public synchronized int size() {
        return overlay.size();
    }
}
