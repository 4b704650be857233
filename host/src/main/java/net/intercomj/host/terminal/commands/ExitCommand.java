package net.intercomj.host.terminal.commands;

import java.util.Set;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.CommandTrait;
import net.intercomj.api.command.TerminalCommand;

/** {@code /exit}: prints {@code Exiting...} and asks the host to shut down cleanly. */
public final class ExitCommand implements TerminalCommand {

    private final Runnable requestShutdown;

    /** @param requestShutdown asks the host to stop; it must return promptly (the shutdown runs on the host's thread) */
    public ExitCommand(Runnable requestShutdown) {
        this.requestShutdown = requestShutdown;
    }

    @Override
    public String name() {
        return "/exit";
    }

    @Override
    public String usage() {
        return "/exit";
    }

    @Override
    public String description() {
        return "Stop the peer cleanly (stores closed) and exit.";
    }

    @Override
    public Set<CommandTrait> traits() {
        return Set.of(CommandTrait.STOPS_PEER);
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        out.println("Exiting...");
        requestShutdown.run();
    }
}
