package net.intercomj.host.wallet;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 (RFC 8032) through Bouncy Castle's lightweight API, with libsodium's key layout:
 * a 32-byte seed is the private key, and the 64-byte "secret key" is {@code seed ‖ publicKey}.
 */
public final class Ed25519Keys {

    /** Private seed size. */
    public static final int SEED_SIZE = 32;
    /** Public key size. */
    public static final int PUBLIC_KEY_SIZE = 32;
    /** libsodium secret key size: seed followed by public key. */
    public static final int SECRET_KEY_SIZE = 64;
    /** Detached signature size. */
    public static final int SIGNATURE_SIZE = 64;

    private Ed25519Keys() {
    }

    /** The public key of a 32-byte seed. */
    public static byte[] publicKey(byte[] seed) {
        return privateKey(seed).generatePublicKey().getEncoded();
    }

    /** The 64-byte libsodium secret key {@code seed ‖ publicKey}. */
    public static byte[] secretKey(byte[] seed) {
        byte[] out = Arrays.copyOf(seed, SECRET_KEY_SIZE);
        System.arraycopy(publicKey(seed), 0, out, SEED_SIZE, PUBLIC_KEY_SIZE);
        return out;
    }

    /**
     * Checks that a 64-byte secret key is {@code seed ‖ publicKey(seed)}.
     *
     * <p>libsodium signs with the public half as stored, so a secret key whose halves disagree
     * would make Java and JavaScript peers produce different signatures.
     */
    public static boolean isConsistentSecretKey(byte[] secretKey) {
        if (secretKey == null || secretKey.length != SECRET_KEY_SIZE) {
            return false;
        }
        byte[] derived = publicKey(Arrays.copyOf(secretKey, SEED_SIZE));
        return Arrays.equals(derived, 0, PUBLIC_KEY_SIZE, secretKey, SEED_SIZE, SECRET_KEY_SIZE);
    }

    /** A deterministic detached signature of {@code message} by the key of {@code seed}. */
    public static byte[] sign(byte[] seed, byte[] message) {
        return sign(privateKey(seed), message);
    }

    static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
        Objects.requireNonNull(message, "message");
        // A fresh signer per call: signers buffer the message and are not thread-safe.
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /**
     * Plain RFC 8032 verification (Bouncy Castle rejects non-canonical S and small-order keys).
     *
     * @return {@code false} for wrong sizes or null arguments instead of throwing
     */
    public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
        if (signature == null || message == null || publicKey == null
                || signature.length != SIGNATURE_SIZE || publicKey.length != PUBLIC_KEY_SIZE) {
            return false;
        }
        Ed25519PublicKeyParameters key;
        try {
            key = new Ed25519PublicKeyParameters(publicKey, 0);
        } catch (IllegalArgumentException e) {
            // Bouncy Castle validates the point up front (not on the curve, small order): not a valid signer.
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    static Ed25519PrivateKeyParameters privateKey(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != SEED_SIZE) {
            throw new IllegalArgumentException("Ed25519 seed must be " + SEED_SIZE + " bytes, got " + seed.length);
        }
        return new Ed25519PrivateKeyParameters(seed, 0);
    }
}
