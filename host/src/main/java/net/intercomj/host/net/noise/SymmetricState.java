package net.intercomj.host.net.noise;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** Noise's SymmetricState with BLAKE2b (HASHLEN 64): chaining key, handshake hash, cipher. */
final class SymmetricState {

    static final int HASH_LENGTH = 64;

    private final CipherState cipher = new CipherState();
    private byte[] chainingKey;
    private byte[] hash;

    SymmetricState(String protocolName) {
        byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
        hash = name.length <= HASH_LENGTH ? Arrays.copyOf(name, HASH_LENGTH) : blake2b(name);
        chainingKey = hash.clone();
    }

    void mixKey(byte[] inputKeyMaterial) {
        byte[][] outputs = hkdf(chainingKey, inputKeyMaterial);
        chainingKey = outputs[0];
        cipher.initializeKey(Arrays.copyOf(outputs[1], 32));
    }

    void mixHash(byte[] data) {
        hash = blake2b(hash, data);
    }

    byte[] encryptAndHash(byte[] plaintext) throws NoiseException {
        byte[] ciphertext = cipher.encryptWithAd(hash, plaintext, 0, plaintext.length);
        mixHash(ciphertext);
        return ciphertext;
    }

    byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
        byte[] plaintext = cipher.decryptWithAd(hash, ciphertext, 0, ciphertext.length);
        mixHash(ciphertext);
        return plaintext;
    }

    boolean hasKey() {
        return cipher.hasKey();
    }

    /** The handshake hash {@code h} as it stands. */
    byte[] handshakeHash() {
        return hash.clone();
    }

    /** The two transport ciphers: initiator-to-responder, then responder-to-initiator. */
    CipherState[] split() {
        byte[][] outputs = hkdf(chainingKey, new byte[0]);
        CipherState first = new CipherState();
        first.initializeKey(Arrays.copyOf(outputs[0], 32));
        CipherState second = new CipherState();
        second.initializeKey(Arrays.copyOf(outputs[1], 32));
        return new CipherState[] {first, second};
    }

    static byte[] blake2b(byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(HASH_LENGTH * 8);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[HASH_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** Noise's HKDF with two outputs, over HMAC-BLAKE2b (block length 128). */
    static byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial) {
        byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
        byte[] first = hmac(tempKey, new byte[] {1});
        byte[] second = hmac(tempKey, concat(first, new byte[] {2}));
        return new byte[][] {first, second};
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        HMac mac = new HMac(new Blake2bDigest(HASH_LENGTH * 8));
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[HASH_LENGTH];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
