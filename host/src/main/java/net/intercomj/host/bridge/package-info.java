/**
 * The SC-Bridge: the WebSocket surface agents and web pages drive a peer through, speaking the
 * original's JSON protocol (spec upstream-sidechannel-bridge §3), plus the plugins' web apps
 * over HTTP on the same port. Only this package and {@code host/rpc} see Undertow. {@link
 * net.intercomj.host.bridge.ScBridge} is the entry point; one class per message type lives in
 * {@code handlers}. Operators and client authors: {@code docs/bridge.md}.
 */
package net.intercomj.host.bridge;
