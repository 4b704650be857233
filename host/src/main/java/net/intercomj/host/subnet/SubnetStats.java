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
 * @param paused           why apply waits (a contract version this peer lacks), or null
 * @param consensus        this peer's place in the indexers' Raft
 */
public record SubnetStats(int logs, long writers, List<String> indexers, long knownEntries, long confirmedEntries,
        long confirmedBatches, long appliedBatches, long rollbacks, int peers, String halted, String paused, Consensus consensus) {

    /**
     * @param role   {@code leader}, {@code follower}, {@code candidate}, or {@code reader} on a peer that is no indexer
     * @param term   the Raft term this peer is in
     * @param leader the leader's writer key, if known
     */
    public record Consensus(String role, long term, java.util.Optional<String> leader) {}


    public SubnetStats {
        indexers = List.copyOf(indexers);
    }

    /** Entries known but not yet confirmed. */
    public long lag() {
        return knownEntries - confirmedEntries;
    }
}
