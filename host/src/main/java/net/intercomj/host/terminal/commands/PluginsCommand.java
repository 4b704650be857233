package net.intercomj.host.terminal.commands;

import java.util.List;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.apps.PluginException;
import net.intercomj.host.apps.PluginHost;

/** {@code /plugins}: the plugins and their state; {@code reload <id>} and {@code unload <id>}. */
public final class PluginsCommand implements TerminalCommand {

    private final PluginHost plugins;

    public PluginsCommand(PluginHost plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "/plugins";
    }

    @Override
    public String usage() {
        return "/plugins [reload <id> | unload <id>]";
    }

    @Override
    public String description() {
        return "List the plugins (id, version, jar, code hash, state), or reload or unload one while the peer runs.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        List<String> words = args.positional();
        if (words.isEmpty()) {
            List<PluginHost.PluginInfo> infos = plugins.list();
            if (infos.isEmpty()) {
                out.println("No plugins.");
            }
            for (PluginHost.PluginInfo info : infos) {
                out.println(info.id() + (info.version().isEmpty() ? "" : " " + info.version()) + " | " + info.jar()
                        + (info.codeHash().isEmpty() ? "" : " | code " + info.codeHash()) + " | " + info.state());
            }
            return;
        }
        if (words.size() != 2 || !(words.get(0).equals("reload") || words.get(0).equals("unload"))) {
            throw new CommandException("Usage: " + usage());
        }
        try {
            if (words.get(0).equals("reload")) {
                plugins.reload(words.get(1));
            } else {
                plugins.unload(words.get(1));
            }
        } catch (PluginException e) {
            throw new CommandException(e.getMessage(), e);
        }
        plugins.list().stream().filter(info -> info.id().equals(words.get(1)))
                .forEach(info -> out.println(info.id() + ": " + info.state()));
    }
}
