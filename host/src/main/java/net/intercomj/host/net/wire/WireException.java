package net.intercomj.host.net.wire;

/**
 * Bytes from the network that do not decode: truncated, oversized or malformed. The message
 * names what was being read, so a log line says what the peer got wrong.
 */
public final class WireException extends Exception {

    private static final long serialVersionUID = 1L;

    public WireException(String message) {
        super(message, null, false, false);
    }
}
