package net.intercomj.host.js;

/**
 * The JavaScript engine failed in a way that does not come from the contract's code alone: an
 * internal error, or a context closed under a running call because the host shuts down. An
 * {@link Error}, like an out-of-memory error, so the contract runtime does not record it as the
 * op's outcome (other peers would not record the same): apply stops instead.
 */
public final class JsEngineFailure extends Error {

    private static final long serialVersionUID = 1L;

    public JsEngineFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
