/**
 * The binary codec shared by the network protocols: {@link net.intercomj.host.net.wire.WireWriter}
 * and {@link net.intercomj.host.net.wire.WireReader}. Not wire-compatible with the
 * JavaScript stack's compact-encoding (we do not talk to JavaScript peers over this network);
 * every length is bounded by the caller, every varint has one encoding.
 */
package net.intercomj.host.net.wire;
