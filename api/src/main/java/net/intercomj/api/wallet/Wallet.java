package net.intercomj.api.wallet;

/**
 * The peer's wallet: its Ed25519 identity and {@code trac1…} address.
 *
 * <p>The secret key never leaves the implementation; callers get signatures, not keys.
 * Implementations are immutable and safe to share between threads.
 */
public interface Wallet {

    /** The 32-byte Ed25519 public key (a fresh copy on every call). */
    byte[] publicKey();

    /** The public key as 64 lowercase hex characters, as printed in the banner. */
    String publicKeyHex();

    /** The bech32m address of the public key, {@code trac1…} (63 characters). */
    String address();

    /**
     * Signs {@code message} with the peer's Ed25519 key.
     *
     * @return the 64-byte detached signature (deterministic, RFC 8032)
     */
    byte[] sign(byte[] message);
}
