/**
 * Ordering the writers' entries into one sequence. {@link net.intercomj.host.subnet.order.CausalOrder}
 * is the deterministic order every peer computes for entries not yet confirmed (and the order an
 * indexer proposes); indexers' confirmation follows.
 */
package net.intercomj.host.subnet.order;
