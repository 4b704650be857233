package net.intercomj.host.subnet.order;

import java.util.List;
import net.intercomj.host.subnet.log.EntryId;

/**
 * One step of the confirmed log: entries in the order they are applied.
 *
 * @param number  the batch's position in the confirmed log, from 0
 * @param entries at least one entry, each after everything it follows (its log and its heads)
 */
public record Batch(long number, List<EntryId> entries) {

    /** Most entries in one batch. */
    public static final int MAX_ENTRIES = 1024;

    public Batch {
        entries = List.copyOf(entries);
        if (number < 0 || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("A batch has a number >= 0 and 1 to " + MAX_ENTRIES + " entries");
        }
    }
}
