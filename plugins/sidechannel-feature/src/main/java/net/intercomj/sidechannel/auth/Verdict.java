package net.intercomj.sidechannel.auth;

import java.util.Objects;

/** The outcome of verifying a welcome or an invite: valid, or invalid with a reason for logs. */
public sealed interface Verdict permits Verdict.Valid, Verdict.Invalid {

    /** The one valid verdict. */
    Verdict VALID = new Valid();

    /** Whether the object passed every check. */
    boolean valid();

    /** Every check passed. */
    record Valid() implements Verdict {
        @Override
        public boolean valid() {
            return true;
        }
    }

    /**
     * A check failed.
     *
     * @param reason short lowercase text such as {@code "expired"} or {@code "bad signature"}
     */
    record Invalid(String reason) implements Verdict {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean valid() {
            return false;
        }
    }
}
