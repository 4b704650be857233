package net.intercomj.host.terminal.commands.subnet;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /add_writer}: Admin only. Make a peer a writer of this subnet by its writer key. */
public final class AddWriterCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public AddWriterCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/add_writer";
    }

    @Override
    public String usage() {
        return "/add_writer --key \"<writer key hex>\"";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Make a peer a writer of this subnet by its writer key.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        String key = SubnetCommands.keyOption(args, "key", "Invalid --key. Expected 32-byte hex (64 chars).");
        subnet.append(subnet.adminMsgOp("addWriter", key));
    }
}
