package net.intercomj.host.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.terminal.commands.HelpCommand;
import org.junit.jupiter.api.Test;

class HelpCommandTest {

    private record Stub(String name, String usage, String section) implements TerminalCommand {
        @Override
        public String description() {
            return "Does " + name.substring(1) + ".";
        }

        @Override
        public void execute(CommandArgs args, CommandOutput out) {
        }
    }

    @Test
    void listsCommandsBySectionInTheOriginalsOrderWithUsage() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.register(new Stub("/stats", "/stats", "System Commands"));
        registry.register(new Stub("/sc_join", "/sc_join --channel \"<name>\"", "Sidechannel Commands"));
        registry.register(new Stub("/add_admin", "/add_admin --address \"<hex>\"", "Setup Commands"));
        HelpCommand help = new HelpCommand(registry);
        registry.register(help);
        List<String> printed = new ArrayList<>();
        help.execute(CommandArgs.parse("/help"), printed::add);
        assertThat(printed).containsExactly(
                "Node started. Available commands:",
                "- Setup Commands:",
                "- /add_admin | Does add_admin. Usage: '/add_admin --address \"<hex>\"'",
                "- System Commands:",
                "- /help | List the available commands.",
                "- /stats | Does stats.",
                "- Sidechannel Commands:",
                "- /sc_join | Does sc_join. Usage: '/sc_join --channel \"<name>\"'");
    }
}
