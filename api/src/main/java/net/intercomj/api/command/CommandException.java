package net.intercomj.api.command;

/**
 * A command could not do what was asked. The terminal prints {@code Command failed: <message>},
 * exactly as the original peer does, so the message should say what was wrong in words the
 * operator can act on.
 */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
