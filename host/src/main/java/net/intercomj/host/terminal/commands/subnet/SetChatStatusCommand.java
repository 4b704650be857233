package net.intercomj.host.terminal.commands.subnet;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /set_chat_status}: Admin only. Turn the subnet's chat on (1) or off (0). */
public final class SetChatStatusCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public SetChatStatusCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/set_chat_status";
    }

    @Override
    public String usage() {
        return "/set_chat_status --enabled 1|0";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Turn the subnet's chat on (1) or off (0).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        subnet.append(subnet.adminMsgOp("setChatStatus", SubnetCommands.boolOption(args, "enabled") ? "on" : "off"));
    }
}
