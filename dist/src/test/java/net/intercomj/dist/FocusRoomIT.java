package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FocusRoom plugin as the distribution ships it ({@code plugins/intercom-focusroom.jar}),
 * driven like the original's live proof ({@code run-live-proof.mjs}, spec §1.10): two real peers,
 * each with its SC-Bridge, a host and a joiner. The proof sequence with a manual end, a second
 * session that the host's timer ends, and a joiner that arrives after the start.
 */
@Timeout(300)
class FocusRoomIT {

    static final List<String> ACTIONS = List.of("focus_start", "focus_join", "focus_checkin", "focus_end", "focus_extend",
            "focus_status", "focus_rooms", "focus_streaks");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBKEY = "Peer pubkey (hex): ";
    private static final Duration SYNC = Duration.ofSeconds(45);

    @TempDir
    Path work;

    /** A bridge client that answers requests by id and keeps every other frame (the pushes). */
    static final class Client implements AutoCloseable {
        final BridgeSocket socket;
        final JsonNode hello;
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private int nextId = 1;

        private Client(BridgeSocket socket, JsonNode hello) {
            this.socket = socket;
            this.hello = hello;
        }

        /**
         * Connects once the plugin has added its hello field (it wires itself after the
         * sidechannel plugin is up) and authenticates.
         */
        static Client connect(HttpClient http, int port, String token) throws Exception {
            List<Client> connected = new ArrayList<>();
            await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                BridgeSocket socket = BridgeSocket.connect(http, port);
                JsonNode hello = socket.next();
                if (!hello.has("focusBridgeActions")) {
                    socket.close();
                    return false;
                }
                connected.add(new Client(socket, hello));
                return true;
            });
            Client client = connected.get(0);
            assertThat(client.socket.ask("{\"type\":\"auth\",\"token\":\"" + token + "\"}").path("type").asText())
                    .isEqualTo("auth_ok");
            return client;
        }

        /** Sends {@code type} with {@code fields} and an id; returns the reply with that id. */
        synchronized JsonNode ask(String type, String fieldsJson) throws Exception {
            ObjectNode request = (ObjectNode) JSON.readTree(fieldsJson);
            int id = nextId++;
            request.put("id", id);
            request.put("type", type);
            socket.send(request.toString());
            while (true) {
                JsonNode frame = socket.next();
                if (frame.path("id").asInt(-1) == id) {
                    return frame;
                }
                events.add(frame);
            }
        }

        /** The room object of {@code focus_status}, or a JSON null. */
        JsonNode status(String room) throws Exception {
            return ask("focus_status", "{\"room\":\"" + room + "\"}").path("room");
        }

        boolean sawEvent(String eventType, String room, String source) {
            return events.stream().anyMatch(e -> e.path("type").asText().equals("focus_event")
                    && e.path("eventType").asText().equals(eventType) && e.path("payload").path("room").asText().equals(room)
                    && e.path("source").asText().equals(source));
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    @Test
    void theLiveProofSequenceATimerExpiryAndALateJoiner() throws Exception {
        int dhtPort = FreePorts.udp();
        String bootstrap = "127.0.0.1:" + dhtPort;
        int hostPort = FreePorts.tcp();
        int joinerPort = FreePorts.tcp();
        String hostToken = BridgeTokens.random();
        String joinerToken = BridgeTokens.random();
        HttpClient http = HttpClient.newHttpClient();
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(dhtPort));
                PeerProcess hostPeer = PeerProcess.start(work, "host", "--dht-bootstrap", bootstrap, "--lan-discovery", "0",
                        "--sidechannel-welcome-required", "0", "--sc-bridge", "1",
                        "--sc-bridge-port", String.valueOf(hostPort), "--sc-bridge-token", hostToken);
                PeerProcess joinerPeer = PeerProcess.start(work, "joiner", "--dht-bootstrap", bootstrap, "--lan-discovery", "0",
                        "--sidechannel-welcome-required", "0", "--sc-bridge", "1",
                        "--sc-bridge-port", String.valueOf(joinerPort), "--sc-bridge-token", joinerToken)) {
            try {
                dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
                String hostKey = hostPeer.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
                String joinerKey = joinerPeer.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
                hostPeer.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                joinerPeer.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                hostPeer.awaitStderrCount("Connected to ", 1, PeerProcess.REPLY);
                try (Client host = Client.connect(http, hostPort, hostToken);
                        Client joiner = Client.connect(http, joinerPort, joinerToken)) {
                    for (Client client : List.of(host, joiner)) {
                        List<String> actions = new ArrayList<>();
                        client.hello.path("focusBridgeActions").forEach(a -> actions.add(a.asText()));
                        assertThat(actions).containsExactlyElementsOf(ACTIONS);
                    }
                    assertThat(host.hello.path("peer").asText()).isEqualTo(hostKey);

                    proofSequence(host, joiner, hostKey, joinerKey, "proof-live-" + run);
                    // The second run: the host's timer ends the session (1 minute, the shortest allowed);
                    // the late joiner is checked while it runs.
                    String timed = "proof-timer-" + run;
                    assertThat(joiner.ask("focus_join", "{\"room\":\"" + timed + "\"}").path("type").asText())
                            .isEqualTo("focus_joined");
                    JsonNode started = host.ask("focus_start", "{\"room\":\"" + timed + "\",\"minutes\":1,\"goal\":\"live timer\"}");
                    assertThat(started.path("type").asText()).isEqualTo("focus_started");
                    await().atMost(SYNC).pollInterval(Duration.ofMillis(500))
                            .until(() -> joiner.status(timed).path("status").asText().equals("active"));

                    lateJoiner(host, joiner, joinerKey, "proof-late-" + run);

                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                            host.status(timed).path("status").asText().equals("ended")
                                    && joiner.status(timed).path("status").asText().equals("ended"));
                    for (Client client : List.of(host, joiner)) {
                        JsonNode room = client.status(timed);
                        assertThat(room.path("endedReason").asText()).isEqualTo("timer");
                        assertThat(room.path("stats").path("plannedDurationMs").asLong()).isEqualTo(60_000);
                    }
                    assertThat(host.status(timed).path("endedAt")).isEqualTo(joiner.status(timed).path("endedAt"));
                    await().atMost(SYNC).pollInterval(Duration.ofMillis(500))
                            .until(() -> host.sawEvent("session_expired", timed, "local")
                                    && joiner.sawEvent("session_expired", timed, "remote"));
                    JsonNode streaks = host.ask("focus_streaks", "{}");
                    assertThat(streaks.path("streaks").toString()).contains(
                            "{\"peer\":\"" + hostKey + "\",\"sessions\":3}", "{\"peer\":\"" + joinerKey + "\",\"sessions\":3}");
                }
                hostPeer.type("/exit");
                assertThat(hostPeer.awaitExit(PeerProcess.REPLY)).isZero();
            } catch (AssertionError | RuntimeException e) {
                throw PeerProcess.withLogs(e, List.of(hostPeer, joinerPeer));
            }
        }
        // Streaks and history are in the plugin's data folder, and come back after a restart.
        Path file;
        try (Stream<Path> files = Files.walk(work.resolve("stores"))) {
            file = files.filter(p -> p.getFileName().toString().equals("focus-room.json"))
                    .filter(p -> p.toString().contains("host")).findFirst().orElseThrow();
        }
        assertThat(file.getParent().getFileName().toString()).isEqualTo("focusroom");
        assertThat(Files.readString(file)).contains("\"endedReason\":\"timer\"", "\"endedReason\":\"manual\"");
    }

    /** §1.10: joiner join → host start → joiner check-in → host extend → status → rooms → host end → streaks. */
    private static void proofSequence(Client host, Client joiner, String hostKey, String joinerKey, String room)
            throws Exception {
        String quoted = "\"" + room + "\"";
        assertThat(joiner.ask("focus_join", "{\"room\":" + quoted + "}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"focus_joined\",\"room\":" + quoted + "}");
        assertThat(host.ask("focus_start", "{\"room\":" + quoted + ",\"minutes\":25,\"goal\":\"live ws proof run\"}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"focus_started\",\"room\":" + quoted + "}");
        assertThat(host.sawEvent("session_start", room, "local")).as("the local push comes before the reply").isTrue();
        await().atMost(SYNC).pollInterval(Duration.ofMillis(500))
                .until(() -> joiner.status(room).path("status").asText().equals("active"));
        assertThat(joiner.ask("focus_checkin", "{\"room\":" + quoted + ",\"status\":\"connected and checking in\"}")
                .path("type").asText()).isEqualTo("focus_checked_in");
        await().atMost(SYNC).pollInterval(Duration.ofMillis(500))
                .until(() -> host.status(room).path("checkins").size() == 1);
        JsonNode before = host.status(room);
        assertThat(host.ask("focus_extend", "{\"room\":" + quoted + ",\"minutes\":5}").path("type").asText())
                .isEqualTo("focus_extended");
        // Not the host: the joiner cannot extend or end.
        assertThat(joiner.ask("focus_extend", "{\"room\":" + quoted + "}").path("error").asText())
                .isEqualTo("focus_extend failed: only host can extend session");
        assertThat(joiner.ask("focus_end", "{\"room\":" + quoted + "}").path("error").asText())
                .isEqualTo("focus_end failed: only host can end session");

        JsonNode status = host.ask("focus_status", "{\"room\":" + quoted + "}");
        assertThat(status.path("type").asText()).isEqualTo("focus_status");
        JsonNode object = status.path("room");
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).startsWith("room", "host", "goal", "startedAt", "endsAt", "lastEventAt", "status", "endedAt",
                "endedReason", "participants", "checkins", "stats");
        assertThat(object.path("host").asText()).isEqualTo(hostKey);
        assertThat(object.path("status").asText()).isEqualTo("active");
        assertThat(object.path("endsAt").asLong()).isEqualTo(before.path("startedAt").asLong() + 30 * 60_000);
        assertThat(object.path("participants").toString()).contains(hostKey, joinerKey);
        assertThat(object.path("checkins").get(0).path("who").asText()).isEqualTo(joinerKey);
        assertThat(object.path("checkins").get(0).path("status").asText()).isEqualTo("connected and checking in");

        JsonNode rooms = host.ask("focus_rooms", "{}");
        assertThat(rooms.path("type").asText()).isEqualTo("focus_rooms");
        JsonNode row = null;
        for (JsonNode r : rooms.path("rooms")) {
            if (r.path("room").asText().equals(room)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.toString()).isEqualTo("{\"room\":" + quoted + ",\"status\":\"active\",\"participants\":2,"
                + "\"goal\":\"live ws proof run\",\"endsAt\":" + object.path("endsAt").asLong() + "}");

        JsonNode ended = host.ask("focus_end", "{\"room\":" + quoted + ",\"summary\":\"proof flow complete\"}");
        assertThat(ended.path("type").asText()).isEqualTo("focus_ended");
        assertThat(ended.path("room").asText()).isEqualTo(room);
        assertThat(ended.path("stats").path("participantCount").asInt()).isEqualTo(2);
        assertThat(ended.path("stats").path("checkinCount").asInt()).isEqualTo(1);
        assertThat(ended.path("stats").path("plannedDurationMs").asLong()).isEqualTo(30 * 60_000);
        await().atMost(SYNC).pollInterval(Duration.ofMillis(500))
                .until(() -> joiner.status(room).path("status").asText().equals("ended"));
        assertThat(joiner.status(room).path("endedReason").asText()).isEqualTo("manual");
        await().atMost(SYNC).pollInterval(Duration.ofMillis(500)).until(() -> joiner.sawEvent("session_end", room, "remote"));

        JsonNode streaks = host.ask("focus_streaks", "{}");
        assertThat(streaks.path("type").asText()).isEqualTo("focus_streaks");
        assertThat(streaks.path("streaks").toString()).contains("{\"peer\":\"" + hostKey + "\",\"sessions\":1}",
                "{\"peer\":\"" + joinerKey + "\",\"sessions\":1}");
    }

    /** A joiner that joins after the start sees the running session with its countdown (W2). */
    private static void lateJoiner(Client host, Client joiner, String joinerKey, String room) throws Exception {
        String quoted = "\"" + room + "\"";
        host.ask("focus_start", "{\"room\":" + quoted + ",\"minutes\":20,\"goal\":\"late joiner\"}");
        JsonNode atHost = host.status(room);
        assertThat(joiner.ask("focus_join", "{\"room\":" + quoted + "}").path("type").asText()).isEqualTo("focus_joined");
        await().atMost(SYNC).pollInterval(Duration.ofMillis(500))
                .until(() -> joiner.status(room).path("status").asText().equals("active"));
        JsonNode atJoiner = joiner.status(room);
        assertThat(atJoiner.path("host")).isEqualTo(atHost.path("host"));
        assertThat(atJoiner.path("goal").asText()).isEqualTo("late joiner");
        assertThat(atJoiner.path("endsAt").asLong()).isEqualTo(atHost.path("endsAt").asLong());
        assertThat(atJoiner.path("endsAt").asLong()).isGreaterThan(System.currentTimeMillis());
        // The host hears the late join too, so the joiner counts for this session.
        await().atMost(SYNC).pollInterval(Duration.ofMillis(500))
                .until(() -> host.status(room).path("participants").toString().contains(joinerKey));
        assertThat(host.ask("focus_end", "{\"room\":" + quoted + "}").path("type").asText()).isEqualTo("focus_ended");
    }
}
