package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The InterSplit plugin as the distribution ships it ({@code plugins/intercom-intersplit.jar}):
 * it wires itself once the sidechannel plugin (started after it, by file name) is up, answers
 * the seed README's quick demo, and keeps the room in its file across a restart.
 */
@Timeout(300)
class InterSplitIT {

    @TempDir
    Path work;

    @Test
    void theQuickDemoAndARestart() throws Exception {
        try (PeerProcess peer = PeerProcess.start(work, "split")) {
            peer.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            // "Sidechannel: ready" may come before the plugin's commands are registered.
            await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                peer.type("/expense_list --channel trip-nyc");
                return peer.stdout().contains("[expense:trip-nyc] no expenses yet.");
            });
            peer.type("/expense_add --channel \"Trip-NYC\" --payer \"alice\" --amount \"30\" --split \"alice,bob\" --note \"dinner\"");
            peer.awaitStdoutLine("[expense:trip-nyc] added 30.00 by alice split=alice,bob", PeerProcess.REPLY);
            peer.type("/expense_balance --channel trip-nyc");
            peer.awaitStdoutLine("  bob -> alice: 15.00", PeerProcess.REPLY);
            assertThat(peer.stdout()).containsSubsequence("[expense:trip-nyc] entries=1 total=30.00", "- balances:",
                    "  alice: +15.00", "  bob: -15.00", "- settlements:", "  bob -> alice: 15.00");
            peer.type("/exit");
            assertThat(peer.awaitExit(PeerProcess.REPLY)).isZero();
        }
        Path file;
        try (Stream<Path> files = Files.walk(work.resolve("stores"))) {
            file = files.filter(p -> p.getFileName().toString().equals("expense-split.snapshots.json")).findFirst().orElseThrow();
        }
        assertThat(file.getParent().getFileName().toString()).isEqualTo("intersplit");
        try (PeerProcess peer = PeerProcess.start(work, "split")) {
            peer.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                peer.type("/expense_list --channel TRIP-NYC");
                return peer.stdout().contains("[expense:trip-nyc] entries=1");
            });
            peer.type("/exit");
            assertThat(peer.awaitExit(PeerProcess.REPLY)).isZero();
        }
    }

    /** Live sync between two peers, then history sync to a peer that arrives later. */
    @Test
    void aLiveAddReachesThePeerAndALatePeerGetsTheHistory() throws Exception {
        int port = FreePorts.udp();
        String bootstrap = "127.0.0.1:" + port;
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port));
                PeerProcess a = PeerProcess.start(work, "a", "--dht-bootstrap", bootstrap, "--lan-discovery", "0");
                PeerProcess b = PeerProcess.start(work, "b", "--dht-bootstrap", bootstrap, "--lan-discovery", "0")) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            a.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            b.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            a.awaitStderrCount("Connected to ", 1, PeerProcess.REPLY);
            await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                a.type("/expense_list");
                return a.stdout().contains("[expense:0000intercom] no expenses yet.");
            });
            await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                b.type("/expense_list");
                return b.stdout().contains("[expense:0000intercom] no expenses yet.");
            });
            a.type("/expense_add --payer alice --amount 30 --split alice,bob --note dinner");
            a.awaitStdoutLine("[expense:0000intercom] added 30.00 by alice split=alice,bob", PeerProcess.REPLY);
            await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                b.type("/expense_balance");
                return b.stdout().contains("  bob -> alice: 15.00");
            });

            // B's sidechannel plugin is reloaded: InterSplit is restarted with it and keeps syncing.
            b.type("/plugins reload sidechannel");
            b.awaitStderrCount("Plugin intersplit restarted", 1, PeerProcess.REPLY);
            a.type("/expense_add --payer bob --amount 10 --split alice,bob --note snacks");
            a.awaitStdoutLine("[expense:0000intercom] added 10.00 by bob split=alice,bob", PeerProcess.REPLY);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                b.type("/expense_balance");
                return b.stdout().contains("  bob -> alice: 10.00");
            });

            try (PeerProcess c = PeerProcess.start(work, "c", "--dht-bootstrap", bootstrap, "--lan-discovery", "0")) {
                c.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                // The entry's line comes after the header: wait for it, not for the header.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    c.type("/expense_list");
                    return c.stdout().stream().anyMatch(
                            line -> line.endsWith(" | bob paid 10.00 | split=alice,bob | note=snacks"));
                });
                assertThat(c.stdout()).contains("[expense:0000intercom] entries=2");
                assertThat(c.stdout()).anyMatch(line -> line.endsWith(" | alice paid 30.00 | split=alice,bob | note=dinner"));
            }
        }
    }

    /**
     * The seed README's quick demo on two peers, as written (our launcher in place of
     * {@code pear run}): A creates the subnet pinning the InterSplit contract, B joins it; both
     * are in {@code trip-nyc}. Then persist on A (a confirmed transaction), export, and a restart
     * of A with its local file gone and B stopped: only the subnet can bring the room back.
     */
    @Test
    @Timeout(300)
    void theQuickDemoOnTwoPeersPersistedAndRestoredAfterARestart() throws Exception {
        int port = FreePorts.udp();
        String dht = "127.0.0.1:" + port;
        // Non-entry channels need an owner's welcome by default, in the original too (its own proof
        // scripts started peers this way): the demo room is an open one.
        String[] common = {"--dht-bootstrap", dht, "--lan-discovery", "0", "--subnet-channel", "intersplit-demo",
                "--sidechannels", "trip-nyc", "--sidechannel-welcome-required", "0"};
        String[] balance = {"[expense:trip-nyc] entries=2 total=40.00", "- balances:", "  alice: +10.00",
                "  bob: -10.00", "- settlements:", "  bob -> alice: 10.00"};
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port))) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            try (PeerProcess a = PeerProcess.start(work, concat(common, "--peer-store-name", "demoA", "--app", "intersplit"))) {
                String subnet = a.awaitStdoutStartingWith(BOOTSTRAP, PeerProcess.STARTUP).substring(BOOTSTRAP.length());
                try (PeerProcess b = PeerProcess.start(work, concat(common, "--peer-store-name", "demoB",
                        "--subnet-bootstrap", subnet))) {
                    a.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                    b.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                    a.awaitStdoutStartingWith("Subnet deployed on the embedded MSB: ", PeerProcess.STARTUP);
                    for (PeerProcess peer : List.of(a, b)) {
                        await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                            peer.type("/expense_list --channel trip-nyc");
                            return peer.stdout().contains("[expense:trip-nyc] no expenses yet.");
                        });
                    }
                    // Sends before the peers meet on trip-nyc reach nobody: wait until they have.
                    a.awaitStderrCount("Connected to ", 1, PeerProcess.REPLY);

                    a.type("/expense_add --channel \"trip-nyc\" --payer \"alice\" --amount \"30\" --split \"alice,bob\" --note \"dinner\"");
                    a.awaitStdoutLine("[expense:trip-nyc] added 30.00 by alice split=alice,bob", PeerProcess.REPLY);
                    for (PeerProcess peer : List.of(a, b)) {
                        awaitBalance(peer, "  bob -> alice: 15.00");
                        assertThat(peer.stdout()).containsSubsequence("[expense:trip-nyc] entries=1 total=30.00",
                                "- balances:", "  alice: +15.00", "  bob: -15.00", "- settlements:", "  bob -> alice: 15.00");
                    }
                    b.type("/expense_add --channel \"trip-nyc\" --payer \"bob\" --amount \"10\" --split \"alice,bob\" --note \"snacks\"");
                    b.awaitStdoutLine("[expense:trip-nyc] added 10.00 by bob split=alice,bob", PeerProcess.REPLY);
                    for (PeerProcess peer : List.of(a, b)) {
                        awaitBalance(peer, "  bob -> alice: 10.00");
                        assertThat(peer.stdout()).containsSubsequence(balance);
                    }

                    // B joined the subnet but is not a writer: it cannot persist.
                    b.type("/expense_persist --channel \"trip-nyc\"");
                    b.awaitStdoutLine("Command failed: Peer is not writable; cannot persist contract state.", PeerProcess.REPLY);

                    a.type("/expense_persist --channel \"trip-nyc\"");
                    String persisted = a.awaitStdoutStartingWith("[expense:trip-nyc] persisted. tx=", PeerProcess.REPLY);
                    String tx = persisted.substring("[expense:trip-nyc] persisted. tx=".length());
                    assertThat(tx).matches("[0-9a-f]{64}");
                    a.awaitStdoutStartingWith("MSB TX confirmed: " + tx, SETTLE);

                    a.type("/expense_export --channel \"trip-nyc\" --format text");
                    a.awaitStdoutLine("- bob -> alice: 10.00", PeerProcess.REPLY);
                    assertThat(a.stdout()).containsSubsequence("InterSplit Settlement Export", "channel: trip-nyc",
                            "events: 2", "total: 40.00", "balances:", "- alice: +10.00", "- bob: -10.00", "settlements:",
                            "- bob -> alice: 10.00");
                    // The subnet replicates the snapshot to B too (until then, B restores from its file).
                    await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                        b.type("/expense_restore --channel trip-nyc --confirmed 0");
                        return b.stdout().contains("[expense:trip-nyc] restored added=0 total=2 source=view replace=0");
                    });
                    b.type("/exit");
                    assertThat(b.awaitExit(PeerProcess.REPLY)).isZero();
                }
                a.type("/exit");
                assertThat(a.awaitExit(PeerProcess.REPLY)).isZero();
            }
            Path file = work.resolve("stores/demoA/plugins/intersplit/" + "expense-split.snapshots.json");
            assertThat(file).exists();
            Files.delete(file);

            try (PeerProcess a = PeerProcess.start(work, concat(common, "--peer-store-name", "demoA", "--app", "intersplit"))) {
                a.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                    a.type("/expense_list --channel trip-nyc");
                    return a.stdout().contains("[expense:trip-nyc] no expenses yet.");
                });
                await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    a.type("/expense_restore --channel trip-nyc");
                    return a.stdout().contains("[expense:trip-nyc] restored added=2 total=2 source=signed replace=0");
                });
                a.type("/expense_balance --channel trip-nyc");
                a.awaitStdoutLine("  bob -> alice: 10.00", PeerProcess.REPLY);
                assertThat(a.stdout()).containsSubsequence(balance);
                a.type("/exit");
                assertThat(a.awaitExit(PeerProcess.REPLY)).isZero();
            }
        }
    }

    private static final String BOOTSTRAP = "Peer subnet bootstrap: ";
    /** How long a confirmation may take (the MSB's, then the subnet's). */
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private static void awaitBalance(PeerProcess peer, String line) {
        await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
            peer.type("/expense_balance --channel trip-nyc");
            return peer.stdout().contains(line);
        });
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
