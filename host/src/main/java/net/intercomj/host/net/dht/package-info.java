/**
 * Peer discovery: a Kademlia DHT over UDP (32-byte ids bound to node addresses, k = 20,
 * iterative queries with bounded parallelism, round-trip tokens before any store) where peers
 * announce signed records under 32-byte topics. {@link net.intercomj.host.net.dht.DhtNode} is
 * the entry point; {@link net.intercomj.host.net.dht.DhtDiscovery} plugs it into the swarm.
 */
package net.intercomj.host.net.dht;
