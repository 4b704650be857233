package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.subnet.op.ViewKeys;

/** {@code /add_admin}: Works only once and only on the bootstrap node. Enter a peer public key (hex) to assign admin rights. */
public final class AddAdminCommand implements TerminalCommand {

    private final SubnetCommands subnet;

    public AddAdminCommand(SubnetCommands subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/add_admin";
    }

    @Override
    public String usage() {
        return "/add_admin --address \"<pubkey hex>\"";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Works only once and only on the bootstrap node. Enter a peer public key (hex) to assign admin rights.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        String key = SubnetCommands.keyOption(args, "address", "Invalid --address. Expected a 32-byte hex public key"
                + " (64 hex chars). Example: /add_admin --address \"<peer-publicKey-hex>\"");
        if (!subnet.subnet().writerKey().equals(subnet.subnet().subnet())) {
            throw new CommandException("Only the subnet bootstrap node may set the initial admin.");
        }
        if (subnet.subnet().unconfirmed().get(ViewKeys.ADMIN).isPresent()) {
            throw new CommandException("Admin is already set.");
        }
        subnet.append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key", key));
    }
}
