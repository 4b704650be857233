package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /set_whitelist_status}: Admin only. Put a user on the whitelist, or take them off. */
public final class SetWhitelistStatusCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public SetWhitelistStatusCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/set_whitelist_status";
    }

    @Override
    public String usage() {
        return "/set_whitelist_status --user <pubkey hex> --status 1|0";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Put a user on the whitelist, or take them off.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        String user = SubnetCommands.keyOption(args, "user", "Invalid --user. Expected a 32-byte hex public key (64 hex chars).");
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("user", user)
                .put("status", SubnetCommands.boolOption(args, "status")).put("address", subnet.self());
        subnet.append(subnet.dispatchOp("setWhitelistStatus", dispatch));
    }
}
