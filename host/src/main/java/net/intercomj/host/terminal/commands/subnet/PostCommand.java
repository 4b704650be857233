package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.subnet.op.ViewKeys;

/** {@code /post}: Post a chat message to the subnet. */
public final class PostCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public PostCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/post";
    }

    @Override
    public String usage() {
        return "/post --message \"<text>\" [--reply_to <id>]";
    }

    @Override
    public String section() {
        return "Chat Commands";
    }

    @Override
    public String description() {
        return "Post a chat message to the subnet.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        String message = args.value("message").orElseThrow(() -> new CommandException("Empty message not allowed"));
        if (message.isEmpty()) {
            throw new CommandException("Empty message not allowed");
        }
        if (!subnet.subnet().unconfirmed().get(ViewKeys.CHAT_STATUS).map("\"on\""::equals).orElse(false)) {
            throw new CommandException("Chat is disabled.");
        }
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("msg", message).put("address", subnet.self());
        dispatch.putArray("attachments");
        dispatch.putNull("deleted_by");
        if (args.has("reply_to")) {
            dispatch.put("reply_to", SubnetCommands.idOption(args, "reply_to"));
        } else {
            dispatch.putNull("reply_to");
        }
        dispatch.put("pinned", false);
        dispatch.putNull("pin_id");
        subnet.append(subnet.dispatchOp("msg", dispatch));
    }
}
