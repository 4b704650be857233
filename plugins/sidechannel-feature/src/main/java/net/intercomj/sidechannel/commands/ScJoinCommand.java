package net.intercomj.sidechannel.commands;

import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.sidechannel.Sidechannels;

/** {@code /sc_join}: joins a sidechannel, with an invite or welcome when given. */
public final class ScJoinCommand implements TerminalCommand {

    private final Sidechannels sidechannels;

    public ScJoinCommand(Sidechannels sidechannels) {
        this.sidechannels = sidechannels;
    }

    @Override
    public String name() {
        return "/sc_join";
    }

    @Override
    public String usage() {
        return "/sc_join --channel \"<name>\" [--invite <json|b64|@file>] [--welcome <json|b64|@file>]";
    }

    @Override
    public String description() {
        return "Join a sidechannel.";
    }

    @Override
    public String section() {
        return ScStatsCommand.SECTION;
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        Optional<String> channel = TokenOptions.channel(args);
        if (channel.isEmpty()) {
            out.println("Usage: " + usage());
            return;
        }
        Optional<TokenOptions.Given> given = TokenOptions.read(args, sidechannels, out);
        if (given.isEmpty()) {
            return;
        }
        Optional<String> invite = given.get().invite();
        Optional<String> welcome = given.get().welcome();
        if (!sidechannels.join(channel.get(), invite, welcome)) {
            out.println("Join denied (invite required or invalid).");
            return;
        }
        out.println("Joined sidechannel: " + channel.get());
    }
}
