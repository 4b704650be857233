/**
 * The Intercom plugin API: the only classes a plugin compiles against.
 *
 * <p>Sub-packages group one concept each: {@link net.intercomj.api.command} for terminal
 * commands, {@link net.intercomj.api.wallet} for the peer's identity,
 * {@link net.intercomj.api.plugin} for a plugin's entry point and context,
 * {@link net.intercomj.api.network} for links and protocols to other peers,
 * {@link net.intercomj.api.sidechannel} for the sidechannel plane, {@link net.intercomj.api.bridge}
 * for SC-Bridge message types, {@link net.intercomj.api.contract} for contracts, {@link net.intercomj.api.subnet} for the
 * subnet's state and feature data, and
 * {@link net.intercomj.api.json} for the JSON values they read and write. The host implements these
 * interfaces; plugins never see host classes.
 */
package net.intercomj.api;
