package net.intercomj.host.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.api.plugin.PluginContext;
import net.intercomj.host.apps.jarplugin.JarTestPlugin;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.terminal.CommandRegistry;
import net.intercomj.host.terminal.commands.PluginsCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars in a folder: loaded, reloaded when replaced, unloaded when removed, skipped when broken. */
@Timeout(120)
class PluginFolderTest {

    @TempDir
    Path work;

    private final ServiceRegistry services = new ServiceRegistry();
    private final CommandRegistry commands = new CommandRegistry();
    private final ContractApps contractApps = new ContractApps();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private PluginHost host;

    private Path folder() throws IOException {
        return Files.createDirectories(work.resolve("plugins"));
    }

    private PluginHost host() {
        host = new PluginHost(services, commands, contractApps, work.resolve("data"), warnings::add);
        return host;
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    /** A plugin jar of {@link JarTestPlugin} with {@code id} and the given extra files. */
    private static byte[] jar(String id, Map<String, String> files) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (id != null) {
            manifest.getMainAttributes().putValue("Plugin-Id", id);
        }
        manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        var bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            put(out, "META-INF/services/" + IntercomPlugin.class.getName(), JarTestPlugin.class.getName() + "\n");
            String classFile = JarTestPlugin.class.getName().replace('.', '/') + ".class";
            List<String> classes = new ArrayList<>(List.of(classFile));
            // its anonymous command class
            classes.add(classFile.replace(".class", "$1.class"));
            for (String name : classes) {
                try (InputStream in = JarTestPlugin.class.getResourceAsStream("/" + name)) {
                    out.putNextEntry(new JarEntry(name));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                put(out, file.getKey(), file.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static void put(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** Writes a jar the way an operator's copy does: in place, over what was there. */
    private void write(String file, byte[] jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(folder().resolve(file))) {
            out.write(jar);
        }
    }

    private List<String> run(String line) throws Exception {
        List<String> out = new ArrayList<>();
        commands.find(line.split(" ")[0]).orElseThrow(() -> new AssertionError(line + " is not registered"))
                .execute(CommandArgs.parse(line), out::add);
        return out;
    }

    @Test
    void everyJarOfTheFolderStartsAndABrokenOneIsReportedAndSkipped() throws Exception {
        write("a.jar", jar("alpha", Map.of("greeting.txt", "hi from alpha")));
        write("b.jar", jar("beta", Map.of("greeting.txt", "hi from beta", "fail.txt", "beta cannot start")));
        write("c.jar", jar(null, Map.of("greeting.txt", "no id")));
        write("d.jar", jar("delta", Map.of("greeting.txt", "hi from delta")));
        Files.writeString(folder().resolve("notes.txt"), "not a jar");
        host().loadFolder(folder());

        assertThat(run("/hello_alpha")).containsExactly("hi from alpha");
        assertThat(run("/hello_delta")).containsExactly("hi from delta");
        assertThat(commands.find("/hello_beta")).isEmpty();
        assertThat(warnings).hasSize(2).anyMatch(line -> line.startsWith("Plugin skipped: Plugin beta failed to start:")
                && line.contains("beta cannot start")).anyMatch(line -> line.contains("c.jar"));
        assertThat(host.list()).extracting(PluginHost.PluginInfo::id, PluginHost.PluginInfo::state)
                .contains(org.assertj.core.groups.Tuple.tuple("alpha", "started"),
                        org.assertj.core.groups.Tuple.tuple("delta", "started"));
        assertThat(host.list()).filteredOn(info -> info.jar().equals("b.jar")).singleElement()
                .satisfies(info -> assertThat(info.state()).startsWith("failed: Plugin beta failed to start"));

        // The broken jar is not tried again until it changes; then it is.
        host.rescan();
        assertThat(warnings).hasSize(2);
        write("b.jar", jar("beta", Map.of("greeting.txt", "beta fixed")));
        host.rescan();
        assertThat(run("/hello_beta")).containsExactly("beta fixed");
    }

    @Test
    void aReplacedJarIsReloadedARemovedOneUnloadedAndTheOthersKeepRunning() throws Exception {
        write("a.jar", jar("alpha", Map.of("greeting.txt", "version 1")));
        write("b.jar", jar("beta", Map.of("greeting.txt", "beta")));
        host().loadFolder(folder());
        var betaCommand = commands.find("/hello_beta").orElseThrow();

        write("a.jar", jar("alpha", Map.of("greeting.txt", "version 2")));
        host.rescan();
        assertThat(run("/hello_alpha")).containsExactly("version 2");
        // beta was not touched: the very same command object is registered.
        assertThat(commands.find("/hello_beta")).containsSame(betaCommand);

        Files.delete(folder().resolve("a.jar"));
        host.rescan();
        assertThat(commands.find("/hello_alpha")).isEmpty();
        assertThat(host.list()).extracting(PluginHost.PluginInfo::id).containsExactly("beta");
        assertThat(run("/hello_beta")).containsExactly("beta");
    }

    @Test
    void anUnloadedPluginStaysUnloadedUntilReloadedAndATwinIdIsRefused() throws Exception {
        write("a.jar", jar("alpha", Map.of("greeting.txt", "hi")));
        write("z.jar", jar("alpha", Map.of("greeting.txt", "twin")));
        host().loadFolder(folder());
        assertThat(run("/hello_alpha")).containsExactly("hi");
        assertThat(warnings).singleElement().asString().contains("plugin id alpha of z.jar is already running");

        host.unload("alpha");
        assertThat(commands.find("/hello_alpha")).isEmpty();
        host.rescan();
        assertThat(commands.find("/hello_alpha")).isEmpty();
        assertThat(host.list()).filteredOn(info -> info.jar().equals("a.jar")).singleElement()
                .extracting(PluginHost.PluginInfo::state).isEqualTo("unloaded");

        host.reload("alpha");
        assertThat(run("/hello_alpha")).containsExactly("hi");
        assertThatThrownBy(() -> host.unload("nope")).isInstanceOf(PluginException.class)
                .hasMessage("No running plugin nope (see /plugins).");
        assertThatThrownBy(() -> host.reload("nope")).isInstanceOf(PluginException.class)
                .hasMessage("No plugin nope in the plugins folder (see /plugins).");
    }

    /** A plugin that waits for the {@link CharSequence} service a jar offers, and records what it got. */
    private static final class Dependent implements IntercomPlugin {
        final List<String> got = new CopyOnWriteArrayList<>();
        int starts;

        @Override
        public void start(PluginContext context) {
            starts++;
            context.whenService(CharSequence.class, greeting -> got.add(greeting.toString()));
        }

        @Override
        public void stop() {}
    }

    @Test
    void aPluginUsingAnotherOnesServiceIsRestartedWhenThatOneIsReloaded() throws Exception {
        write("a.jar", jar("alpha", Map.of("greeting.txt", "version 1", "service.txt", "")));
        PluginHost host = host();
        Dependent dependent = new Dependent();
        host.start("dependent", dependent);
        host.loadFolder(folder());
        assertThat(dependent.got).containsExactly("version 1");

        // The jar is replaced: the dependent let go of the old service and got the new one.
        write("a.jar", jar("alpha", Map.of("greeting.txt", "version 2", "service.txt", "")));
        host.rescan();
        assertThat(dependent.got).containsExactly("version 1", "version 2");
        assertThat(dependent.starts).isEqualTo(2);

        host.reload("alpha");
        assertThat(dependent.got).containsExactly("version 1", "version 2", "version 2");

        // Unloaded: the dependent waits again, and gets nothing until it comes back.
        host.unload("alpha");
        assertThat(dependent.starts).isEqualTo(4);
        assertThat(dependent.got).hasSize(3);
        host.reload("alpha");
        assertThat(dependent.got).hasSize(4);
    }

    @Test
    void aPluginThatUsesNoServiceOfTheReloadedOneKeepsRunning() throws Exception {
        write("a.jar", jar("alpha", Map.of("greeting.txt", "hi", "service.txt", "")));
        write("b.jar", jar("beta", Map.of("greeting.txt", "beta")));
        PluginHost host = host();
        Dependent dependent = new Dependent();
        host.start("dependent", dependent);
        host.loadFolder(folder());
        host.reload("beta");
        assertThat(dependent.starts).isEqualTo(1);
        assertThat(dependent.got).containsExactly("hi");
    }

    @Test
    void aReplacedContractPluginsOldVersionStaysLoadedBesideTheNewOne() throws Exception {
        write("c.jar", jar("contracts", Map.of("greeting.txt", "v1", "contract.txt", "")));
        host().loadFolder(folder());
        assertThat(contractApps.versions("contracts")).hasSize(1);
        String first = contractApps.versions("contracts").getFirst().versionHash();

        write("c.jar", jar("contracts", Map.of("greeting.txt", "v2", "contract.txt", "")));
        host.rescan();
        assertThat(run("/hello_contracts")).containsExactly("v2");
        assertThat(contractApps.versions("contracts")).extracting(ContractApps.Installed::versionHash)
                .hasSize(2).contains(first);
        // The retained version still runs.
        assertThat(contractApps.find("contracts", first)).isPresent();

        host.close();
        host = null;
        assertThat(contractApps.all()).isEmpty();
    }

    @Test
    void theFolderIsWatched() throws Exception {
        write("a.jar", jar("alpha", Map.of("greeting.txt", "first")));
        host().loadFolder(folder());
        host.watch();
        List<String> changes = new CopyOnWriteArrayList<>();
        host.onChange(() -> changes.add("changed"));

        Path staged = work.resolve("staged.jar");
        Files.write(staged, jar("beta", Map.of("greeting.txt", "dropped in")));
        Files.copy(staged, folder().resolve("b.jar"), StandardCopyOption.REPLACE_EXISTING);
        await().atMost(Duration.ofSeconds(30)).until(() -> commands.find("/hello_beta").isPresent());
        assertThat(run("/hello_beta")).containsExactly("dropped in");

        write("a.jar", jar("alpha", Map.of("greeting.txt", "second")));
        // While it reloads, the command is briefly gone.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> run("/hello_alpha").equals(List.of("second")));
        assertThat(changes).isNotEmpty();
    }

    @Test
    void thePluginsCommandListsReloadsAndUnloads() throws Exception {
        write("a.jar", jar("alpha", Map.of("greeting.txt", "hi")));
        write("b.jar", jar("beta", Map.of("fail.txt", "broken on purpose")));
        host().loadFolder(folder());
        commands.register(new PluginsCommand(host));
        List<String> listed = run("/plugins");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0)).matches("alpha 1\\.0\\.0 \\| a\\.jar \\| code [0-9a-f]{64} \\| started");
        assertThat(listed.get(1)).startsWith("beta | b.jar | failed: Plugin beta failed to start").contains("broken on purpose");
        assertThat(run("/plugins unload alpha")).containsExactly("alpha: unloaded");
        assertThat(run("/plugins reload alpha")).containsExactly("alpha: started");
        assertThatThrownBy(() -> run("/plugins frobnicate alpha")).hasMessage("Usage: /plugins [reload <id> | unload <id>]");
        assertThatThrownBy(() -> run("/plugins unload ghost")).hasMessage("No running plugin ghost (see /plugins).");
    }
}
