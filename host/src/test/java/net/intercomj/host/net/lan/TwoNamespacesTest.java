package net.intercomj.host.net.lan;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.net.Bytes32;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two machines on one LAN, no bootstrap list: two network namespaces joined by a veth pair,
 * a peer process in each, LAN discovery with its defaults as the only way to find each other.
 * Needs root and {@code ip netns}; skipped otherwise.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TwoNamespacesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final String suffix = HexFormat.of().toHexDigits(RANDOM.nextInt(1 << 24)).substring(2);
    private final String nsA = "icj-lan-" + suffix + "-a";
    private final String nsB = "icj-lan-" + suffix + "-b";
    // Interface names are limited to 15 characters.
    private final String vethA = "icjl" + suffix + "a";
    private final String vethB = "icjl" + suffix + "b";
    private final List<Process> peers = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private String ip;

    /** A peer process and what it printed. */
    private record Peer(Process process, List<String> lines, Path errors) {}

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : peers) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        for (String namespace : namespaces) {
            run(ip, "netns", "del", namespace);
        }
        if (ip != null) {
            // Only there if the test failed between creating the pair and moving it.
            run(ip, "link", "del", vethA);
        }
    }

    @Test
    void peersInTwoNamespacesOnOneLinkFindAndConnectToEachOther() throws Exception {
        ip = List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip").stream()
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse(null);
        Assumptions.assumeTrue(ip != null, "No ip command (iproute2): cannot create network namespaces");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "Not root: cannot create network namespaces");
        Result added = run(ip, "netns", "add", nsA);
        Assumptions.assumeTrue(added.exit() == 0, () -> "ip netns add does not work here: " + added.output());
        namespaces.add(nsA);
        must(ip, "netns", "add", nsB);
        namespaces.add(nsB);

        String subnet = "10." + (100 + RANDOM.nextInt(100)) + "." + RANDOM.nextInt(256) + ".";
        must(ip, "link", "add", vethA, "type", "veth", "peer", "name", vethB);
        must(ip, "link", "set", vethA, "netns", nsA);
        must(ip, "link", "set", vethB, "netns", nsB);
        configure(nsA, vethA, subnet + "1/24");
        configure(nsB, vethB, subnet + "2/24");

        Bytes32 keyA = LanTestSupport.randomKey();
        Bytes32 keyB = LanTestSupport.randomKey();
        String topic = "two-namespaces-" + suffix;
        Peer a = startPeer(nsA, keyA, topic);
        Peer b = startPeer(nsB, keyB, topic);

        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> saw(a, keyB, subnet + "2") && saw(b, keyA, subnet + "1"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The peers did not connect.\n" + report("A", a) + report("B", b), e);
        }
    }

    private void configure(String namespace, String veth, String address) throws Exception {
        must(ip, "-n", namespace, "link", "set", "lo", "up");
        must(ip, "-n", namespace, "addr", "add", address, "dev", veth);
        must(ip, "-n", namespace, "link", "set", veth, "up");
        must(ip, "-n", namespace, "route", "add", "224.0.0.0/4", "dev", veth);
    }

    private Peer startPeer(String namespace, Bytes32 key, String topic) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path errors = Files.createTempFile("lan-peer-", ".log");
        Process process = new ProcessBuilder(ip, "netns", "exec", namespace, java, "-cp",
                System.getProperty("java.class.path"), LanPeerMain.class.getName(), key.toHex(), topic)
                .redirectError(errors.toFile())
                .start();
        peers.add(process);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().name("lan-peer-stdout").start(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(stdout ended: " + e + ")");
            }
        });
        return new Peer(process, lines, errors);
    }

    /** Whether {@code peer} connected to {@code remote}, over the veth link (there is no other way). */
    private static boolean saw(Peer peer, Bytes32 remote, String remoteIp) {
        return peer.lines().contains("CONNECTED " + remote.toHex() + " " + remoteIp);
    }

    private static String report(String name, Peer peer) throws IOException {
        return "--- peer " + name + " stdout:\n" + String.join("\n", peer.lines()) + "\n--- peer " + name + " stderr:\n"
                + Files.readString(peer.errors()) + "\n";
    }

    private record Result(int exit, String output) {}

    private static void must(String... command) throws Exception {
        Result result = run(command);
        if (result.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + result.exit() + "): " + result.output());
        }
    }

    private static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // Output of ip is a line or two, well within the pipe buffer, so waiting first cannot deadlock.
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, String.join(" ", command) + ": timed out");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
