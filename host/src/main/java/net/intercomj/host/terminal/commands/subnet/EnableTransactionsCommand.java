package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/**
 * {@code /enable_transactions}: the admin turns contract transactions on or off. The original
 * checked nothing locally and its help left out {@code --enabled} (spec §9 item 20).
 */
public final class EnableTransactionsCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public EnableTransactionsCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/enable_transactions";
    }

    @Override
    public String usage() {
        return "/enable_transactions --enabled 1|0";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Allow (1) or refuse (0) contract transactions in this subnet.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode()
                .put("enabled", SubnetCommands.boolOption(args, "enabled")).put("address", subnet.self());
        subnet.append(subnet.dispatchOp("enableTransactions", dispatch));
    }
}
