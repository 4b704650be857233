package net.intercomj.host.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.api.plugin.PluginContext;
import net.intercomj.host.bridge.BridgeSettings;
import net.intercomj.host.bridge.Hello;
import net.intercomj.host.bridge.ScBridge;
import net.intercomj.host.contract.AppVersion;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.terminal.CommandRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plugin adds (commands, services, bridge types) is taken away when it stops or fails to start. */
class PluginHostTest {

    /** A service a plugin offers. */
    interface Greeter {
        String greet();
    }

    @TempDir
    Path data;

    private final ServiceRegistry services = new ServiceRegistry();
    private final CommandRegistry commands = new CommandRegistry();
    private final ScBridge bridge = new ScBridge(new BridgeSettings("127.0.0.1", 0, "token", "", List.of(), false,
            false, List.of(), false, BridgeSettings.Limits.DEFAULTS), new Hello("ab".repeat(32), null, "0000intercom", ""),
            List.of());

    /** A plugin that adds one of everything, and can be told to fail after adding. */
    private static final class Everything implements IntercomPlugin {
        private final boolean failAfterAdding;
        final AtomicReference<PluginContext> context = new AtomicReference<>();

        Everything(boolean failAfterAdding) {
            this.failAfterAdding = failAfterAdding;
        }

        @Override
        public void start(PluginContext pluginContext) {
            context.set(pluginContext);
            pluginContext.addCommand(new TerminalCommand() {
                @Override
                public String name() {
                    return "/hello";
                }

                @Override
                public String usage() {
                    return "/hello";
                }

                @Override
                public String description() {
                    return "Says hello.";
                }

                @Override
                public void execute(CommandArgs args, CommandOutput out) {
                    out.println("hello");
                }
            });
            pluginContext.provide(Greeter.class, () -> "hi");
            pluginContext.service(Bridge.class).orElseThrow()
                    .handle("hello_type", call -> BridgeReply.success("hello_reply", "{}"));
            pluginContext.service(Bridge.class).orElseThrow().helloField("helloActions", "[\"hello_type\"]");
            pluginContext.addContractApp(contract -> contract.addFunction("hello", call -> { }));
            if (failAfterAdding) {
                throw new IllegalStateException("cannot start");
            }
        }

        @Override
        public void stop() {}
    }

    private final ContractApps contractApps = new ContractApps();

    private PluginHost host() {
        services.provide(Bridge.class, bridge);
        return new PluginHost(services, commands, contractApps, data, line -> { });
    }

    @Test
    void stoppingAPluginTakesAwayItsCommandsServicesBridgeTypesAndHelloFields() throws Exception {
        PluginHost host = host();
        host.start("everything", new Everything(false));
        assertThat(commands.find("/hello")).isPresent();
        assertThat(services.get(Greeter.class)).isPresent();
        // The contract app is the plugin's, at the hash of the code the plugin was loaded from.
        String version = AppVersion.ofCode(Path.of(Everything.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        assertThat(contractApps.all()).extracting(ContractApps.Installed::id, ContractApps.Installed::versionHash)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("everything", version));
        assertThatThrownBy(() -> bridge.handle("hello_type", call -> BridgeReply.failure("taken")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bridge.helloField("helloActions", "[]")).isInstanceOf(IllegalStateException.class);

        host.close();

        assertThat(commands.find("/hello")).isEmpty();
        assertThat(services.get(Greeter.class)).isEmpty();
        assertThat(contractApps.all()).isEmpty();
        // The type is free again: the plugin's handler is gone; so is its hello field.
        bridge.handle("hello_type", call -> BridgeReply.failure("mine now")).close();
        bridge.helloField("helloActions", "[]").close();
    }

    /** A plugin that waits for the {@link Greeter} another plugin offers, and records its greeting. */
    private static final class Waiting implements IntercomPlugin {
        final List<String> greetings = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void start(PluginContext pluginContext) {
            pluginContext.whenService(Greeter.class, greeter -> greetings.add(greeter.greet()));
        }

        @Override
        public void stop() {}
    }

    @Test
    void aPluginStartedFirstGetsTheServiceOfOneStartedLater() throws Exception {
        PluginHost host = host();
        Waiting waiting = new Waiting();
        host.start("waiting", waiting);
        assertThat(waiting.greetings).isEmpty();
        host.start("everything", new Everything(false));
        assertThat(waiting.greetings).containsExactly("hi");
        // Started after the service was there: right away.
        Waiting late = new Waiting();
        host.start("late", late);
        assertThat(late.greetings).containsExactly("hi");
        host.close();
    }

    @Test
    void aStoppedPluginStopsWaiting() throws Exception {
        PluginHost host = host();
        Waiting waiting = new Waiting();
        host.start("waiting", waiting);
        host.close();
        services.provide(Greeter.class, () -> "too late");
        assertThat(waiting.greetings).isEmpty();
    }

    @Test
    void aPluginThatFailsToStartLeavesNothingBehind() {
        PluginHost host = host();
        assertThatThrownBy(() -> host.start("broken", new Everything(true)))
                .isInstanceOf(PluginException.class).hasMessage("Plugin broken failed to start: cannot start");
        assertThat(commands.find("/hello")).isEmpty();
        assertThat(contractApps.all()).isEmpty();
        assertThat(services.get(Greeter.class)).isEmpty();
        bridge.handle("hello_type", call -> BridgeReply.failure("free")).close();
        host.close();
    }

    @Test
    void aTypeThePluginClosedItselfIsNotClosedTwice() throws Exception {
        PluginHost host = host();
        Everything plugin = new Everything(false);
        host.start("everything", plugin);
        Bridge view = plugin.context.get().service(Bridge.class).orElseThrow();
        view.handle("second_type", call -> BridgeReply.success("ok", "{}")).close();
        // Another owner takes the type; the plugin stopping must not remove it.
        var other = bridge.handle("second_type", call -> BridgeReply.success("other", "{}"));
        host.close();
        assertThatThrownBy(() -> bridge.handle("second_type", call -> BridgeReply.failure("x")))
                .isInstanceOf(IllegalStateException.class);
        other.close();
    }

    @Test
    void aPluginOffersOneContractAppOnly() {
        PluginHost host = host();
        assertThatThrownBy(() -> host.start("twice", context -> {
            context.addContractApp(contract -> { });
            context.addContractApp(contract -> { });
        })).isInstanceOf(PluginException.class).hasMessageContaining("already offered a contract app");
        assertThat(contractApps.all()).isEmpty();
        host.close();
    }
}
