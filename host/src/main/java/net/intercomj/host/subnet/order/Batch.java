package net.intercomj.host.subnet.order;

import java.util.List;
import net.intercomj.host.subnet.log.EntryId;

/**
 * One step of the confirmed log: entries in the order they are applied. It is also one entry of
 * the indexers' Raft log, so it carries the Raft term in which its leader proposed it; the term
 * is part of the log hash the indexers sign.
 *
 * @param number  the batch's position in the confirmed log, from 0
 * @param term    the Raft term of the leader that proposed it
 * @param entries up to {@link #MAX_ENTRIES} entries, each after everything it follows (its log
 *                and its heads); none in the batch a new leader proposes to commit what its
 *                predecessors left
 */
public record Batch(long number, long term, List<EntryId> entries) {

    /** Most entries in one batch. */
    public static final int MAX_ENTRIES = 1024;

    public Batch {
        entries = List.copyOf(entries);
        if (number < 0 || term < 0 || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("A batch has a number >= 0, a term >= 0 and at most " + MAX_ENTRIES
                    + " entries");
        }
    }
}
