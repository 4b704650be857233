package net.intercomj.dist.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.api.plugin.PluginContext;
import net.intercomj.api.plugin.Scheduler;

/**
 * A tiny feature plugin that {@code PluginReloadIT} packs into jars (it is never on a peer's
 * class path): {@code /hello_feature} prints {@code hello <version>}, the version being the
 * {@code version.txt} of its own jar, and a {@link Scheduler} task appends that version to
 * {@code ticks.txt} in the plugin's data folder every 100 ms, so a test can tell which
 * version's task still runs.
 */
public final class HelloFeaturePlugin implements IntercomPlugin {

    public static final String COMMAND = "/hello_feature";
    public static final String TICKS = "ticks.txt";

    @Override
    public void start(PluginContext context) throws IOException {
        String version = version();
        context.addCommand(new Hello(version));
        Path ticks = context.dataFolder().resolve(TICKS);
        Scheduler scheduler = context.service(Scheduler.class)
                .orElseThrow(() -> new IllegalStateException("no Scheduler service"));
        // Never cancelled here: the host cancels a plugin's tasks when it stops it.
        scheduler.every(Duration.ofMillis(100), () -> {
            try {
                Files.writeString(ticks, version + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String version() throws IOException {
        try (InputStream in = HelloFeaturePlugin.class.getResourceAsStream("/version.txt")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no version.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** {@code /hello_feature}. */
    static final class Hello implements TerminalCommand {

        private final String version;

        Hello(String version) {
            this.version = version;
        }

        @Override
        public String name() {
            return COMMAND;
        }

        @Override
        public String usage() {
            return COMMAND;
        }

        @Override
        public String description() {
            return "Prints which version of the hello feature runs.";
        }

        @Override
        public void execute(CommandArgs args, CommandOutput out) {
            out.println("hello " + version);
        }
    }
}
