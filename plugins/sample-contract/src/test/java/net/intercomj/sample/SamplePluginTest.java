package net.intercomj.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.json.Json;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.PluginContext;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.subnet.TxException;
import net.intercomj.api.subnet.TxResult;
import org.junit.jupiter.api.Test;

/** What the plugin offers the host: the contract app and {@code /sample_info}. */
class SamplePluginTest {

    /** Records what the plugin adds; offers the {@code Subnet} service when given one. */
    private static final class RecordingContext implements PluginContext {
        final List<ContractApp> apps = new ArrayList<>();
        final List<TerminalCommand> commands = new ArrayList<>();
        final Optional<Subnet> subnet;

        RecordingContext() {
            this(Optional.empty());
        }

        RecordingContext(Optional<Subnet> subnet) {
            this.subnet = subnet;
        }

        @Override
        public String pluginId() {
            return "sample-contract";
        }

        @Override
        public <T> Optional<T> service(Class<T> type) {
            return type == Subnet.class ? subnet.map(type::cast) : Optional.empty();
        }

        @Override
        public <T> Registration whenService(Class<T> type, Consumer<? super T> action) {
            throw new AssertionError("the sample plugin waits for no service");
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

    /** A subnet that records the feature data appended, and whose admin this peer is or is not. */
    private static final class RecordingSubnet implements Subnet {
        final List<String> appended = new ArrayList<>();
        final boolean admin;

        RecordingSubnet(boolean admin) {
            this.admin = admin;
        }

        @Override
        public Optional<Json> get(String key) {
            return Optional.empty();
        }

        @Override
        public Optional<Json> getConfirmed(String key) {
            return Optional.empty();
        }

        @Override
        public boolean isAdmin() {
            return admin;
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void appendFeature(String featureKey, String key, Json value) {
            appended.add(featureKey + " " + key + " " + value.toJson());
        }

        @Override
        public TxResult tx(String command, boolean simulate) throws TxException {
            throw new TxException("no transactions in this test");
        }
    }

    @Test
    void withTheSubnetServiceTheAdminAppendsClockFeatureDataForTheAppsHandler() throws Exception {
        RecordingSubnet subnet = new RecordingSubnet(true);
        RecordingContext context = new RecordingContext(Optional.of(subnet));
        new SamplePlugin().start(context);
        TerminalCommand clock = context.commands.stream().filter(command -> command.name().equals("/sample_clock"))
                .findFirst().orElseThrow();
        List<String> lines = new ArrayList<>();
        clock.execute(CommandArgs.parse("/sample_clock"), lines::add);
        // featureKey "clock": the op's handler is clock_feature, the one the app registers.
        assertThat(subnet.appended).singleElement().asString().matches("clock now [0-9]+");
        assertThat(SampleApp.CLOCK_FEATURE).isEqualTo("clock_feature");
        assertThat(lines).singleElement().asString().startsWith("Clock feature appended: ");

        RecordingSubnet notAdmin = new RecordingSubnet(false);
        RecordingContext other = new RecordingContext(Optional.of(notAdmin));
        new SamplePlugin().start(other);
        TerminalCommand refused = other.commands.stream().filter(command -> command.name().equals("/sample_clock"))
                .findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refused.execute(CommandArgs.parse("/sample_clock"),
                lines::add)).hasMessage("Only admin may perform this operation.");
        assertThat(notAdmin.appended).isEmpty();
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
