package net.intercomj.host.terminal.commands.subnet;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /remove_writer}: Admin only. Remove a writer (or an indexer) from this subnet. */
public final class RemoveWriterCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public RemoveWriterCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/remove_writer";
    }

    @Override
    public String usage() {
        return "/remove_writer --key \"<writer key hex>\"";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Remove a writer (or an indexer) from this subnet.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        String key = SubnetCommands.keyOption(args, "key", "Invalid --key. Expected 32-byte hex (64 chars).");
        subnet.append(subnet.adminMsgOp("removeWriter", key));
    }
}
