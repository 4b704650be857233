package net.intercomj.sidechannel.envelope;

/** Bytes that are not a well-formed sidechannel envelope; the message says what is wrong. */
public final class EnvelopeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, e.g. {@code "missing field id"} */
    public EnvelopeException(String message) {
        super(message);
    }
}
