/**
 * Replication of the writer logs between a subnet's peers: each side says how long each log is
 * ({@code Have}), asks for what it lacks ({@code Want}) and receives entries ({@code Data}),
 * which are checked and stored before anything else may see them. The protocol logic
 * ({@link net.intercomj.host.subnet.replication.LogReplicator}) knows nothing of sockets, so a
 * simulated network can drive it as well as a real one. The same links carry {@code Request}s
 * and their {@code Reply}s between linked peers (such as settlement requests to validators),
 * whose bodies replication passes on without reading them.
 */
package net.intercomj.host.subnet.replication;
