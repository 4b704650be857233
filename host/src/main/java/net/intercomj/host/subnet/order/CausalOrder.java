package net.intercomj.host.subnet.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;

/**
 * The deterministic order of entries that are known but not yet ordered: an entry comes after
 * the entry before it in its own log and after every head it names; among entries that could
 * come next, the smallest id (writer key, then seq) goes first. Every peer holding the same
 * entries computes the same order, whatever order it received them in.
 */
public final class CausalOrder {

    private CausalOrder() {}

    /**
     * The result.
     *
     * @param ordered the entries in order
     * @param waiting entries that cannot be ordered yet: something they follow is missing
     */
    public record Result(List<LogEntry> ordered, List<LogEntry> waiting) {
        public Result {
            ordered = List.copyOf(ordered);
            waiting = List.copyOf(waiting);
        }
    }

    /**
     * Orders {@code pending} after what is already ordered.
     *
     * @param orderedLengths per writer, how many of its entries are already ordered (confirmed);
     *                       writers not listed have none
     * @param pending        entries not yet ordered; duplicates and entries already ordered are ignored
     */
    public static Result order(Map<Bytes32, Long> orderedLengths, Collection<LogEntry> pending) {
        Map<Bytes32, Long> lengths = new HashMap<>(orderedLengths);
        Map<EntryId, LogEntry> unordered = new HashMap<>();
        for (LogEntry entry : pending) {
            if (entry.seq() >= lengths.getOrDefault(entry.writer(), 0L)) {
                unordered.putIfAbsent(entry.id(), entry);
            }
        }
        // Entries waiting on something, keyed by what they wait on.
        Map<EntryId, List<LogEntry>> blockedOn = new HashMap<>();
        PriorityQueue<LogEntry> ready = new PriorityQueue<>((a, b) -> a.id().compareTo(b.id()));
        for (LogEntry entry : unordered.values()) {
            EntryId missing = firstMissing(entry, lengths);
            if (missing == null) {
                ready.add(entry);
            } else {
                blockedOn.computeIfAbsent(missing, id -> new ArrayList<>()).add(entry);
            }
        }
        List<LogEntry> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            LogEntry next = ready.poll();
            ordered.add(next);
            lengths.put(next.writer(), next.seq() + 1);
            List<LogEntry> released = blockedOn.remove(next.id());
            if (released == null) {
                continue;
            }
            for (LogEntry entry : released) {
                EntryId missing = firstMissing(entry, lengths);
                if (missing == null) {
                    ready.add(entry);
                } else {
                    blockedOn.computeIfAbsent(missing, id -> new ArrayList<>()).add(entry);
                }
            }
        }
        List<LogEntry> waiting = blockedOn.values().stream().flatMap(List::stream)
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        return new Result(ordered, waiting);
    }

    /** What {@code entry} still waits on: its log predecessor, else its first unordered head; null when none. */
    private static EntryId firstMissing(LogEntry entry, Map<Bytes32, Long> lengths) {
        long ownLength = lengths.getOrDefault(entry.writer(), 0L);
        if (entry.seq() != ownLength) {
            return new EntryId(entry.writer(), entry.seq() - 1);
        }
        for (EntryId head : entry.heads()) {
            if (head.seq() >= lengths.getOrDefault(head.writer(), 0L)) {
                return head;
            }
        }
        return null;
    }
}
