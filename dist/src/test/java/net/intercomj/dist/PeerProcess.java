package net.intercomj.dist;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A peer started from the assembled distribution as a separate process, driven through stdin. */
final class PeerProcess implements AutoCloseable {

    /** Start-up includes a JVM launch and an Argon2i key derivation (256 MiB). */
    static final Duration STARTUP = Duration.ofSeconds(90);
    static final Duration REPLY = Duration.ofSeconds(30);

    private final Process process;
    private final Writer stdin;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private PeerProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdoutReader = Thread.ofVirtual().start(() -> collect(process.getInputStream(), stdout));
        this.stderrReader = Thread.ofVirtual().start(() -> collect(process.getErrorStream(), stderr));
    }

    static Path launcher() {
        return Path.of(System.getProperty("intercom.dist.home")).resolve("bin").resolve("intercom");
    }

    static PeerProcess start(Path workingDirectory, String... args) throws IOException {
        return start(workingDirectory, Map.of(), args);
    }

    /** Starts the launcher with {@code environment} added to what the tests run with. */
    static PeerProcess start(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException {
        return startFrom(launcher(), workingDirectory, environment, args);
    }

    /** Starts {@code launcher} ({@code <distribution>/bin/intercom}, a copy of the assembled one, say). */
    static PeerProcess startFrom(Path launcher, Path workingDirectory, Map<String, String> environment,
            String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        // The peer must not see a token or flags from the environment running the tests.
        builder.environment().keySet().removeIf(name -> name.startsWith("SC_") || name.startsWith("SIDECHANNEL")
                || name.startsWith("PEER_") || name.startsWith("MSB_") || name.startsWith("SUBNET_"));
        builder.environment().putAll(environment);
        return new PeerProcess(builder.start());
    }

    private static void collect(InputStream stream, List<String> into) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                into.add(line);
            }
        } catch (IOException ignored) {
            // The process ended; what was read is kept.
        }
    }

    /** Types one line; safe from several threads (each line is written whole). */
    synchronized void type(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    void awaitStdoutLine(String expected, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(20))
                .failFast("peer exited; stdout " + stdout + " stderr " + stderr,
                        () -> !process.isAlive() && !stdout.contains(expected))
                .until(() -> stdout.contains(expected));
    }

    /** Waits until {@code count} stderr lines (the log) contain {@code fragment}. */
    void awaitStderrCount(String fragment, int count, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(20))
                .failFast("peer exited; stdout " + stdout + " stderr " + stderr, () -> !process.isAlive())
                .until(() -> stderr.stream().filter(line -> line.contains(fragment)).count() >= count);
    }

    /** Waits for a stdout line starting with {@code prefix} and returns it. */
    String awaitStdoutStartingWith(String prefix, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(20))
                .failFast("peer exited; stdout " + stdout + " stderr " + stderr, () -> !process.isAlive())
                .until(() -> stdout.stream().anyMatch(line -> line.startsWith(prefix)));
        return stdout.stream().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Waits for a stdout line after the first {@code from} lines starting with {@code prefix}, and returns it. */
    String awaitStdoutStartingWith(String prefix, Duration within, int from) {
        await().atMost(within).pollInterval(Duration.ofMillis(20))
                .failFast("peer exited; stdout " + stdout + " stderr " + stderr, () -> !process.isAlive())
                .until(() -> stdout.stream().skip(from).anyMatch(line -> line.startsWith(prefix)));
        return stdout.stream().skip(from).filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
    }

    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("peer did not exit within " + within + "; stdout " + stdout + " stderr " + stderr);
        }
        // The readers finish once the pipes close after exit; then every line is in.
        if (!stdoutReader.join(REPLY) || !stderrReader.join(REPLY)) {
            throw new AssertionError("output pipes still open after the peer exited");
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void terminate() {
        process.destroy();
    }

    /** Kills the peer at once (SIGKILL): no shutdown hook runs, nothing is flushed. */
    void kill() {
        process.destroyForcibly();
    }

    List<String> stdout() {
        return List.copyOf(stdout);
    }

    /** {@code failure} with every peer's output and log appended, so a failed run explains itself. */
    static AssertionError withLogs(Throwable failure, List<PeerProcess> peers) {
        StringBuilder logs = new StringBuilder(String.valueOf(failure.getMessage()));
        for (int i = 0; i < peers.size(); i++) {
            logs.append("\npeer ").append(i).append(" stdout:\n").append(String.join("\n", peers.get(i).stdout()))
                    .append("\npeer ").append(i).append(" log:\n").append(peers.get(i).stderrText());
        }
        return new AssertionError(logs.toString(), failure);
    }

    String stderrText() {
        return String.join("\n", stderr);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
