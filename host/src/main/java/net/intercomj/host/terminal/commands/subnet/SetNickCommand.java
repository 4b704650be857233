package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /set_nick}: Set your nick, or (admin or mod) another user's. */
public final class SetNickCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public SetNickCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/set_nick";
    }

    @Override
    public String usage() {
        return "/set_nick --nick \"<nick>\" [--user <pubkey hex>]";
    }

    @Override
    public String section() {
        return "Chat Commands";
    }

    @Override
    public String description() {
        return "Set your nick, or (admin or mod) another user's.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        String nick = args.value("nick").filter(value -> !value.isEmpty())
                .orElseThrow(() -> new CommandException("Missing --nick."));
        String user = args.has("user") ? SubnetCommands.keyOption(args, "user", "Invalid --user. Expected a 32-byte hex public key (64 hex chars).") : subnet.self();
        if (!user.equals(subnet.self())) {
            subnet.requireAdminOrMod();
        }
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("nick", nick).put("address", user)
                .put("initiator", subnet.self());
        subnet.append(subnet.dispatchOp("setNick", dispatch));
    }
}
