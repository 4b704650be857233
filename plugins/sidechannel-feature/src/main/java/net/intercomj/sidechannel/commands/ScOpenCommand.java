package net.intercomj.sidechannel.commands;

import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.sidechannel.Sidechannels;

/** {@code /sc_open}: asks the peers of a channel (the entry channel by default) to open another. */
public final class ScOpenCommand implements TerminalCommand {

    private final Sidechannels sidechannels;

    public ScOpenCommand(Sidechannels sidechannels) {
        this.sidechannels = sidechannels;
    }

    @Override
    public String name() {
        return "/sc_open";
    }

    @Override
    public String usage() {
        return "/sc_open --channel \"<name>\" [--via \"<channel>\"] [--invite <json|b64|@file>] [--welcome <json|b64|@file>]";
    }

    @Override
    public String description() {
        return "Ask peers to open a sidechannel (sent on the entry channel unless --via names another).";
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
        Optional<String> via = args.value("via", "channel_via");
        Optional<TokenOptions.Given> given = TokenOptions.read(args, sidechannels, out);
        if (given.isEmpty()) {
            return;
        }
        Optional<String> invite = given.get().invite();
        Optional<String> welcome = given.get().welcome();
        // The original printed "Requested channel" even when nothing was sent (§6.7).
        if (sidechannels.requestOpen(channel.get(), via, invite, welcome)) {
            out.println("Requested channel: " + channel.get());
        } else {
            out.println("Open request denied (invalid input or missing invite/welcome).");
        }
    }
}
