package net.intercomj.host.wallet;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keystores for tests that are about file handling, not about Argon2 itself.
 *
 * <p>They run the real, full-strength Argon2i ({@link Keystore#deriveKey}) but remember its
 * results, and they always draw the same nonce and salt, so a test class pays for one
 * derivation per password instead of one per file. Each test class makes its own instance.
 */
final class TestKeystores {

    private TestKeystores() {
    }

    /** A keystore with memoised real Argon2i and fixed "random" bytes. */
    static Keystore memoisedWithFixedSalt() {
        Map<String, byte[]> cache = new ConcurrentHashMap<>();
        HexFormat hex = HexFormat.of();
        Keystore.PasswordKdf kdf = (password, salt) -> cache
                .computeIfAbsent(hex.formatHex(password) + "/" + hex.formatHex(salt),
                        k -> Keystore.deriveKey(password, salt))
                .clone();
        return new Keystore(kdf, new FixedRandom());
    }

    /** Deterministic bytes; acceptable only because these keystores never leave a test. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0x5a);
        }
    }
}
