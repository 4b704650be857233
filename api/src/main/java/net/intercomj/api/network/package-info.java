/**
 * The peer's network for plugins: topics, links to authenticated peers and protocol ports over
 * them. The host implements it on its DHT, Noise transport and channel mux.
 */
package net.intercomj.api.network;
