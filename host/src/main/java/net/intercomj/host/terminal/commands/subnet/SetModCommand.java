package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /set_mod}: Admin only. Make a user a moderator, or not. */
public final class SetModCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public SetModCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/set_mod";
    }

    @Override
    public String usage() {
        return "/set_mod --user <pubkey hex> --mod 1|0";
    }

    @Override
    public String section() {
        return "Chat Commands";
    }

    @Override
    public String description() {
        return "Admin only. Make a user a moderator, or not.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        String user = SubnetCommands.keyOption(args, "user", "Invalid --user. Expected a 32-byte hex public key (64 hex chars).");
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("user", user)
                .put("mod", SubnetCommands.boolOption(args, "mod")).put("address", subnet.self());
        subnet.append(subnet.dispatchOp("setMod", dispatch));
    }
}
