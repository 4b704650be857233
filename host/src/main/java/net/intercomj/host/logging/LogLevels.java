package net.intercomj.host.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import net.intercomj.host.cli.LogLevel;
import org.slf4j.LoggerFactory;

/** Applies {@code --log-level} to the peer's own loggers; libraries keep the shipped configuration's level. */
public final class LogLevels {

    /** The logger every host and plugin class logs under. */
    public static final String PEER_LOGGER = "net.intercomj";

    private LogLevels() {
    }

    /** Sets the threshold of the peer's own loggers. */
    public static void apply(LogLevel level) {
        if (LoggerFactory.getLogger(PEER_LOGGER) instanceof Logger logger) {
            logger.setLevel(switch (level) {
                case ERROR -> Level.ERROR;
                case WARN -> Level.WARN;
                case INFO -> Level.INFO;
                case DEBUG -> Level.DEBUG;
                case TRACE -> Level.TRACE;
            });
        }
    }
}
