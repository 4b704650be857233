package net.intercomj.host.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Compares a presented token with the configured one in constant time (the original used {@code ===}). */
final class TokenCheck {

    private final byte[] expected;

    TokenCheck(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    boolean matches(String presented) {
        // isEqual does not stop at the first differing byte, so timing reveals nothing of the token.
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
