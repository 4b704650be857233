package net.intercomj.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.plugin.PluginContext;
import org.junit.jupiter.api.Test;

/** What the plugin offers the host: the contract app and {@code /sample_info}. */
class SamplePluginTest {

    /** Records what the plugin adds; offers no services. */
    private static final class RecordingContext implements PluginContext {
        final List<ContractApp> apps = new ArrayList<>();
        final List<TerminalCommand> commands = new ArrayList<>();

        @Override
        public String pluginId() {
            return "sample-contract";
        }

        @Override
        public <T> Optional<T> service(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> void provide(Class<T> type, T service) {
            throw new AssertionError("the sample plugin offers no service");
        }

        @Override
        public void addCommand(TerminalCommand command) {
            commands.add(command);
        }

        @Override
        public void addContractApp(ContractApp app) {
            apps.add(app);
        }

        @Override
        public Path dataFolder() {
            throw new AssertionError("the sample plugin keeps no files");
        }
    }

    @Test
    void offersTheSampleAppAndItsInfoCommand() {
        RecordingContext context = new RecordingContext();

        new SamplePlugin().start(context);

        assertThat(context.apps).singleElement().isInstanceOf(SampleApp.class);
        assertThat(context.commands).singleElement().extracting(TerminalCommand::name).isEqualTo("/sample_info");
    }

    @Test
    void theInfoCommandNamesTheFunctionsHowToCallThemAndTheKeys() throws Exception {
        RecordingContext context = new RecordingContext();
        new SamplePlugin().start(context);
        List<String> lines = new ArrayList<>();

        context.commands.getFirst().execute(CommandArgs.parse("/sample_info"), lines::add);

        assertThat(lines).first().isEqualTo("Contract app sample-contract (pin it when creating a subnet: --app sample-contract)");
        assertThat(String.join("\n", lines))
                .contains("tally: /tx --command \"tally <1-1000>\" adds to your tally, app/sample/tally/<your key>")
                .contains("set_profile: /tx --command \"profile <name> <red|green|blue>\"")
                .contains("clock_feature keeps the newest admin clock reading, app/sample/clock")
                .contains("app/sample/last_message")
                .contains("app/sample/messages/<author key>");
    }
}
