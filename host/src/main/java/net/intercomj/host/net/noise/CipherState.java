package net.intercomj.host.net.noise;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Noise's CipherState with ChaChaPoly: a key and a nonce counter. The nonce is 4 zero bytes
 * followed by the 64-bit counter, little-endian. Not thread-safe.
 */
final class CipherState {

    static final int TAG_LENGTH = 16;
    /** Noise reserves 2^64-1; we never get near it, but refuse rather than wrap. */
    private static final long MAX_NONCE = -2L;

    private final Cipher cipher;
    private SecretKeySpec key;
    private long nonce;
    private final byte[] iv = new byte[12];

    CipherState() {
        try {
            cipher = Cipher.getInstance("ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks ChaCha20-Poly1305", e);
        }
    }

    void initializeKey(byte[] keyBytes) {
        key = new SecretKeySpec(Arrays.copyOf(keyBytes, 32), "ChaCha20");
        nonce = 0;
    }

    boolean hasKey() {
        return key != null;
    }

    /** Ciphertext with tag, or the plaintext itself before a key is set. */
    byte[] encryptWithAd(byte[] ad, byte[] plaintext, int offset, int length) throws NoiseException {
        if (key == null) {
            return Arrays.copyOfRange(plaintext, offset, offset + length);
        }
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nextIv());
            if (ad.length > 0) {
                cipher.updateAAD(ad);
            }
            return cipher.doFinal(plaintext, offset, length);
        } catch (GeneralSecurityException e) {
            throw new NoiseException("encryption failed", e);
        }
    }

    /** Encrypts into {@code out} at {@code outOffset}; returns the ciphertext length. */
    int encryptInto(byte[] plaintext, int offset, int length, byte[] out, int outOffset) throws NoiseException {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nextIv());
            return cipher.doFinal(plaintext, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new NoiseException("encryption failed", e);
        }
    }

    /** Plaintext, or a NoiseException when the tag does not verify. */
    byte[] decryptWithAd(byte[] ad, byte[] ciphertext, int offset, int length) throws NoiseException {
        if (key == null) {
            return Arrays.copyOfRange(ciphertext, offset, offset + length);
        }
        if (length < TAG_LENGTH) {
            throw new NoiseException("ciphertext shorter than its tag");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nextIv());
            if (ad.length > 0) {
                cipher.updateAAD(ad);
            }
            return cipher.doFinal(ciphertext, offset, length);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new NoiseException("authentication failed (tampered or out-of-order data)");
        } catch (GeneralSecurityException e) {
            throw new NoiseException("decryption failed", e);
        }
    }

    /** Decrypts into {@code out} at 0; returns the plaintext length. */
    int decryptInto(byte[] ciphertext, int offset, int length, byte[] out) throws NoiseException {
        if (length < TAG_LENGTH) {
            throw new NoiseException("record shorter than its tag");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nextIv());
            return cipher.doFinal(ciphertext, offset, length, out, 0);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new NoiseException("authentication failed (tampered or out-of-order data)");
        } catch (GeneralSecurityException e) {
            throw new NoiseException("decryption failed", e);
        }
    }

    private IvParameterSpec nextIv() throws NoiseException {
        if (nonce == MAX_NONCE) {
            throw new NoiseException("nonce exhausted: the connection must be replaced");
        }
        long n = nonce++;
        for (int i = 0; i < 8; i++) {
            iv[4 + i] = (byte) (n >>> (8 * i));
        }
        return new IvParameterSpec(iv);
    }
}
