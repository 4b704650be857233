/**
 * The encrypted transport: {@code Noise_XX_25519_ChaChaPoly_BLAKE2b} over TCP, with each
 * side's wallet proven inside the handshake ({@link net.intercomj.host.net.noise.NoiseIdentity}),
 * so a connection's remote key is an authenticated peer identity. Not wire-compatible with
 * the JavaScript stack's secret-stream, which does DH on Ed25519 keys and uses libsodium's
 * secretstream framing (spec holepunch-digest A.4, A.11).
 */
package net.intercomj.host.net.noise;
