package net.intercomj.host.net.dht;

/**
 * A snapshot of one node's counters.
 *
 * @param nodesKnown       nodes in the routing table
 * @param recordsHeld      records stored for others
 * @param topicsHeld       topics those records are under
 * @param droppedDatagrams datagrams dropped: malformed, oversized, unexpected responses
 * @param refusedStores    announces refused: bad token or bad signature
 */
public record DhtStats(int nodesKnown, int recordsHeld, int topicsHeld, long droppedDatagrams, long refusedStores) {}
