package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/** {@code /unpin_message}: Admin or mod. Unpin by pin index. */
public final class UnpinMessageCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public UnpinMessageCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/unpin_message";
    }

    @Override
    public String usage() {
        return "/unpin_message --pin_id <pin index>";
    }

    @Override
    public String section() {
        return "Chat Commands";
    }

    @Override
    public String description() {
        return "Admin or mod. Unpin by pin index.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdminOrMod();
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("id", SubnetCommands.idOption(args, "pin_id"))
                .put("address", subnet.self());
        subnet.append(subnet.dispatchOp("unpinMessage", dispatch));
    }
}
