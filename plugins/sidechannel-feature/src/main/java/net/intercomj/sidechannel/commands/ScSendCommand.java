package net.intercomj.sidechannel.commands;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.sidechannel.Sidechannels;

/** {@code /sc_send}: joins a sidechannel if needed and sends a text message on it. */
public final class ScSendCommand implements TerminalCommand {

    private final Sidechannels sidechannels;

    public ScSendCommand(Sidechannels sidechannels) {
        this.sidechannels = sidechannels;
    }

    @Override
    public String name() {
        return "/sc_send";
    }

    @Override
    public String usage() {
        return "/sc_send --channel \"<name>\" --message \"<text>\" [--invite <json|b64|@file>] [--welcome <json|b64|@file>]";
    }

    @Override
    public String description() {
        return "Send a message on a sidechannel (joins it first).";
    }

    @Override
    public String section() {
        return ScStatsCommand.SECTION;
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        Optional<String> channel = TokenOptions.channel(args);
        Optional<String> message = args.value("message", "msg");
        if (channel.isEmpty() || message.isEmpty()) {
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
            out.println("Send denied (invite required or invalid).");
            return;
        }
        if (!sidechannels.send(channel.get(), new TextNode(message.get()).toString(), invite, Optional.empty())) {
            out.println("Send denied (owner-only or invite required).");
        }
    }
}
