package net.intercomj.host.apps.jarplugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.api.plugin.PluginContext;

/**
 * A plugin that {@code PluginFolderTest} packs into jars: it adds {@code /hello_<plugin id>},
 * which prints the {@code greeting.txt} of its own jar; it fails to start when the jar holds
 * {@code fail.txt}, offers a contract app when it holds {@code contract.txt}, and offers its
 * greeting as a {@link CharSequence} service when it holds {@code service.txt}.
 */
public final class JarTestPlugin implements IntercomPlugin {

    @Override
    public void start(PluginContext context) throws IOException {
        if (resource("fail.txt") != null) {
            throw new IllegalStateException(resource("fail.txt"));
        }
        String greeting = resource("greeting.txt");
        context.addCommand(new TerminalCommand() {
            @Override
            public String name() {
                return "/hello_" + context.pluginId();
            }

            @Override
            public String usage() {
                return name();
            }

            @Override
            public String description() {
                return "Prints the jar's greeting.";
            }

            @Override
            public void execute(CommandArgs args, CommandOutput out) {
                out.println(greeting);
            }
        });
        if (resource("contract.txt") != null) {
            context.addContractApp(contract -> contract.addFunction("greet", call -> { }));
        }
        if (resource("service.txt") != null) {
            context.provide(CharSequence.class, greeting);
        }
    }

    private String resource(String name) throws IOException {
        try (InputStream in = JarTestPlugin.class.getResourceAsStream("/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
