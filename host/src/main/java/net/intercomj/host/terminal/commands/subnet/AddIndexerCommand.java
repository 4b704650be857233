package net.intercomj.host.terminal.commands.subnet;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/**
 * {@code /add_indexer}: Admin only. Make a peer an indexer of this subnet by its writer key: it
 * takes part in ordering (Raft) and signs checkpoints.
 */
public final class AddIndexerCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public AddIndexerCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/add_indexer";
    }

    @Override
    public String usage() {
        return "/add_indexer --key \"<writer key hex>\"";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Make a peer an indexer of this subnet by its writer key: it takes part in ordering (Raft) and signs checkpoints.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        String key = SubnetCommands.keyOption(args, "key", "Invalid --key. Expected 32-byte hex (64 chars).");
        subnet.append(subnet.adminMsgOp("addIndexer", key));
    }
}
