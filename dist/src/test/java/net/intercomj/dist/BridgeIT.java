package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SC-Bridge as agents meet it: two peer processes, each with its bridge on its own port, and
 * one WebSocket client on each (spec upstream-sidechannel-bridge §5.4, 5.13–5.15, 5.18, 5.19,
 * 5.21, 5.27).
 */
@Timeout(300)
class BridgeIT {

    private static final String PUBKEY = "Peer pubkey (hex): ";

    @TempDir
    Path work;

    private static PeerProcess peer(Path work, String name, String bootstrap, int bridgePort, String token,
            String... more) throws Exception {
        String[] args = {name, "--dht-bootstrap", bootstrap, "--lan-discovery", "0", "--sidechannel-welcome-required", "0",
                "--sc-bridge", "1", "--sc-bridge-port", String.valueOf(bridgePort), "--sc-bridge-token", token};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return PeerProcess.start(work, all);
    }

    private static BridgeSocket authenticated(HttpClient http, int port, String token, String expectedPeer)
            throws Exception {
        BridgeSocket client = BridgeSocket.connect(http, port);
        JsonNode hello = client.next();
        assertThat(hello.path("type").asText()).isEqualTo("hello");
        assertThat(hello.path("peer").asText()).isEqualTo(expectedPeer);
        assertThat(hello.path("requiresAuth").asBoolean()).isTrue();
        assertThat(client.ask("{\"type\":\"auth\",\"token\":\"" + token + "\"}").toString()).isEqualTo("{\"type\":\"auth_ok\"}");
        return client;
    }

    /**
     * Sends {@code text} from {@code sender} on {@code channel} until {@code receiver} gets it: the
     * first sends may go out before the two peers' sidechannel ports are open.
     */
    private static JsonNode sendUntilReceived(PeerProcess senderPeer, BridgeSocket sender, PeerProcess receiverPeer,
            BridgeSocket receiver, String channel, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(PeerProcess.REPLY);
        while (Instant.now().isBefore(deadline)) {
            JsonNode sent = sender.ask("{\"type\":\"send\",\"channel\":\"" + channel + "\",\"message\":{\"text\":\"" + text + "\"}}");
            assertThat(sent.toString()).isEqualTo("{\"type\":\"sent\",\"channel\":\"" + channel + "\"}");
            JsonNode frame = receiver.poll(Duration.ofSeconds(1));
            while (frame != null) {
                if (frame.path("type").asText().equals("sidechannel_message")
                        && frame.path("message").path("text").asText().equals(text)) {
                    return frame;
                }
                frame = receiver.poll(Duration.ofMillis(100));
            }
        }
        throw new AssertionError("\"" + text + "\" never reached the other peer's bridge client; sender's log:\n"
                + senderPeer.stderrText() + "\nreceiver's log:\n" + receiverPeer.stderrText());
    }

    /** The text of the next {@code sidechannel_message} that {@code client} receives. */
    private static String nextMessage(BridgeSocket client) throws InterruptedException {
        JsonNode frame = client.next();
        assertThat(frame.path("type").asText()).as(frame.toString()).isEqualTo("sidechannel_message");
        JsonNode message = frame.path("message");
        return message.isTextual() ? message.asText() : message.toString();
    }

    @Test
    void aClientOfOnePeerReachesAClientOfAnotherThroughFiltersAndSubscriptions() throws Exception {
        int dhtPort = FreePorts.udp();
        String bootstrap = "127.0.0.1:" + dhtPort;
        int portA = FreePorts.tcp();
        int portB = FreePorts.tcp();
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(dhtPort));
                PeerProcess a = peer(work, "a", bootstrap, portA, "token-a");
                PeerProcess b = peer(work, "b", bootstrap, portB, "token-b", "--sc-bridge-cli", "1");
                HttpClient http = HttpClient.newHttpClient()) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            String keyA = a.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String keyB = b.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            // §5.4: the banner names the bridge.
            a.awaitStdoutLine("SC-Bridge: ws://127.0.0.1:" + portA, PeerProcess.STARTUP);
            b.awaitStdoutLine("SC-Bridge: ws://127.0.0.1:" + portB, PeerProcess.STARTUP);
            a.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            b.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            a.awaitStderrCount("Connected to ", 1, PeerProcess.REPLY);

            try (BridgeSocket clientA = authenticated(http, portA, "token-a", keyA);
                    BridgeSocket clientB = authenticated(http, portB, "token-b", keyB)) {
                // §5.13 and §5.14.
                JsonNode stats = clientB.ask("{\"type\":\"stats\"}");
                assertThat(stats.path("channels").toString()).contains("\"0000intercom\"");
                assertThat(stats.path("sidechannelStarted").asBoolean()).isTrue();
                assertThat(stats.path("connectionCount").isInt()).isTrue();
                JsonNode info = clientA.ask("{\"type\":\"info\"}").path("info");
                assertThat(info.path("peerPubkey").asText()).isEqualTo(keyA);
                assertThat(info.path("sidechannelEntry").asText()).isEqualTo("0000intercom");

                // §5.21: a message from A arrives at B's client with its proven sender, sent directly.
                JsonNode received = sendUntilReceived(a, clientA, b, clientB, "0000intercom", "hello b");
                assertThat(received.path("channel").asText()).isEqualTo("0000intercom");
                assertThat(received.path("from").asText()).isEqualTo(keyA);
                assertThat(received.path("origin").asText()).isEqualTo(keyA);
                assertThat(received.path("sig").asText()).matches("[0-9a-f]{128}");
                assertThat(received.path("ttl").asInt()).isEqualTo(3);
                assertThat(received.path("relayedBy").isNull()).isTrue();
                assertThat(received.path("id").asText()).isNotBlank();
                assertThat(received.path("ts").isIntegralNumber()).isTrue();
                // Retries may have delivered copies; a marker message ends them.
                clientA.ask("{\"type\":\"send\",\"channel\":\"0000intercom\",\"message\":\"marker 1\"}");
                while (!nextMessage(clientB).equals("marker 1")) {
                    // earlier retries of "hello b"
                }

                // §5.18: filters.
                assertThat(clientB.ask("{\"type\":\"set_filter\",\"filter\":\"Alpha+beta|gamma\"}").path("type").asText())
                        .isEqualTo("filter_set");
                for (String text : new String[] {"ALPHA x BETA", "alpha", "Gamma", "gamma marker 2"}) {
                    clientA.ask("{\"type\":\"send\",\"channel\":\"0000intercom\",\"message\":\"" + text + "\"}");
                }
                assertThat(nextMessage(clientB)).isEqualTo("ALPHA x BETA");
                assertThat(nextMessage(clientB)).isEqualTo("Gamma");
                assertThat(nextMessage(clientB)).isEqualTo("gamma marker 2");
                clientB.ask("{\"type\":\"clear_filter\"}");

                // §5.19: subscriptions, with a channel both peers join.
                assertThat(clientB.ask("{\"type\":\"join\",\"channel\":\"room1\"}").toString())
                        .isEqualTo("{\"type\":\"joined\",\"channel\":\"room1\"}");
                assertThat(clientB.ask("{\"type\":\"subscribe\",\"channels\":[\"room1\"]}").path("channels").toString())
                        .isEqualTo("[\"room1\"]");
                sendUntilReceived(a, clientA, b, clientB, "room1", "on room1");
                clientA.ask("{\"type\":\"send\",\"channel\":\"0000intercom\",\"message\":\"not for b\"}");
                clientA.ask("{\"type\":\"send\",\"channel\":\"room1\",\"message\":\"marker 3\"}");
                String next = nextMessage(clientB);
                while (next.contains("on room1")) {
                    next = nextMessage(clientB);
                }
                assertThat(next).isEqualTo("marker 3");
                assertThat(clientB.ask("{\"type\":\"unsubscribe\",\"channel\":\"room1\"}").path("channels").toString())
                        .isEqualTo("[]");
                clientA.ask("{\"type\":\"send\",\"channel\":\"0000intercom\",\"message\":\"all again\"}");
                assertThat(nextMessage(clientB)).isEqualTo("all again");

                // §5.15: cli returns the command's value as JSON.
                JsonNode cli = clientB.ask("{\"type\":\"cli\",\"command\":\"/sc_stats\"}");
                assertThat(cli.path("type").asText()).isEqualTo("cli_result");
                assertThat(cli.path("ok").asBoolean()).isTrue();
                assertThat(cli.path("output").get(0).asText()).startsWith("{\"channels\":[\"0000intercom\",\"room1\"],"
                        + "\"connectionCount\":");
                assertThat(clientA.ask("{\"type\":\"cli\",\"command\":\"/sc_stats\"}").path("error").asText())
                        .isEqualTo("CLI over WS is disabled.");

                // §5.27: too large for the sidechannel.
                String huge = "x".repeat(1_100_000);
                assertThat(clientA.ask("{\"id\":9,\"type\":\"send\",\"channel\":\"0000intercom\",\"message\":\"" + huge + "\"}")
                        .toString()).isEqualTo("{\"id\":9,\"type\":\"error\",\"error\":\"Send denied (invite required or invalid).\"}");
                a.awaitStdoutStartingWith("[sidechannel:0000intercom] message too large (", PeerProcess.REPLY);

                // With the bridge on, received messages go to its clients, not to stdout.
                assertThat(b.stdout()).noneMatch(line -> line.startsWith("[sidechannel:"));
            }
        }
    }

    @Test
    void aBridgeWithoutATokenStopsTheStartWithTheOriginalsWords() throws Exception {
        try (PeerProcess peer = PeerProcess.start(work, "no-token", "--sc-bridge", "1", "--lan-discovery", "0")) {
            assertThat(peer.awaitExit(PeerProcess.STARTUP)).isNotZero();
            assertThat(peer.stderrText()).contains("SC-Bridge requires --sc-bridge-token (auth is mandatory).");
        }
    }

    @Test
    void aBridgePortInUseFailsTheStartWithAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                PeerProcess peer = PeerProcess.start(work, "port-taken", "--sc-bridge", "1", "--sc-bridge-token", "t",
                        "--sc-bridge-port", String.valueOf(taken.getLocalPort()), "--lan-discovery", "0")) {
            assertThat(peer.awaitExit(PeerProcess.STARTUP)).isNotZero();
            assertThat(peer.stderrText()).contains("SC-Bridge failed to start: ");
        }
    }
}
