package net.intercomj.host.terminal;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one terminal line. Commands match by their exact first word: the original matched by
 * prefix, so {@code /txfoo} ran {@code /tx}; here it is an unknown command.
 */
public final class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandRegistry registry;

    public CommandDispatcher(CommandRegistry registry) {
        this.registry = registry;
    }

    /** What became of a line. */
    public enum Outcome {
        /** Blank line: nothing to do. */
        EMPTY,
        /** The command ran to completion. */
        DONE,
        /** The command failed; its reason was printed. */
        FAILED,
        /** No such command; said so. */
        UNKNOWN
    }

    /** Parses and runs {@code line}, writing everything the operator should read to {@code out}. */
    public Outcome run(String line, CommandOutput out) {
        CommandArgs args;
        try {
            args = CommandArgs.parse(line);
        } catch (CommandException e) {
            out.println("Command failed: " + e.getMessage());
            return Outcome.FAILED;
        }
        if (args.command().isEmpty()) {
            return Outcome.EMPTY;
        }
        TerminalCommand command = registry.find(args.command()).orElse(null);
        if (command == null) {
            out.println("Unknown command: " + args.command() + ". Type /help for the list of commands.");
            return Outcome.UNKNOWN;
        }
        try {
            command.execute(args, out);
            return Outcome.DONE;
        } catch (CommandException e) {
            out.println("Command failed: " + e.getMessage());
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            // A bug in a command (a plugin's, say) must not take the terminal down.
            log.debug("Command {} threw", command.name(), e);
            out.println("Command failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return Outcome.FAILED;
        }
    }
}
