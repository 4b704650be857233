package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /mute_status}: Admin or mod. Mute or unmute a user. */
public final class MuteStatusCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public MuteStatusCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/mute_status";
    }

    @Override
    public String usage() {
        return "/mute_status --user <pubkey hex> --muted 1|0";
    }

    @Override
    public String section() {
        return "Chat Commands";
    }

    @Override
    public String description() {
        return "Admin or mod. Mute or unmute a user.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdminOrMod();
        String user = SubnetCommands.keyOption(args, "user", "Invalid --user. Expected a 32-byte hex public key (64 hex chars).");
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("user", user)
                .put("muted", SubnetCommands.boolOption(args, "muted")).put("address", subnet.self());
        subnet.append(subnet.dispatchOp("muteStatus", dispatch));
    }
}
