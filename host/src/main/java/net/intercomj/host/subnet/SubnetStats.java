package net.intercomj.host.subnet;

import java.util.List;

/**
 * A subnet's numbers for {@code /stats}.
 *
 * @param logs             writer logs held
 * @param writers          writers in the confirmed view
 * @param indexers         indexer keys in the confirmed view
 * @param knownEntries     entries held, over all logs
 * @param confirmedEntries entries confirmed
 * @param confirmedBatches batches in the confirmed log
 * @param appliedBatches   batches applied to the confirmed view
 * @param rollbacks        times the unconfirmed view undid ops
 * @param peers            peers replicating with this one
 * @param halted           why apply stopped, or null
 */
public record SubnetStats(int logs, long writers, List<String> indexers, long knownEntries, long confirmedEntries,
        long confirmedBatches, long appliedBatches, long rollbacks, int peers, String halted) {

    public SubnetStats {
        indexers = List.copyOf(indexers);
    }

    /** Entries known but not yet confirmed. */
    public long lag() {
        return knownEntries - confirmedEntries;
    }
}
