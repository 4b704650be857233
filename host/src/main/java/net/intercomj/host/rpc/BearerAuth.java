package net.intercomj.host.rpc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured token in constant time
 * (the original had no authentication, spec §9 item 22f). The scheme is matched without regard
 * to case (RFC 9110); the token must match byte for byte.
 */
final class BearerAuth {

    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    BearerAuth(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("RPC requires --rpc-token (auth is mandatory).");
        }
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code authorization}, the header's value or null when absent, carries the token. */
    boolean permits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] presented = authorization.substring(SCHEME.length()).getBytes(StandardCharsets.UTF_8);
        // isEqual does not stop at the first differing byte, so timing reveals nothing of the token.
        return MessageDigest.isEqual(expected, presented);
    }
}
