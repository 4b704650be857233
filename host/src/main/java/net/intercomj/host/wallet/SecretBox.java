package net.intercomj.host.wallet;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * libsodium's {@code crypto_secretbox_easy} / {@code crypto_secretbox_open_easy}: XSalsa20-Poly1305
 * with the 16-byte MAC in front ({@code MAC ‖ ciphertext}).
 *
 * <p>Built from Bouncy Castle primitives because the JDK has neither XSalsa20 nor a bare
 * Poly1305. As in NaCl, the first 32 keystream bytes are the one-time Poly1305 key and the
 * message is xored with the keystream that follows them.
 */
public final class SecretBox {

    /** Key size. */
    public static final int KEY_SIZE = 32;
    /** Nonce size (XSalsa20's extended nonce). */
    public static final int NONCE_SIZE = 24;
    /** Poly1305 tag size, prepended to the ciphertext. */
    public static final int MAC_SIZE = 16;

    private static final int POLY_KEY_SIZE = 32;

    private SecretBox() {
    }

    /** Encrypts and authenticates; the result is {@code MAC_SIZE} bytes longer than {@code message}. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
        XSalsa20Engine stream = stream(key, nonce);
        byte[] polyKey = oneTimeKey(stream);
        byte[] box = new byte[MAC_SIZE + message.length];
        stream.processBytes(message, 0, message.length, box, MAC_SIZE);
        mac(polyKey, box, MAC_SIZE, message.length, box);
        Arrays.fill(polyKey, (byte) 0);
        return box;
    }

    /**
     * Verifies and decrypts.
     *
     * @return the message, or empty if the box is too short or the MAC does not verify
     *         (wrong key, wrong nonce or modified bytes); nothing is decrypted in that case
     */
    public static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] box) {
        if (box.length < MAC_SIZE) {
            return Optional.empty();
        }
        XSalsa20Engine stream = stream(key, nonce);
        byte[] polyKey = oneTimeKey(stream);
        byte[] expected = new byte[MAC_SIZE];
        int length = box.length - MAC_SIZE;
        mac(polyKey, box, MAC_SIZE, length, expected);
        Arrays.fill(polyKey, (byte) 0);
        // MessageDigest.isEqual is constant-time for equal lengths, so the check leaks no tag bytes.
        if (!MessageDigest.isEqual(expected, Arrays.copyOf(box, MAC_SIZE))) {
            return Optional.empty();
        }
        byte[] message = new byte[length];
        stream.processBytes(box, MAC_SIZE, length, message, 0);
        return Optional.of(message);
    }

    private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
        if (key.length != KEY_SIZE) {
            throw new IllegalArgumentException("secretbox key must be " + KEY_SIZE + " bytes, got " + key.length);
        }
        if (nonce.length != NONCE_SIZE) {
            throw new IllegalArgumentException("secretbox nonce must be " + NONCE_SIZE + " bytes, got " + nonce.length);
        }
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    private static byte[] oneTimeKey(XSalsa20Engine stream) {
        byte[] polyKey = new byte[POLY_KEY_SIZE];
        stream.processBytes(new byte[POLY_KEY_SIZE], 0, POLY_KEY_SIZE, polyKey, 0);
        return polyKey;
    }

    private static void mac(byte[] polyKey, byte[] data, int offset, int length, byte[] out) {
        // Without a block cipher, Bouncy Castle's Poly1305 takes the raw 32-byte key r ‖ s, as NaCl does.
        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(polyKey));
        poly.update(data, offset, length);
        poly.doFinal(out, 0);
    }
}
