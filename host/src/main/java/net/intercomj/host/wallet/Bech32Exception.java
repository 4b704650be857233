package net.intercomj.host.wallet;

/**
 * A string is not valid bech32/bech32m, or cannot be encoded as such.
 *
 * <p>Unchecked because it signals bad input values (a mistyped address), like
 * {@link IllegalArgumentException}, which it extends so callers may catch either.
 */
public final class Bech32Exception extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * A rejection.
     *
     * @param message what is wrong with the input
     */
    public Bech32Exception(String message) {
        super(message);
    }
}
