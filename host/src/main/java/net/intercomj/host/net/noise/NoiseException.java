package net.intercomj.host.net.noise;

import java.io.IOException;

/** A handshake or record that fails: malformed, unauthenticated, or from the wrong peer. */
public final class NoiseException extends IOException {

    private static final long serialVersionUID = 1L;

    public NoiseException(String message) {
        super(message);
    }

    public NoiseException(String message, Throwable cause) {
        super(message, cause);
    }
}
