package net.intercomj.host.subnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;

/**
 * The entries stored but not yet confirmed, kept in memory for the unconfirmed view, so that a
 * round of the apply thread does not read every pending entry back from the store. Entries are
 * handed in as they are stored, from any thread; the apply thread reads them. What is not in
 * memory (at start, or beyond the window kept) is read from the store.
 */
final class PendingEntries {

    private final WriterLogStore logs;
    private final int perWriter;
    private final ConcurrentLinkedQueue<LogEntry> arrived = new ConcurrentLinkedQueue<>();
    // Apply thread only.
    private final Map<Bytes32, TreeMap<Long, LogEntry>> held = new HashMap<>();

    /** @param perWriter most entries of one log taken beyond its confirmed ones */
    PendingEntries(WriterLogStore logs, int perWriter) {
        this.logs = logs;
        this.perWriter = perWriter;
    }

    /** An entry was stored (any thread). */
    void stored(LogEntry entry) {
        arrived.add(entry);
    }

    /** Up to {@code perWriter} entries of each log after its {@code confirmed} length, in seq order per log. */
    List<LogEntry> after(Map<Bytes32, Long> confirmed) throws StoreException {
        for (LogEntry entry = arrived.poll(); entry != null; entry = arrived.poll()) {
            held.computeIfAbsent(entry.writer(), writer -> new TreeMap<>()).put(entry.seq(), entry);
        }
        List<LogEntry> pending = new ArrayList<>();
        for (Map.Entry<Bytes32, Long> log : logs.lengths().entrySet()) {
            long from = confirmed.getOrDefault(log.getKey(), 0L);
            long end = Math.min(log.getValue(), from + perWriter);
            TreeMap<Long, LogEntry> entries = held.computeIfAbsent(log.getKey(), writer -> new TreeMap<>());
            entries.headMap(from).clear();
            entries.tailMap(from + perWriter).clear();
            long next = from;
            while (next < end && entries.containsKey(next)) {
                next++;
            }
            if (next < end) {
                logs.range(log.getKey(), next, (int) (end - next)).forEach(entry -> entries.put(entry.seq(), entry));
            }
            pending.addAll(entries.subMap(from, end).values());
        }
        return pending;
    }
}
