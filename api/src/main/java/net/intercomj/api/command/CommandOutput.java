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

    /**
     * Writes a value: the terminal shows {@code text}, a person's view of it, while the
     * SC-Bridge's {@code cli_result} carries {@code json}, so agents can parse it (the original
     * captured printed objects as JSON there).
     *
     * @param json the value as JSON text
     * @param text how the terminal shows it
     */
    default void printValue(String json, String text) {
        println(text);
    }
}
