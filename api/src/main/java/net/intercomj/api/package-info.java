/**
 * The Intercom plugin API: the only classes a plugin compiles against.
 *
 * <p>Sub-packages group one concept each: {@link net.intercomj.api.command} for terminal
 * commands, {@link net.intercomj.api.wallet} for the peer's identity. The host implements
 * these interfaces; plugins never see host classes.
 */
package net.intercomj.api;
