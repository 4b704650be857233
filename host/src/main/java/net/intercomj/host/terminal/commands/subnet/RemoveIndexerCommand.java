package net.intercomj.host.terminal.commands.subnet;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /remove_indexer}: Admin only. Remove an indexer from this subnet (the same op as /remove_writer). */
public final class RemoveIndexerCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public RemoveIndexerCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/remove_indexer";
    }

    @Override
    public String usage() {
        return "/remove_indexer --key \"<writer key hex>\"";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Remove an indexer from this subnet (the same op as /remove_writer).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        String key = SubnetCommands.keyOption(args, "key", "Invalid --key. Expected 32-byte hex (64 chars).");
        subnet.append(subnet.adminMsgOp("removeWriter", key));
    }
}
