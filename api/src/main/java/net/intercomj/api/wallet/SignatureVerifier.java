package net.intercomj.api.wallet;

/**
 * Checks Ed25519 signatures as the original peer does (trac-wallet's {@code verify}): RFC 8032,
 * canonical signatures only. Offered by the host; safe to share between threads.
 */
@FunctionalInterface
public interface SignatureVerifier {

    /**
     * Whether {@code signature} (64 bytes) is {@code publicKey}'s (32 bytes) signature over
     * {@code message}. Wrong sizes and nulls give false, never an exception.
     */
    boolean verify(byte[] signature, byte[] message, byte[] publicKey);
}
