package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
            // The plugin checks for the sidechannel service every second.
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

            try (PeerProcess c = PeerProcess.start(work, "c", "--dht-bootstrap", bootstrap, "--lan-discovery", "0")) {
                c.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    c.type("/expense_list");
                    return c.stdout().stream().anyMatch(line -> line.startsWith("[expense:0000intercom] entries=1"));
                });
                assertThat(c.stdout()).anyMatch(line -> line.endsWith(" | alice paid 30.00 | split=alice,bob | note=dinner"));
            }
        }
    }
}
