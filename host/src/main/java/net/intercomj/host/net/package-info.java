/**
 * The host's own peer-to-peer network, on which the sidechannel, subnet and settlement planes
 * run: discovery ({@code dht}, {@code lan}), the encrypted transport ({@code noise}), channels
 * over one connection ({@code mux}) and the topic swarm that ties them together
 * ({@code swarm}). {@code wire} is the binary codec they share.
 */
package net.intercomj.host.net;
