/**
 * The SC-Bridge: the WebSocket surface agents and web pages drive a peer through, speaking the
 * original's JSON protocol (spec upstream-sidechannel-bridge §3). Only this package sees
 * Undertow. One class per message type lives in {@code handlers}.
 *
 * <p>Under construction: the server, {@code hello}, {@code auth}, {@code ping} and the generic
 * errors exist; the bridge is not started by the peer until the remaining types land.
 */
package net.intercomj.host.bridge;
