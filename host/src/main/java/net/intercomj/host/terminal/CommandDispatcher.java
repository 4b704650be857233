package net.intercomj.host.terminal;

import java.util.Optional;
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

    /**
     * What became of a line, and why it did not run when it did not.
     *
     * @param outcome what became of it
     * @param problem the reason, as printed, for {@link Outcome#FAILED} and {@link Outcome#UNKNOWN}
     */
    public record Result(Outcome outcome, Optional<String> problem) {

        static Result of(Outcome outcome) {
            return new Result(outcome, Optional.empty());
        }

        static Result problem(Outcome outcome, String problem, CommandOutput out) {
            out.println(problem);
            return new Result(outcome, Optional.of(problem));
        }
    }

    /** Parses and runs {@code line}, writing everything the operator should read to {@code out}. */
    public Outcome run(String line, CommandOutput out) {
        return execute(line, out).outcome();
    }

    /** Runs {@code line} as {@link #run} does, and also tells why it failed. */
    public Result execute(String line, CommandOutput out) {
        CommandArgs args;
        try {
            args = CommandArgs.parse(line);
        } catch (CommandException e) {
            return Result.problem(Outcome.FAILED, "Command failed: " + e.getMessage(), out);
        }
        if (args.command().isEmpty()) {
            return Result.of(Outcome.EMPTY);
        }
        TerminalCommand command = registry.find(args.command()).orElse(null);
        if (command == null) {
            try {
                if (registry.unknown().handle(line, out)) {
                    return Result.of(Outcome.DONE);
                }
            } catch (CommandException e) {
                return Result.problem(Outcome.FAILED, "Command failed: " + e.getMessage(), out);
            }
            return Result.problem(Outcome.UNKNOWN,
                    "Unknown command: " + args.command() + ". Type /help for the list of commands.", out);
        }
        try {
            command.execute(args, out);
            return Result.of(Outcome.DONE);
        } catch (CommandException e) {
            return Result.problem(Outcome.FAILED, "Command failed: " + e.getMessage(), out);
        } catch (RuntimeException e) {
            // A bug in a command (a plugin's, say) must not take the terminal down.
            log.debug("Command {} threw", command.name(), e);
            return Result.problem(Outcome.FAILED,
                    "Command failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), out);
        }
    }
}
