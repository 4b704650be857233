package net.intercomj.host.rpc;

/**
 * A request the client got wrong: answered with {@code status} and {@code {"error": message}}.
 * The original chose the status by the message's first word, so many client errors became
 * {@code 500 An internal error occurred.} (spec §9 item 22a); here the handler says which it is.
 */
public final class RpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RpcException(int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("A client error is a 4xx status, not " + status);
        }
        this.status = status;
    }

    /** {@code 400 Bad Request} with {@code message}. */
    public static RpcException badRequest(String message) {
        return new RpcException(400, message);
    }

    public int status() {
        return status;
    }
}
