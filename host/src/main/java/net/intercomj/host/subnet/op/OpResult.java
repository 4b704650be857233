package net.intercomj.host.subnet.op;

/** What applying one op did: applied (with the apply log line, if any) or rejected with a reason. */
public sealed interface OpResult {

    /** The op changed the view. */
    record Applied(String logLine) implements OpResult {}

    /** The op was refused and changed nothing. */
    record Rejected(String reason) implements OpResult {}

    static OpResult applied(String logLine) {
        return new Applied(logLine);
    }

    static OpResult rejected(String reason) {
        return new Rejected(reason);
    }
}
