package net.intercomj.host.terminal;

import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;

/**
 * Takes a terminal line no registered command matched: trac-peer handed such lines to the app's
 * {@code protocol.customCommand(line)}.
 */
@FunctionalInterface
public interface UnknownCommandHandler {

    /** Nobody takes unknown lines: the terminal reports them. */
    UnknownCommandHandler NONE = (line, out) -> false;

    /**
     * @return whether the line was taken; if not, the terminal says the command is unknown
     * @throws CommandException if the line was taken and failed
     */
    boolean handle(String line, CommandOutput out) throws CommandException;
}
