/**
 * InterSplit: a shared expense ledger per sidechannel room, re-implemented from the JS fork
 * {@code MaivaSoftwares/intercom} (spec {@code upstream-apps.md} Part 2).
 *
 * <p>The <b>pure domain core</b> below has no sidechannel, bridge, terminal, contract or file
 * wiring, no clock and no randomness: it is a deterministic function of its inputs, so two peers
 * holding the same events compute the same balances, plans and exports. The plugin wiring
 * ({@link net.intercomj.intersplit.InterSplitPlugin}, {@link net.intercomj.intersplit.Rooms},
 * {@link net.intercomj.intersplit.ExpenseSplit}, the commands and bridge handlers) is described in
 * the module's README.
 *
 * <ul>
 *   <li>{@link net.intercomj.intersplit.Expense}: one immutable expense event, normalized and
 *       checked; its JSON form is the original's wire and snapshot event.
 *   <li>{@link net.intercomj.intersplit.Amounts}: amounts in integer cents, parsed from user
 *       text (plain decimals, at most two decimals, bounded) and formatted as the original.
 *   <li>{@link net.intercomj.intersplit.Names}: member name normalization and the fixed
 *       code point collation used for every listing.
 *   <li>{@link net.intercomj.intersplit.Ledger}: the events of one room, deduplicated by
 *       {@code txId}; balances with the original's remainder rule; the summary.
 *   <li>{@link net.intercomj.intersplit.SettlementPlan}: the original's greedy plan, and the
 *       default plan with the fewest payments.
 *   <li>{@link net.intercomj.intersplit.Exports} (with {@link net.intercomj.intersplit.Csv}):
 *       the text, json and csv exports.
 * </ul>
 */
package net.intercomj.intersplit;
