/**
 * The subnet plane: the replicated state shared by a subnet's writers and readers (DESIGN §8).
 * Under construction: {@code log} holds the writer logs (entries, checks, the RocksDB store),
 * {@code replication} copies them between peers; ordering, views and operations follow, and the
 * peer does not start the plane yet.
 */
package net.intercomj.host.subnet;
