package net.intercomj.host.js;

/**
 * A JavaScript error a contract call threw (other than a failed {@code this.assert}), as
 * {@code <name>: <message>}, e.g. {@code TypeError: x is not a function}. The contract runtime
 * records it as {@code Error in contract: <name>: <message>}; the text comes from the op and the
 * state only, so every peer records the same.
 */
public final class JsContractError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JsContractError(String message) {
        super(message, null, false, false);
    }

    /** The JavaScript error's own text, without a Java class name. */
    @Override
    public String toString() {
        return getMessage();
    }
}
