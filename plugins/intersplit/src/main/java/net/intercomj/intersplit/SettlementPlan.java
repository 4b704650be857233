package net.intercomj.intersplit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settlement plans: payments from debtors to creditors that bring every balance to zero.
 *
 * <p>Two plans:
 * <ul>
 *   <li>{@link #greedy}: the original's plan, unchanged (spec §2.4). At most {@code n - 1}
 *       payments for {@code n} non-zero balances, but not always the fewest (W11).
 *   <li>{@link #fewestPayments}: the default. The fewest payments possible, computed exactly
 *       while at most {@value #EXACT_LIMIT} non-zero balances remain after cancelling opposite
 *       pairs; above that, the better of a pairing-plus-greedy plan and {@link #greedy}. It
 *       never has more payments than {@link #greedy}; on the spec's examples it gives the very
 *       same payments.
 * </ul>
 *
 * <p>Both are pure functions of the balances: the input order does not matter (the balances
 * are sorted by {@link Names#ORDER} first), and equal inputs give equal plans on every
 * machine, which keeps two peers' plans for one room identical.
 *
 * <p><b>Why the minimum is a partition problem.</b> Split the members with non-zero balances
 * into groups that each sum to zero, and settle every group on its own: a group of {@code k}
 * members needs at least {@code k - 1} payments (each payment can zero at most one more
 * member, the last one zeroes two) and greedy within the group achieves that. Conversely, the
 * payments of any plan connect the members into such zero-sum groups. So the fewest payments
 * is {@code n - g}, where {@code g} is the largest number of disjoint zero-sum groups the
 * balances can be partitioned into. Finding {@code g} is NP-hard in general, hence the
 * exhaustive search over subsets (2<sup>n</sup>) only for small rooms.
 */
public final class SettlementPlan {

    /**
     * The most non-zero balances (after cancelling opposite pairs) for which the exact minimum
     * is computed: 2<sup>18</sup> = 262,144 subsets, about 2.3 MB of tables and 4 to 25 ms on a
     * busy two-core machine (measured). Above it, time and memory would double per member.
     */
    public static final int EXACT_LIMIT = 18;

    /** Which plan a summary carries. */
    public enum Mode {
        /** {@link SettlementPlan#fewestPayments}, the default. */
        FEWEST_PAYMENTS,
        /** {@link SettlementPlan#greedy}, the original's plan. */
        GREEDY;

        /** This mode's plan for {@code balances}. */
        public List<Transfer> plan(List<Balance> balances) {
            return switch (this) {
                case FEWEST_PAYMENTS -> fewestPayments(balances);
                case GREEDY -> greedy(balances);
            };
        }
    }

    /** Largest amount first; {@link List#sort} is stable, so equal amounts keep name order. */
    private static final Comparator<long[]> LARGEST_FIRST = (a, b) -> Long.compare(b[1], a[1]);

    private SettlementPlan() {}

    /**
     * The original's greedy two-pointer plan (spec §2.4).
     *
     * <ol>
     *   <li>Creditors (balance &gt; 0) sorted by amount, largest first; debtors (balance &lt;
     *       0) by the amount they owe, largest first. Both sorts are stable over the name
     *       order, so ties go in name order.
     *   <li>Pair the current debtor with the current creditor: the debtor pays {@code min(owed,
     *       due)}.
     *   <li>Subtract; move past whichever side reached zero (both when both did).
     * </ol>
     *
     * @param balances one balance per member, summing to zero, in any order
     * @throws IllegalArgumentException when a member appears twice or the balances do not sum
     *     to zero
     */
    public static List<Transfer> greedy(List<Balance> balances) {
        return greedySorted(sortedByName(balances));
    }

    /**
     * The fewest payments that settle the balances (see the class description for why this is
     * a partition into zero-sum groups), chosen deterministically:
     *
     * <ol>
     *   <li>A creditor and a debtor with exactly opposite balances form a group of their own:
     *       some minimal plan always pays them directly (given a minimal partition, taking the
     *       two out of their groups into a pair of their own never lowers the group count).
     *       Members are paired in name order, each with the first unpaired opposite member by
     *       name.
     *   <li>The remaining members (at most {@value #EXACT_LIMIT}) are partitioned exactly into
     *       the most zero-sum groups, by dynamic programming over subsets: {@code best(S) =
     *       max over i in S of best(S - i) + (sum(S) == 0 ? 1 : 0)} counts the most zero-sum
     *       groups S splits into. The partition is then taken apart group by group: the next
     *       group is the smallest zero-sum set that holds the first remaining member by name and
     *       leaves a rest that still splits into one group fewer; among equal sizes, the one whose
     *       members come first by name.
     *   <li>Above {@value #EXACT_LIMIT} remaining members, they form one group settled greedily,
     *       and if plain {@link #greedy} over all balances needs fewer payments, that is the plan.
     *   <li>Each group is settled with {@link #greedy} (which is minimal for a group that
     *       cannot be split further); the groups' payments are listed group after group, groups
     *       ordered by their first member's name.
     * </ol>
     *
     * @param balances one balance per member, summing to zero, in any order
     * @throws IllegalArgumentException when a member appears twice or the balances do not sum
     *     to zero
     */
    public static List<Transfer> fewestPayments(List<Balance> balances) {
        List<Balance> sorted = sortedByName(balances);
        List<Balance> nonZero = sorted.stream().filter(b -> b.cents() != 0).toList();
        int n = nonZero.size();

        // 1. Opposite pairs.
        boolean[] paired = new boolean[n];
        List<List<Balance>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (paired[i]) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                if (!paired[j] && nonZero.get(j).cents() == -nonZero.get(i).cents()) {
                    paired[i] = true;
                    paired[j] = true;
                    groups.add(List.of(nonZero.get(i), nonZero.get(j)));
                    break;
                }
            }
        }
        List<Balance> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!paired[i]) {
                rest.add(nonZero.get(i));
            }
        }

        // 2. or 3. The rest, exactly or as one group.
        boolean exact = rest.size() <= EXACT_LIMIT;
        if (exact) {
            groups.addAll(exactGroups(rest));
        } else {
            groups.add(rest);
        }

        // 4. Settle group by group, groups in the order of their first member.
        groups.sort((a, b) -> Names.compare(a.get(0).member(), b.get(0).member()));
        List<Transfer> plan = new ArrayList<>();
        for (List<Balance> group : groups) {
            plan.addAll(greedySorted(group));
        }
        if (!exact) {
            List<Transfer> plain = greedySorted(sorted);
            if (plain.size() < plan.size()) {
                return plain;
            }
        }
        return List.copyOf(plan);
    }

    /**
     * Partitions {@code members} (name-ordered, non-zero, summing to zero, at most
     * {@value #EXACT_LIMIT}) into the most zero-sum groups; each group name-ordered.
     */
    private static List<List<Balance>> exactGroups(List<Balance> members) {
        int k = members.size();
        if (k == 0) {
            return List.of();
        }
        int full = (1 << k) - 1;
        long[] sum = new long[full + 1];
        byte[] best = new byte[full + 1];
        for (int mask = 1; mask <= full; mask++) {
            int low = Integer.numberOfTrailingZeros(mask);
            sum[mask] = sum[mask & (mask - 1)] + members.get(low).cents();
            int most = 0;
            for (int rest = mask; rest != 0; rest &= rest - 1) {
                int bit = rest & -rest;
                most = Math.max(most, best[mask ^ bit]);
            }
            best[mask] = (byte) (most + (sum[mask] == 0 ? 1 : 0));
        }

        List<List<Balance>> groups = new ArrayList<>();
        int remaining = full;
        while (remaining != 0) {
            int first = remaining & -remaining;
            int others = remaining ^ first;
            int target = best[remaining] - 1;
            int chosen = 0;
            for (int sub = others; ; sub = (sub - 1) & others) {
                int group = sub | first;
                if (sum[group] == 0 && best[remaining ^ group] == target && (chosen == 0 || before(group, chosen))) {
                    chosen = group;
                }
                if (sub == 0) {
                    break;
                }
            }
            List<Balance> group = new ArrayList<>(Integer.bitCount(chosen));
            for (int rest = chosen; rest != 0; rest &= rest - 1) {
                group.add(members.get(Integer.numberOfTrailingZeros(rest)));
            }
            groups.add(List.copyOf(group));
            remaining ^= chosen;
        }
        return groups;
    }

    /** Whether group {@code a} is preferred to {@code b}: fewer members, then members earlier by name. */
    private static boolean before(int a, int b) {
        int sizeA = Integer.bitCount(a);
        int sizeB = Integer.bitCount(b);
        if (sizeA != sizeB) {
            return sizeA < sizeB;
        }
        int differ = a ^ b;
        return (a & differ & -differ) != 0;
    }

    /** The greedy plan over balances already in name order (see {@link #greedy}). */
    private static List<Transfer> greedySorted(List<Balance> byName) {
        List<long[]> creditors = new ArrayList<>();
        List<long[]> debtors = new ArrayList<>();
        for (int i = 0; i < byName.size(); i++) {
            long cents = byName.get(i).cents();
            if (cents > 0) {
                creditors.add(new long[] {i, cents});
            } else if (cents < 0) {
                debtors.add(new long[] {i, -cents});
            }
        }
        creditors.sort(LARGEST_FIRST);
        debtors.sort(LARGEST_FIRST);

        List<Transfer> plan = new ArrayList<>();
        int d = 0;
        int c = 0;
        while (d < debtors.size() && c < creditors.size()) {
            long[] debtor = debtors.get(d);
            long[] creditor = creditors.get(c);
            long amount = Math.min(debtor[1], creditor[1]);
            plan.add(new Transfer(byName.get((int) debtor[0]).member(), byName.get((int) creditor[0]).member(), amount));
            debtor[1] -= amount;
            creditor[1] -= amount;
            if (debtor[1] == 0) {
                d++;
            }
            if (creditor[1] == 0) {
                c++;
            }
        }
        return List.copyOf(plan);
    }

    /** The balances in name order, after checking that members are distinct and the sum is zero. */
    private static List<Balance> sortedByName(List<Balance> balances) {
        Objects.requireNonNull(balances, "balances");
        Set<String> seen = new HashSet<>();
        // Summing each side exactly also bounds every subset sum the exact search forms.
        long credits = 0;
        long debts = 0;
        for (Balance balance : balances) {
            if (!seen.add(balance.member())) {
                throw new IllegalArgumentException("Member " + balance.member() + " has two balances.");
            }
            if (balance.cents() > 0) {
                credits = Math.addExact(credits, balance.cents());
            } else {
                debts = Math.subtractExact(debts, balance.cents());
            }
        }
        if (credits != debts) {
            throw new IllegalArgumentException("Balances must sum to zero to be settled, they sum to "
                    + Math.subtractExact(credits, debts) + " cents.");
        }
        List<Balance> sorted = new ArrayList<>(balances);
        sorted.sort(Comparator.comparing(Balance::member, Names.ORDER));
        return sorted;
    }
}
