package net.intercomj.host.cli;

import java.util.Locale;

/** The threshold of {@code --log-level}, from the quietest to the most verbose. */
public enum LogLevel {
    ERROR, WARN, INFO, DEBUG, TRACE;

    /** The word used on the command line, e.g. {@code warn}. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
