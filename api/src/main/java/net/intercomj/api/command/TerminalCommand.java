package net.intercomj.api.command;

import java.util.Set;

/**
 * One terminal command, such as {@code /stats}.
 *
 * <p>Implementations are stateless or thread-safe: the terminal and the SC-Bridge may run
 * commands concurrently.
 */
public interface TerminalCommand {

    /** The command word including its slash, e.g. {@code /stats}. Matched exactly. */
    String name();

    /** One usage line, e.g. {@code /get --key "<key>" [--confirmed true|false]}. */
    String usage();

    /** What the command does, in one sentence, for {@code /help}. */
    String description();

    /** The section of {@code /help} the command is listed under, e.g. {@code System Commands}. */
    default String section() {
        return "System Commands";
    }

    /** Traits that make the command unsafe for remote callers. Empty by default. */
    default Set<CommandTrait> traits() {
        return Set.of();
    }

    /**
     * Runs the command.
     *
     * @param args the line as typed, parsed into {@code --key value} options
     * @param out  where to write the result
     * @throws CommandException when the command fails; the message is shown to the operator
     */
    void execute(CommandArgs args, CommandOutput out) throws CommandException;
}
