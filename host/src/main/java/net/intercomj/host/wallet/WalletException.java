package net.intercomj.host.wallet;

import java.util.Objects;

/**
 * A wallet file or keystore could not be opened, decrypted or written.
 *
 * <p>Checked on purpose: a peer without its identity cannot run, so every caller has to decide
 * what to tell the user. The message is meant to be shown as is; it names the file (when there
 * is one) and says what is wrong. {@link #kind()} lets callers react without parsing text, for
 * example to ask for the password again after {@link Kind#DECRYPTION_FAILED}.
 */
public final class WalletException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely. */
    public enum Kind {
        /** The wallet file does not exist. */
        NOT_FOUND,
        /** A wallet file is already there and creating would overwrite it. */
        ALREADY_EXISTS,
        /** The file is not a keystore: not JSON, missing or malformed fields. */
        MALFORMED,
        /** The MAC did not verify: wrong password or modified ciphertext. */
        DECRYPTION_FAILED,
        /** The decrypted content does not hold a usable, self-consistent key pair. */
        INVALID_KEYS,
        /** Reading or writing failed at the file-system level. */
        IO
    }

    /** The failure category; immutable like the rest of the exception. */
    private final Kind kind;

    /**
     * A failure without an underlying exception.
     *
     * @param kind    the category of the failure
     * @param message the complete, user-facing message
     */
    public WalletException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * A failure caused by another exception.
     *
     * @param kind    the category of the failure
     * @param message the complete, user-facing message
     * @param cause   the underlying exception
     */
    public WalletException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The category of the failure. */
    public Kind kind() {
        return kind;
    }
}
