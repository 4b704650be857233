package net.intercomj.sidechannel.commands;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.sidechannel.Sidechannels;

/** {@code /sc_stats}: the channels joined and how many peers carry them, in the original's print format. */
public final class ScStatsCommand implements TerminalCommand {

    static final String SECTION = "Sidechannel Commands";

    private final Sidechannels sidechannels;

    public ScStatsCommand(Sidechannels sidechannels) {
        this.sidechannels = sidechannels;
    }

    @Override
    public String name() {
        return "/sc_stats";
    }

    @Override
    public String usage() {
        return "/sc_stats";
    }

    @Override
    public String description() {
        return "Show the sidechannels joined and the connection count.";
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        // Node's util.inspect layout of {channels, connectionCount}, as the original prints it.
        String channels = sidechannels.channels().stream().map(c -> "'" + c.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(", "));
        int connections = sidechannels.connectionCount();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        sidechannels.channels().forEach(json.putArray("channels")::add);
        json.put("connectionCount", connections);
        out.printValue(json.toString(), "{ channels: " + (channels.isEmpty() ? "[]" : "[ " + channels + " ]")
                + ", connectionCount: " + connections + " }");
    }
}
