package net.intercomj.host.terminal.commands.subnet;

import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.view.ViewReader;

/**
 * {@code /get}: one key of the subnet's view, confirmed by default (spec §2.8): {@code --confirmed}
 * with {@code true} or {@code 1} reads the confirmed view, any other value or {@code --unconfirmed}
 * the unconfirmed one. Prints the JSON value, or {@code null}.
 */
public final class GetCommand implements TerminalCommand {

    private final SubnetNode subnet;

    public GetCommand(SubnetNode subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/get";
    }

    @Override
    public String usage() {
        return "/get --key \"<key>\" [--confirmed true|false] [--unconfirmed 1]";
    }

    @Override
    public String description() {
        return "Read a key of the subnet's state (confirmed unless told otherwise).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        Optional<String> key = args.value("key");
        if (key.isEmpty()) {
            out.println("Usage: /get --key \"<hyperbee-key>\" [--confirmed true|false] [--unconfirmed 1]");
            return;
        }
        boolean confirmed = !args.has("unconfirmed")
                && args.value("confirmed").map(value -> value.equals("true") || value.equals("1")).orElse(true);
        ViewReader view = confirmed ? subnet.confirmed() : subnet.unconfirmed();
        String value = view.get(key.get()).orElse("null");
        out.printValue(value, value);
    }
}
