package net.intercomj.host.cli;

import java.util.Objects;

/** What {@link FlagParser#parse} decided the process should do. */
public sealed interface ParseOutcome {

    /** Exit code for every command-line error, as picocli and most Unix tools use. */
    int USAGE_ERROR = 2;

    /**
     * Start the peer with these options.
     *
     * @param options the resolved options
     */
    record Run(PeerOptions options) implements ParseOutcome {
        /** Rejects null. */
        public Run {
            Objects.requireNonNull(options, "options");
        }
    }

    /**
     * Print {@code text} to stdout and exit with 0 ({@code --help} / {@code -h}).
     *
     * @param text the usage text, ending with a line break
     */
    record ShowHelp(String text) implements ParseOutcome {
        /** Rejects null. */
        public ShowHelp {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Print {@code text} to stdout and exit with 0 ({@code --version} / {@code -V}).
     *
     * @param text the version line, ending with a line break
     */
    record ShowVersion(String text) implements ParseOutcome {
        /** Rejects null. */
        public ShowVersion {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Print {@code message} to stderr and exit with {@code exitCode}.
     *
     * @param message  one line per problem, without a trailing line break
     * @param exitCode non-zero
     */
    record Invalid(String message, int exitCode) implements ParseOutcome {
        /** Rejects null and a zero exit code. */
        public Invalid {
            Objects.requireNonNull(message, "message");
            if (exitCode == 0) {
                throw new IllegalArgumentException("An invalid command line must not exit with 0");
            }
        }
    }
}
