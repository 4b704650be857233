package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /delete_message}: Delete a chat message: your own, or any (admin or mod). */
public final class DeleteMessageCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public DeleteMessageCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/delete_message";
    }

    @Override
    public String usage() {
        return "/delete_message --id <message id>";
    }

    @Override
    public String section() {
        return "Chat Commands";
    }

    @Override
    public String description() {
        return "Delete a chat message: your own, or any (admin or mod).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        // The original allowed only admins and mods here although apply lets authors delete their own (spec §9 item 20).
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("id", SubnetCommands.idOption(args, "id"))
                .put("address", subnet.self());
        subnet.append(subnet.dispatchOp("deleteMessage", dispatch));
    }
}
