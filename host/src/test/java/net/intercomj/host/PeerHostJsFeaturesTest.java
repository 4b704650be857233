package net.intercomj.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.host.cli.FlagParser;
import net.intercomj.host.cli.ParseOutcome;
import net.intercomj.host.cli.PeerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The peer runs the features of the GraalJS app its subnet pins ({@code --app clock}, with the
 * apps of {@code src/test/resources/js/apps}) once the subnet is open, and stops them when it
 * stops.
 */
@Timeout(180)
class PeerHostJsFeaturesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path APPS = Path.of("src", "test", "resources", "js", "apps");

    @TempDir
    Path work;

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(PeerHost host, String line) throws CommandException {
        List<String> out = new CopyOnWriteArrayList<>();
        CommandArgs args = CommandArgs.parse(line);
        host.commands().find(line.split(" ")[0]).orElseThrow().execute(args, out::add);
        return String.join("\n", out);
    }

    @Test
    void thePinnedAppsFeatureFeedsTheSubnetAndStopsWithThePeer() throws Exception {
        Path home = work.resolve("intercom");
        copy(APPS, home.resolve("apps"));
        Files.createDirectories(home.resolve("plugins"));
        ParseOutcome outcome = new FlagParser(Map.of(), work).parse(List.of("creator", "--app", "clock"));
        PeerOptions options = ((ParseOutcome.Run) outcome).options();
        Logger jsLog = (Logger) LoggerFactory.getLogger("net.intercomj.host.js");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        jsLog.addAppender(log);
        List<String> out = new CopyOnWriteArrayList<>();
        CommandOutput output = out::add;
        PeerHost host = PeerHost.start(options, output, output, Clock.systemUTC(), Optional.of(home.resolve("plugins")));
        String pubkey = host.wallet().publicKeyHex();
        try {
            run(host, "/add_admin --address " + pubkey);
            await().atMost(DEADLINE).until(() -> run(host, "/get --key app/clock/currentTime").matches("\\d+"));
            assertThat(run(host, "/get --key app/clock/by")).isEqualTo("\"" + pubkey + "\"");
        } finally {
            host.close();
            jsLog.detachAppender(log);
        }
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).contains("Starting the features of app clock: [timer]",
                "app clock feature timer: timer stopped on " + pubkey, "app clock feature timer stopped");
        assertThat(lines).noneMatch(line -> line.contains("app idle feature"));
    }

    @Test
    void anAppCopiedIntoARunningPeerLoadsAndOncePinnedRunsItsFeatures() throws Exception {
        Path home = work.resolve("intercom");
        Files.createDirectories(home.resolve("apps"));
        Files.createDirectories(home.resolve("plugins"));
        ParseOutcome outcome = new FlagParser(Map.of(), work).parse(List.of("creator"));
        PeerOptions options = ((ParseOutcome.Run) outcome).options();
        List<String> out = new CopyOnWriteArrayList<>();
        CommandOutput output = out::add;
        PeerHost host = PeerHost.start(options, output, output, Clock.systemUTC(), Optional.of(home.resolve("plugins")));
        try {
            String pubkey = host.wallet().publicKeyHex();
            run(host, "/add_admin --address " + pubkey);
            assertThat(run(host, "/contracts")).contains("No contract apps loaded.");

            copy(APPS.resolve("clock"), home.resolve("apps").resolve("clock"));

            await().atMost(DEADLINE).until(() -> run(host, "/contracts").lines().anyMatch(line -> line.startsWith("clock ")));
            String hash = run(host, "/contracts").lines().filter(line -> line.startsWith("clock ")).findFirst()
                    .orElseThrow().split(" ")[1];
            run(host, "/upgrade_contract --app clock --hash " + hash);
            await().atMost(DEADLINE).until(() -> run(host, "/get --key app/clock/currentTime").matches("\\d+"));
            assertThat(out).noneMatch(line -> line.startsWith("App skipped"));
        } finally {
            host.close();
        }
    }
}
