package net.intercomj.host.subnet.apply;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.subnet.order.Batch;
import net.intercomj.host.subnet.order.Checkpoint;
import net.intercomj.host.subnet.view.ConfirmedView;
import net.intercomj.host.subnet.view.UnconfirmedView;
import net.intercomj.host.subnet.view.ViewReader;

/**
 * The subnet's state: the confirmed view on disk, advanced one confirmed batch at a time, and
 * the unconfirmed view, the confirmed one plus the ops known but not yet confirmed, applied in
 * their deterministic causal order. Not thread-safe: the subnet's apply thread owns it; readers
 * use {@link #confirmed()} and {@link #unconfirmed()}, which are.
 */
public final class SubnetState {

    private final OpApplier ops;
    private final ConfirmedView confirmed;
    private final UnconfirmedView unconfirmed;
    private Checkpoint checkpoint;
    /** Past this many keys the overlay is rebuilt from the pending entries alone (not a rollback). */
    private static final int MAX_OVERLAY_KEYS = 100_000;

    private List<EntryId> unconfirmedOrder = List.of();
    // The unconfirmed writes on top of the confirmed view; null when nothing is pending.
    private ViewOverlay overlay;
    private long rollbacks;

    /**
     * @param checkpoint the checkpoint after the view's last applied batch, from the confirmed log
     */
    public SubnetState(OpApplier ops, ConfirmedView confirmed, Checkpoint checkpoint) {
        if (checkpoint.batches() != confirmed.appliedBatches() || !checkpoint.stateHash().equals(confirmed.stateHash())) {
            throw new IllegalArgumentException("The view holds " + confirmed.appliedBatches()
                    + " batches but the checkpoint given is of " + checkpoint.batches());
        }
        this.ops = ops;
        this.confirmed = confirmed;
        this.unconfirmed = new UnconfirmedView(confirmed);
        this.checkpoint = checkpoint;
    }

    public ViewReader confirmed() {
        return confirmed;
    }

    public ViewReader unconfirmed() {
        return unconfirmed;
    }

    /** The checkpoint after the last applied batch. */
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    public long appliedBatches() {
        return confirmed.appliedBatches();
    }

    /** Times the unconfirmed view had to undo ops because confirmation ordered them differently. */
    public long rollbacks() {
        return rollbacks;
    }

    /** Applies {@code batch} in memory on top of the confirmed view; nothing is stored. */
    public AppliedBatch compute(Batch batch, List<LogEntry> entries) {
        if (batch.number() != confirmed.appliedBatches()) {
            throw new IllegalArgumentException("Batch " + batch.number() + " cannot be applied next: "
                    + confirmed.appliedBatches() + " are applied");
        }
        ViewOverlay overlay = new ViewOverlay(confirmed);
        if (batch.number() == 0) {
            ops.genesisIfEmpty(confirmed, overlay);
        }
        List<OpResult> results = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            results.add(ops.apply(entry, overlay));
        }
        return new AppliedBatch(batch, entries, overlay.writes(), results,
                checkpoint.next(batch, entries, overlay.writes()));
    }

    /** Stores an applied batch in the confirmed view: all of it, atomically. */
    public void commit(AppliedBatch applied) throws StoreException {
        confirmed.apply(applied.batch().number(), applied.writes(), applied.checkpoint().stateHash());
        checkpoint = applied.checkpoint();
    }

    /**
     * Brings the unconfirmed view up to date with the entries not yet confirmed, in their
     * deterministic order. When the entries applied before are still a prefix of the new order
     * (after what was confirmed since), only the new ones are applied: ops confirmed in the
     * order they were applied left the overlay's values what the confirmed view now holds.
     * Otherwise the overlay is rebuilt, and that is a rollback: ops were undone.
     *
     * @param confirmedSince entries confirmed since the last update, in confirmed order
     * @param pending        the entries still unconfirmed, in causal order
     */
    public void updateUnconfirmed(List<EntryId> confirmedSince, List<LogEntry> pending) {
        List<EntryId> order = new ArrayList<>(confirmedSince.size() + pending.size());
        order.addAll(confirmedSince);
        pending.forEach(entry -> order.add(entry.id()));
        boolean extends_ = order.size() >= unconfirmedOrder.size()
                && order.subList(0, unconfirmedOrder.size()).equals(unconfirmedOrder);
        boolean prefixOfOld = !extends_ && unconfirmedOrder.subList(0, Math.min(order.size(), unconfirmedOrder.size()))
                .equals(order.subList(0, Math.min(order.size(), unconfirmedOrder.size())));
        // When confirmation went past everything the overlay held, its values may be older than the
        // confirmed ones: start afresh (not a rollback).
        boolean overlayStillAhead = confirmedSince.size() < unconfirmedOrder.size();
        if (extends_ && overlayStillAhead && overlay != null && overlay.size() <= MAX_OVERLAY_KEYS) {
            ViewOverlay added = new ViewOverlay(overlay);
            for (LogEntry entry : pending.subList(unconfirmedOrder.size() - confirmedSince.size(), pending.size())) {
                ops.apply(entry, added);
            }
            unconfirmed.putAll(added.writes());
            added.commitInto(overlay);
        } else {
            // Built aside and swapped in at the end: an op that stops apply (a contract this peer
            // lacks) leaves the previous overlay whole, to be extended again later.
            ViewOverlay rebuilt = new ViewOverlay(confirmed);
            if (confirmed.appliedBatches() == 0) {
                ops.genesisIfEmpty(confirmed, rebuilt);
            }
            for (LogEntry entry : pending) {
                ops.apply(entry, rebuilt);
            }
            overlay = rebuilt;
            unconfirmed.replace(rebuilt.writes());
        }
        if (!extends_ && !prefixOfOld) {
            rollbacks++;
        }
        if (pending.isEmpty() && confirmed.appliedBatches() > 0) {
            // Everything applied is confirmed: the overlay holds nothing the confirmed view does not.
            overlay = null;
            unconfirmed.replace(java.util.Map.of());
        }
        unconfirmedOrder = pending.stream().map(LogEntry::id).toList();
    }
}
