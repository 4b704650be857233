package net.intercomj.intersplit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The expense events of one room, and what they add up to.
 *
 * <p>Events are deduplicated by {@code txId}: the first event seen with an id wins and a later
 * one with the same id is ignored, whatever its content (as in the original; peers relay the
 * same event several times). There are no edits or per-event deletes: events are immutable
 * facts and a room only grows.
 *
 * <p>Thread-safe: the sidechannel, the bridge and the terminal may reach one room from
 * different threads, so every method holds the ledger's lock.
 *
 * <p>How the room's name is normalized (the original is inconsistent about case, W1) is up to
 * whoever keeps the rooms; the ledger just carries the name into its {@link Summary}.
 */
public final class Ledger {

    /** {@link #list()}'s order: by {@code ts}; {@link List#sort} is stable, so ties keep arrival order. */
    private static final Comparator<Expense> BY_TS = Comparator.comparingLong(Expense::ts);

    private final String channel;
    private final List<Expense> events = new ArrayList<>();
    private final Map<String, Expense> byTxId = new HashMap<>();

    /** An empty room named {@code channel}. */
    public Ledger(String channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** The room's name. */
    public String channel() {
        return channel;
    }

    /**
     * Adds an event unless one with its {@code txId} is already here.
     *
     * @return true when added, false for a duplicate (which is ignored)
     */
    public synchronized boolean add(Expense event) {
        Objects.requireNonNull(event, "event");
        if (byTxId.putIfAbsent(event.txId(), event) != null) {
            return false;
        }
        events.add(event);
        return true;
    }

    /**
     * Adds each event in turn, as {@link #add} does (a snapshot import merging into the room).
     *
     * @return how many were added
     */
    public synchronized int addAll(Iterable<Expense> more) {
        int added = 0;
        for (Expense event : more) {
            if (add(event)) {
                added++;
            }
        }
        return added;
    }

    /** Whether an event with this {@code txId} is here. */
    public synchronized boolean contains(String txId) {
        return byTxId.containsKey(txId);
    }

    /** How many events the room holds. */
    public synchronized int size() {
        return events.size();
    }

    /** Whether the room holds no event. */
    public synchronized boolean isEmpty() {
        return events.isEmpty();
    }

    /** The events by {@code ts}, oldest first; events with equal {@code ts} in the order they arrived. */
    public synchronized List<Expense> list() {
        List<Expense> sorted = new ArrayList<>(events);
        sorted.sort(BY_TS);
        return List.copyOf(sorted);
    }

    /** The sum of the events' amounts, in cents. */
    public synchronized long totalCents() {
        long total = 0;
        for (Expense event : events) {
            total = Math.addExact(total, event.amountCents());
        }
        return total;
    }

    /** Every member's balance; see {@link #balancesOf}. */
    public synchronized List<Balance> balances() {
        return balancesOf(events);
    }

    /** The room's summary, with the default settlement plan ({@link SettlementPlan.Mode#FEWEST_PAYMENTS}). */
    public Summary summary() {
        return summary(SettlementPlan.Mode.FEWEST_PAYMENTS);
    }

    /**
     * The room's summary, with the settlement plan of {@code mode}. The plan is computed from a
     * copy of the events, outside the lock: the exact plan may take tens of milliseconds.
     */
    public Summary summary(SettlementPlan.Mode mode) {
        Objects.requireNonNull(mode, "mode");
        List<Expense> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(events);
        }
        long total = 0;
        for (Expense event : snapshot) {
            total = Math.addExact(total, event.amountCents());
        }
        List<Balance> balances = balancesOf(snapshot);
        return new Summary(channel, snapshot.size(), total, balances, mode.plan(balances));
    }

    /**
     * The balances that {@code events} leave, exactly as the original computes them (spec
     * §2.4). For each event of {@code k} split members, {@code base = amount / k} (rounded down)
     * and {@code rem = amount - base * k}; the i-th member of the split (in the event's stored
     * order) is charged {@code base + 1} when {@code i < rem}, else {@code base}: the
     * <em>first</em> {@code rem} members absorb the leftover cents. The payer is credited the
     * whole amount. So the balances always sum to zero, and the event order does not matter.
     *
     * @return one entry per member named in any event (as payer or in a split), zero balances
     *     included, in {@link Names#ORDER}
     * @throws ArithmeticException if a balance overflows a {@code long} (it cannot with fewer
     *     than 9 million events; see {@link Amounts})
     */
    public static List<Balance> balancesOf(Iterable<Expense> events) {
        Map<String, Long> net = new TreeMap<>(Names.ORDER);
        for (Expense event : events) {
            List<String> members = event.split();
            int k = members.size();
            long base = event.amountCents() / k;
            long rem = event.amountCents() - base * k;
            for (int i = 0; i < k; i++) {
                long share = base + (i < rem ? 1 : 0);
                net.merge(members.get(i), -share, Math::addExact);
            }
            net.merge(event.payer(), event.amountCents(), Math::addExact);
        }
        List<Balance> out = new ArrayList<>(net.size());
        net.forEach((member, cents) -> out.add(new Balance(member, cents)));
        return List.copyOf(out);
    }
}
