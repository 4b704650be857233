package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /update_admin}: Admin only. Hand the admin role to another public key, or waive it for good with null. */
public final class UpdateAdminCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public UpdateAdminCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/update_admin";
    }

    @Override
    public String usage() {
        return "/update_admin --address \"<pubkey hex>\"|null";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Hand the admin role to another public key, or waive it for good with null.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode();
        if (args.value("address").map(value -> value.trim().equals("null")).orElse(false)) {
            dispatch.putNull("admin");
        } else {
            dispatch.put("admin", SubnetCommands.keyOption(args, "address",
                    "Invalid --address. Expected a 32-byte hex public key (64 hex chars) or null."));
        }
        dispatch.put("address", subnet.self());
        subnet.append(subnet.dispatchOp("updateAdmin", dispatch));
    }
}
