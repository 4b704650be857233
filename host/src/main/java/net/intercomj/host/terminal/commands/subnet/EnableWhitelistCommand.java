package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /enable_whitelist}: Admin only. Let only whitelisted users post (1), or everyone (0). */
public final class EnableWhitelistCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public EnableWhitelistCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/enable_whitelist";
    }

    @Override
    public String usage() {
        return "/enable_whitelist --enabled 1|0";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Let only whitelisted users post (1), or everyone (0).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode()
                .put("enabled", SubnetCommands.boolOption(args, "enabled")).put("address", subnet.self());
        subnet.append(subnet.dispatchOp("enableWhitelist", dispatch));
    }
}
