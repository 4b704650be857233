package net.intercomj.host.terminal.commands.subnet;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /set_auto_add_writers}: Admin only. Let joiners become writers by asking (1), or not (0). */
public final class SetAutoAddWritersCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public SetAutoAddWritersCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/set_auto_add_writers";
    }

    @Override
    public String usage() {
        return "/set_auto_add_writers --enabled 1|0";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Let joiners become writers by asking (1), or not (0).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        subnet.append(subnet.adminMsgOp("setAutoAddWriters", SubnetCommands.boolOption(args, "enabled") ? "on" : "off"));
    }
}
