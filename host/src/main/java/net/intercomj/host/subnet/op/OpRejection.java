package net.intercomj.host.subnet.op;

/**
 * A failed check of an op, thrown inside {@link #run}; its message is the rejection reason. Lets
 * a handler state its checks one after another instead of returning at each.
 */
public final class OpRejection extends Exception {

    private static final long serialVersionUID = 1L;

    public OpRejection(String reason) {
        super(reason, null, false, false);
    }

    /** An op's checks and effects. */
    @FunctionalInterface
    public interface Body {
        OpResult apply() throws OpRejection;
    }

    /** Runs {@code body}, turning an {@link OpRejection} into {@link OpResult.Rejected}. */
    public static OpResult run(Body body) {
        try {
            return body.apply();
        } catch (OpRejection rejection) {
            return OpResult.rejected(rejection.getMessage());
        }
    }
}
