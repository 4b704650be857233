package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.dist.feature.HelloFeaturePlugin;
import net.intercomj.host.contract.AppVersion;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload as an operator meets it, against peer processes of a private copy of the assembled
 * distribution: a feature plugin jar ({@link HelloFeaturePlugin}) copied into {@code plugins/}
 * is loaded, replaced by a new version while sidechannel messages flow both ways between two
 * peers, unloaded and reloaded with {@code /plugins}, and unloaded by deleting its jar. The peers
 * and their sidechannel plugin keep running throughout, and every message sent arrives.
 *
 * <p>Both peers run from the same copy, so both follow its {@code plugins/} folder: a jar
 * change reloads the feature on both, while {@code /plugins unload|reload} acts on one peer only.
 */
@Timeout(240)
class PluginReloadIT {

    private static final String PUBKEY = "Peer pubkey (hex): ";
    private static final String CHANNEL = "0000intercom";
    private static final String ID = "hello-feature";
    private static final String JAR = "hello-feature.jar";
    private static final String HELLO = HelloFeaturePlugin.COMMAND;
    private static final String UNKNOWN = "Unknown command: " + HELLO + ". Type /help for the list of commands.";
    /** A line that ends the output of the command typed before it: commands run one at a time. */
    private static final String MARKER = "/end_of_output";
    private static final String MARKER_LINE = "Unknown command: " + MARKER + ". Type /help for the list of commands.";
    /** The folder is acted on half a second after its last change; loading a tiny jar is quick. */
    private static final Duration RELOAD = Duration.ofSeconds(15);
    private static final Duration SEND_EVERY = Duration.ofMillis(50);

    @TempDir
    Path work;

    @Test
    void aFeaturePluginIsReplacedUnloadedAndReloadedWhileSidechannelMessagesFlow() throws Exception {
        Path dist = copyOfTheDistribution(work.resolve("intercom"));
        Path launcher = dist.resolve("bin").resolve("intercom");
        Path plugins = dist.resolve("plugins");
        byte[] v1 = featureJar("1.0.0", "v1");
        byte[] v2 = featureJar("2.0.0", "v2");
        String v1Hash = codeHash(v1);
        String v2Hash = codeHash(v2);
        assertThat(v1Hash).isNotEqualTo(v2Hash);

        int port = FreePorts.udp();
        String dht = "127.0.0.1:" + port;
        List<PeerProcess> peers = new ArrayList<>();
        Flow flow = null;
        try (PeerProcess dhtNode = PeerProcess.startFrom(launcher, work, Map.of(), "dht-node", "--port",
                String.valueOf(port))) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            PeerProcess a = PeerProcess.startFrom(launcher, work, Map.of(), "a", "--dht-bootstrap", dht,
                    "--lan-discovery", "0");
            peers.add(a);
            PeerProcess b = PeerProcess.startFrom(launcher, work, Map.of(), "b", "--dht-bootstrap", dht,
                    "--lan-discovery", "0");
            peers.add(b);
            String keyA = a.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String keyB = b.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            a.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            b.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            a.awaitStderrCount("Connected to ", 1, PeerProcess.STARTUP);
            b.awaitStderrCount("Connected to ", 1, PeerProcess.STARTUP);

            // What the distribution ships, before any change: kept exactly as it is throughout.
            List<String> shipped = pluginLines(b);
            assertThat(shipped).anyMatch(line -> line.matches("sidechannel \\S+ \\| intercom-sidechannel\\.jar"
                    + " \\| code [0-9a-f]{64} \\| started"));
            assertThat(shipped).noneMatch(line -> line.startsWith(ID));

            // Messages flow both ways from now on, until the end.
            Flow started = new Flow(a, b);
            flow = started;
            flow.start();
            flow.awaitSent(10);
            flow.awaitDelivered(keyA, keyB);

            // 1. v1 copied in is loaded by both peers (the folder is watched).
            flow.phase("v1");
            Files.write(plugins.resolve(JAR), v1);
            awaitAnswer(b, HELLO, "hello v1");
            awaitAnswer(a, HELLO, "hello v1");
            assertThat(pluginLines(b)).containsExactlyElementsOf(with(shipped, pluginLine("1.0.0", v1Hash)));
            Path ticksB = ticks(work, "b");
            awaitTicks(ticksB, "v1");
            flow.awaitSent(3);

            // 2. v2 written over it, in place as cp does, while messages flow.
            flow.phase("swap");
            Files.write(plugins.resolve(JAR), v2);
            awaitAnswer(b, HELLO, "hello v2");
            awaitAnswer(a, HELLO, "hello v2");
            flow.phase("v2");
            assertThat(answer(b, HELLO)).isEqualTo("hello v2");
            assertThat(pluginLines(b)).containsExactlyElementsOf(with(shipped, pluginLine("2.0.0", v2Hash)));
            // v1's scheduled task was cancelled with it: once v2 ticks, v1 never does again.
            int v2Seen = awaitTicks(ticksB, "v2");
            await().atMost(RELOAD).until(() -> tickLines(ticksB).size() >= v2Seen + 5);
            assertThat(tickLines(ticksB).subList(v2Seen, tickLines(ticksB).size())).containsOnly("v2");
            flow.awaitSent(3);

            // 3. Unloaded on b only: its command and its task are gone there, a keeps it.
            flow.phase("unloaded");
            assertThat(answer(b, "/plugins unload " + ID, line -> line.startsWith(ID + ":")))
                    .isEqualTo(ID + ": unloaded");
            assertThat(answer(b, HELLO)).isEqualTo(UNKNOWN);
            assertThat(answer(a, HELLO)).isEqualTo("hello v2");
            assertThat(pluginLines(b)).containsExactlyElementsOf(with(shipped, ID + " | " + JAR + " | unloaded"));
            awaitNoMoreTicks(ticksB);
            flow.awaitSent(3);

            // 4. Reloaded on b: the same jar, v2, again.
            flow.phase("reloaded");
            assertThat(answer(b, "/plugins reload " + ID, line -> line.startsWith(ID + ":")))
                    .isEqualTo(ID + ": started");
            assertThat(answer(b, HELLO)).isEqualTo("hello v2");
            assertThat(pluginLines(b)).containsExactlyElementsOf(with(shipped, pluginLine("2.0.0", v2Hash)));
            flow.awaitSent(3);

            // 5. The jar deleted: both peers unload it.
            flow.phase("deleted");
            Files.delete(plugins.resolve(JAR));
            awaitAnswer(b, HELLO, UNKNOWN);
            awaitAnswer(a, HELLO, UNKNOWN);
            assertThat(pluginLines(b)).containsExactlyElementsOf(shipped);
            assertThat(pluginLines(a)).containsExactlyElementsOf(shipped);
            flow.awaitSent(3);

            // Every message sent before, during and after each change arrived (each phase sent some).
            flow.stop();
            flow.awaitDelivered(keyA, keyB);
            assertThat(flow.sentIn("swap")).as("messages sent while v1 was replaced by v2").isPositive();

            // Same processes all along, started once, the sidechannel plugin never restarted, still connected.
            for (PeerProcess peer : peers) {
                assertThat(peer.isAlive()).isTrue();
                assertThat(peer.stdout()).filteredOn(line -> line.startsWith(PUBKEY)).hasSize(1);
                assertThat(peer.stdout()).filteredOn("Sidechannel: ready"::equals).hasSize(1);
                assertThat(answer(peer, "/sc_stats", line -> line.startsWith("{ channels:")))
                        .isEqualTo("{ channels: [ '" + CHANNEL + "' ], connectionCount: 1 }");
            }
        } catch (AssertionError | ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, peers);
        } finally {
            if (flow != null) {
                flow.stop();
            }
            peers.forEach(PeerProcess::close);
        }
    }

    // ---- the distribution and the feature jar

    /** A copy of the assembled distribution (bin/ keeps its executable bit), so its plugins/ can change. */
    private static Path copyOfTheDistribution(Path target) throws IOException {
        Path source = PeerProcess.launcher().getParent().getParent();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /** A plugin jar of {@link HelloFeaturePlugin}: plugin {@value #ID}, {@code version}, saying {@code hello <says>}. */
    private static byte[] featureJar(String version, String says) throws IOException, URISyntaxException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Id", ID);
        manifest.getMainAttributes().putValue("Plugin-Version", version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            put(out, "META-INF/services/" + IntercomPlugin.class.getName(),
                    HelloFeaturePlugin.class.getName() + "\n");
            // The plugin class and its nested ones, as compiled for this test.
            String packagePath = HelloFeaturePlugin.class.getPackageName().replace('.', '/');
            Path classes = Path.of(HelloFeaturePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(packagePath);
            try (Stream<Path> files = Files.list(classes)) {
                for (Path file : files.filter(path -> path.getFileName().toString()
                        .startsWith(HelloFeaturePlugin.class.getSimpleName())).sorted().toList()) {
                    out.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            put(out, "version.txt", says);
        }
        return bytes.toByteArray();
    }

    private static void put(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** The code hash {@code /plugins} shows for a jar of these bytes. */
    private String codeHash(byte[] jar) throws IOException {
        Path file = Files.createTempFile(work, "feature", ".jar");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(jar);
        }
        return AppVersion.ofCode(file);
    }

    private static String pluginLine(String version, String codeHash) {
        return ID + " " + version + " | " + JAR + " | code " + codeHash + " | " + "started";
    }

    private static List<String> with(List<String> lines, String last) {
        List<String> all = new ArrayList<>(lines);
        all.add(last);
        return all;
    }

    // ---- the terminal

    /** Types {@code command} until it answers {@code expected} (a reload takes effect a little later). */
    private static void awaitAnswer(PeerProcess peer, String command, String expected) {
        int from = peer.stdout().size();
        await(command + " answers " + expected).atMost(RELOAD).pollInterval(Duration.ofMillis(200))
                .failFast("peer exited", () -> !peer.isAlive())
                .until(() -> {
                    peer.type(command);
                    return peer.stdout().stream().skip(from).anyMatch(expected::equals);
                });
    }

    /** The answer of {@value #HELLO}: a hello or an unknown command. */
    private static String answer(PeerProcess peer, String command) throws IOException {
        return answer(peer, command, line -> line.startsWith("hello ") || line.equals(UNKNOWN));
    }

    /** Types {@code command} once and returns the first line after it that {@code isAnswer}. */
    private static String answer(PeerProcess peer, String command, Predicate<String> isAnswer) throws IOException {
        int from = peer.stdout().size();
        peer.type(command);
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(20))
                .failFast("peer exited", () -> !peer.isAlive())
                .until(() -> {
                    peer.stdout().stream().skip(from).filter(isAnswer).findFirst().ifPresent(found::set);
                    return found.get() != null;
                });
        return found.get();
    }

    /** The lines of {@code /plugins} (the sidechannel lines printed meanwhile are left out). */
    private static List<String> pluginLines(PeerProcess peer) throws IOException {
        int from = peer.stdout().size();
        peer.type("/plugins");
        peer.type(MARKER);
        peer.awaitStdoutStartingWith(MARKER_LINE, PeerProcess.REPLY, from);
        List<String> lines = peer.stdout().stream().skip(from)
                .takeWhile(line -> !line.equals(MARKER_LINE)).filter(line -> line.contains(" | ")).toList();
        assertThat(lines).isNotEmpty();
        return lines;
    }

    // ---- the feature's scheduled task

    /** The ticks file of peer {@code store}'s feature plugin, in its data folder inside the store. */
    private static Path ticks(Path work, String store) throws IOException {
        AtomicReference<Path> found = new AtomicReference<>();
        await().atMost(RELOAD).until(() -> {
            try (Stream<Path> files = Files.walk(work)) {
                files.filter(path -> path.endsWith(Path.of(ID, HelloFeaturePlugin.TICKS)))
                        .filter(path -> path.toString().contains("/" + store + "/")).findFirst()
                        .ifPresent(found::set);
            }
            return found.get() != null;
        });
        return found.get();
    }

    private static List<String> tickLines(Path ticks) throws IOException {
        // The last line may be half written.
        List<String> lines = Files.readAllLines(ticks, StandardCharsets.UTF_8);
        return lines.isEmpty() ? lines : lines.subList(0, lines.size() - 1);
    }

    /** Waits until {@code version} ticks and returns the index of its first tick. */
    private static int awaitTicks(Path ticks, String version) {
        await().atMost(RELOAD).until(() -> tickLines(ticks).contains(version));
        try {
            return tickLines(ticks).indexOf(version);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the ticks file stopped growing for a second (the task ticks every 100 ms). */
    private static void awaitNoMoreTicks(Path ticks) {
        AtomicLong size = new AtomicLong(-1);
        await().atMost(RELOAD).pollInterval(Duration.ofMillis(250)).during(Duration.ofSeconds(1))
                .until(() -> {
                    long now = Files.size(ticks);
                    return size.getAndSet(now) == now;
                });
    }

    // ---- the sidechannel traffic

    /** Each peer sends a numbered message on the entry channel every other tick, tagged with the test's phase. */
    private static final class Flow {
        private record Sent(String from, String text, String phase) {}

        private final PeerProcess a;
        private final PeerProcess b;
        private final List<Sent> sent = new CopyOnWriteArrayList<>();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final AtomicInteger tick = new AtomicInteger();
        private final ScheduledExecutorService sender =
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sc-sender").factory());
        private volatile String phase = "before";

        Flow(PeerProcess a, PeerProcess b) {
            this.a = a;
            this.b = b;
        }

        void start() {
            sender.scheduleAtFixedRate(this::sendOne, 0, SEND_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void sendOne() {
            int n = tick.getAndIncrement();
            boolean fromA = n % 2 == 0;
            String text = (fromA ? "a-" : "b-") + n;
            try {
                (fromA ? a : b).type("/sc_send --channel " + CHANNEL + " --message \"" + text + "\"");
                sent.add(new Sent(fromA ? "a" : "b", text, phase));
            } catch (IOException | RuntimeException e) {
                failures.add(e);
            }
        }

        void phase(String name) {
            phase = name;
        }

        /** Waits until {@code count} messages were sent in the current phase. */
        void awaitSent(int count) {
            String current = phase;
            await("messages sent in phase " + current).atMost(PeerProcess.REPLY)
                    .until(() -> sentIn(current) >= count);
        }

        long sentIn(String name) {
            return sent.stream().filter(message -> message.phase().equals(name)).count();
        }

        /** Waits until every message sent so far was printed by the other peer. */
        void awaitDelivered(String keyA, String keyB) {
            assertThat(failures).as("sending failed").isEmpty();
            List<Sent> expected = List.copyOf(sent);
            await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                List<String> onA = a.stdout();
                List<String> onB = b.stdout();
                List<Sent> missing = expected.stream().filter(message -> message.from().equals("a")
                        ? !onB.contains("[sidechannel:" + CHANNEL + "] " + keyA + ": " + message.text())
                        : !onA.contains("[sidechannel:" + CHANNEL + "] " + keyB + ": " + message.text())).toList();
                assertThat(missing).as("messages not received (of %s sent)", expected.size()).isEmpty();
            });
        }

        void stop() throws InterruptedException {
            sender.shutdown();
            if (!sender.awaitTermination(PeerProcess.REPLY.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the sender did not stop");
            }
        }
    }
}
