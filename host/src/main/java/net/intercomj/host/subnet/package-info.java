/**
 * The subnet plane: the replicated state shared by a subnet's writers and readers (DESIGN §8).
 * Under construction: {@code log} holds the writer logs' entries; replication, ordering, views
 * and operations follow.
 */
package net.intercomj.host.subnet;
