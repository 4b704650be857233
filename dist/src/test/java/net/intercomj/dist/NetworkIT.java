package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three peers of the assembled distribution, each its own process, find each other through a
 * separately started {@code dht-node}, exchange messages, and reconnect when one restarts.
 */
class NetworkIT {

    private static final String PUBKEY = "Peer pubkey (hex): ";

    @TempDir
    Path work;

    @Test
    void threePeersMeetThroughADhtNodeExchangeMessagesAndReconnectAfterARestart() throws Exception {
        int port = FreePorts.udp();
        String bootstrap = "127.0.0.1:" + port;
        List<PeerProcess> peers = new ArrayList<>();
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port))) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            assertThat(dhtNode.stdout().get(0)).endsWith("listening on udp " + bootstrap);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                PeerProcess peer = start(i, bootstrap);
                peers.add(peer);
                keys.add(peer.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length()));
            }
            assertThat(peers.get(0).stdout()).contains("Peer DHT bootstrap nodes: " + bootstrap);

            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (i != j) {
                        peers.get(i).awaitStderrCount("Connected to " + keys.get(j).substring(0, 8), 1,
                                PeerProcess.REPLY);
                    }
                }
            }
            peers.get(0).type("/ping " + keys.get(1));
            peers.get(0).awaitStdoutStartingWith("Pong from " + keys.get(1) + " in ", PeerProcess.REPLY);
            peers.get(2).type("/stats");
            peers.get(2).awaitStdoutLine("network.connections: 2", PeerProcess.REPLY);

            // Peer 2 stops (SIGTERM) and comes back on the same store, hence with the same key.
            peers.get(2).terminate();
            assertThat(peers.get(2).awaitExit(PeerProcess.REPLY)).isEqualTo(143);
            peers.get(0).awaitStderrCount("Disconnected from " + keys.get(2).substring(0, 8), 1, PeerProcess.REPLY);
            PeerProcess restarted = start(2, bootstrap);
            peers.set(2, restarted);
            restarted.awaitStdoutLine(PUBKEY + keys.get(2), PeerProcess.STARTUP);
            peers.get(0).awaitStderrCount("Connected to " + keys.get(2).substring(0, 8), 2, PeerProcess.REPLY);
            peers.get(1).awaitStderrCount("Connected to " + keys.get(2).substring(0, 8), 2, PeerProcess.REPLY);
            // The restarted side registers its end of a connection a moment after the other side.
            restarted.awaitStderrCount("Connected to " + keys.get(0).substring(0, 8), 1, PeerProcess.REPLY);
            restarted.type("/ping " + keys.get(0));
            restarted.awaitStdoutStartingWith("Pong from " + keys.get(0) + " in ", PeerProcess.REPLY);

            dhtNode.type("/stats");
            dhtNode.awaitStdoutStartingWith("nodes known: ", PeerProcess.REPLY);
        } catch (AssertionError | org.awaitility.core.ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, peers);
        } finally {
            peers.forEach(PeerProcess::close);
        }
    }

    private PeerProcess start(int index, String bootstrap) throws Exception {
        return PeerProcess.start(work, "peer" + index, "--dht-bootstrap", bootstrap, "--lan-discovery", "0");
    }
}
