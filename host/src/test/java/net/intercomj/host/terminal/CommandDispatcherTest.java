package net.intercomj.host.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.terminal.CommandDispatcher.Outcome;
import org.junit.jupiter.api.Test;

class CommandDispatcherTest {

    private final CommandRegistry registry = new CommandRegistry();
    private final CommandDispatcher dispatcher = new CommandDispatcher(registry);
    private final List<String> printed = new ArrayList<>();
    private final CommandOutput out = printed::add;

    private record Echo(String name) implements TerminalCommand {
        @Override
        public String usage() {
            return name + " --text <t>";
        }

        @Override
        public String description() {
            return "Echo the text.";
        }

        @Override
        public void execute(CommandArgs args, CommandOutput out) throws CommandException {
            out.println(args.value("text").orElseThrow(() -> new CommandException("Missing --text.")));
        }
    }

    @Test
    void runsTheCommandNamedByTheFirstWord() {
        registry.register(new Echo("/echo"));
        assertThat(dispatcher.run("/echo --text \"hi there\"", out)).isEqualTo(Outcome.DONE);
        assertThat(printed).containsExactly("hi there");
    }

    @Test
    void matchesExactlyNotByPrefix() {
        // The original ran /tx for "/txanything".
        registry.register(new Echo("/tx"));
        assertThat(dispatcher.run("/txanything --text x", out)).isEqualTo(Outcome.UNKNOWN);
        assertThat(printed).containsExactly("Unknown command: /txanything. Type /help for the list of commands.");
    }

    @Test
    void aFailingCommandPrintsTheOriginalsPrefix() {
        registry.register(new Echo("/echo"));
        assertThat(dispatcher.run("/echo", out)).isEqualTo(Outcome.FAILED);
        assertThat(printed).containsExactly("Command failed: Missing --text.");
    }

    @Test
    void aCrashingCommandDoesNotTakeTheTerminalDown() {
        TerminalCommand crashing = new TerminalCommand() {
            @Override
            public String name() {
                return "/crash";
            }

            @Override
            public String usage() {
                return "/crash";
            }

            @Override
            public String description() {
                return "Crash.";
            }

            @Override
            public void execute(CommandArgs args, CommandOutput out) {
                throw new IllegalStateException("plugin bug");
            }
        };
        registry.register(crashing);
        assertThat(dispatcher.run("/crash", out)).isEqualTo(Outcome.FAILED);
        assertThat(printed).containsExactly("Command failed: plugin bug");
    }

    @Test
    void blankLinesAndBadQuotesAreHandled() {
        assertThat(dispatcher.run("   ", out)).isEqualTo(Outcome.EMPTY);
        assertThat(dispatcher.run("/x --a \"open", out)).isEqualTo(Outcome.FAILED);
        assertThat(printed).containsExactly("Command failed: Unclosed double quote in: /x --a \"open");
    }

    @Test
    void registryRejectsDuplicatesAndMalformedNames() {
        registry.register(new Echo("/echo"));
        assertThatThrownBy(() -> registry.register(new Echo("/echo")))
                .hasMessage("Command /echo is already registered.");
        assertThatThrownBy(() -> registry.register(new Echo("echo")))
                .hasMessageContaining("Invalid command name \"echo\"");
        assertThat(registry.unregister(new Echo("/echo"))).isTrue();
        assertThat(registry.find("/echo")).isEmpty();
    }

    @Test
    void linesNoCommandMatchesGoToTheUnknownHandlerWhichMayTakeThemOrFail() {
        registry.register(new Echo("/echo"));
        List<String> seen = new ArrayList<>();
        registry.onUnknown((line, output) -> {
            seen.add(line);
            if (line.startsWith("/app")) {
                output.println("app took " + line);
                return true;
            }
            if (line.startsWith("/broken")) {
                throw new CommandException("the app failed");
            }
            return false;
        });
        assertThat(dispatcher.run("/app --x 1", out)).isEqualTo(Outcome.DONE);
        assertThat(dispatcher.run("/broken", out)).isEqualTo(Outcome.FAILED);
        assertThat(dispatcher.run("/nobody", out)).isEqualTo(Outcome.UNKNOWN);
        // A registered command never reaches the handler.
        assertThat(dispatcher.run("/echo --text hi", out)).isEqualTo(Outcome.DONE);
        assertThat(seen).containsExactly("/app --x 1", "/broken", "/nobody");
        assertThat(printed).containsExactly("app took /app --x 1", "Command failed: the app failed",
                "Unknown command: /nobody. Type /help for the list of commands.", "hi");
    }
}
