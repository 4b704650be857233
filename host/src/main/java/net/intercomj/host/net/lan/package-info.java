/**
 * Zero-configuration peer discovery on the local network by UDP multicast, so that peers on
 * one LAN find each other without a bootstrap list or Internet access (Hyperswarm's users
 * could not: spec holepunch-digest A.10). {@link net.intercomj.host.net.lan.LanDiscovery} is a
 * {@link net.intercomj.host.net.swarm.Discovery} the swarm uses alone or next to the DHT.
 *
 * <p>Nothing heard on the LAN is trusted: an announcement only tells the swarm where to dial,
 * and the handshake then proves the key. Every datagram is bounded, and what is kept from
 * datagrams (the announcement cache) is bounded per topic and in total.
 */
package net.intercomj.host.net.lan;
