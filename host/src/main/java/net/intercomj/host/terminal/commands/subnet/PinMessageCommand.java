package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /pin_message}: Admin or mod. Pin or unpin a chat message. */
public final class PinMessageCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public PinMessageCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/pin_message";
    }

    @Override
    public String usage() {
        return "/pin_message --id <message id> --pin 1|0";
    }

    @Override
    public String section() {
        return "Chat Commands";
    }

    @Override
    public String description() {
        return "Admin or mod. Pin or unpin a chat message.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdminOrMod();
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("id", SubnetCommands.idOption(args, "id"))
                .put("pinned", SubnetCommands.boolOption(args, "pin")).put("address", subnet.self());
        subnet.append(subnet.dispatchOp("pinMessage", dispatch));
    }
}
