package net.intercomj.api.command;

/**
 * Where a command writes what the operator reads. Each invocation gets its own output, so
 * the text of one command never mixes with another's (the terminal prints it, the bridge
 * returns it as the command's result).
 */
@FunctionalInterface
public interface CommandOutput {

    /** Writes one line of output (without a trailing newline). */
    void println(String line);
}
