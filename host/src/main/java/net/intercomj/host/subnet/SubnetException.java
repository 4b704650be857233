package net.intercomj.host.subnet;

/** A subnet operation this peer cannot do, with a message for the user. */
public final class SubnetException extends Exception {

    public SubnetException(String message) {
        super(message);
    }

    public SubnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
