package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.intercomj.host.contract.AppVersion;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract app shipped as a plugin jar, run by three peer processes of the assembled
 * distribution: the creator pins the sample app ({@code plugins/intercom-sample-contract.jar})
 * with {@code --app}, the joiners run the pinned version without a flag, and the app's chat
 * hook runs on every peer: it keeps the last message and a count per author, and refuses a
 * message repeating the last one, which is then posted nowhere.
 *
 * <p>Transactions ({@code /tx}) are paid on the creator's embedded MSB: a plain function, a
 * schema-checked one, and one its schema refuses, with the same views on every peer.
 */
@Timeout(600)
class ContractAppIT {

    private static final String APP = "sample-contract";
    private static final String PUBKEY = "Peer pubkey (hex): ";
    private static final String BOOTSTRAP = "Peer subnet bootstrap: ";
    private static final String WRITER_KEY = "Peer writer key (hex): ";
    private static final Pattern PINNED = Pattern.compile("Contract pinned: [A-Za-z0-9._-]+ ([0-9a-f]{64})");
    private static final String REFUSED =
            "Op rejected: the contract's message handler refused the message: the same text as the last message is refused";

    @TempDir
    Path work;

    @Test
    void everyPeerRunsThePinnedAppsChatHookAndARefusedMessageIsPostedNowhere() throws Exception {
        // The version every peer must pin and run: the hash of the jar the distribution ships.
        String shippedHash = AppVersion.ofCode(PeerProcess.launcher().getParent().getParent()
                .resolve("plugins").resolve("intercom-sample-contract.jar"));
        int port = FreePorts.udp();
        String dht = "127.0.0.1:" + port;
        List<PeerProcess> peers = new ArrayList<>();
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port))) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);

            // 1. The creator pins the app it loaded from plugins/.
            PeerProcess creator = PeerProcess.start(work, "creator", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--app", APP);
            peers.add(creator);
            String creatorKey = creator.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String subnet = creator.awaitStdoutStartingWith(BOOTSTRAP, PeerProcess.STARTUP).substring(BOOTSTRAP.length());
            creator.awaitStdoutLine("Subnet writable: true", PeerProcess.STARTUP);
            String hash = pinnedHash(creator);
            assertThat(hash).as("the pinned version is the shipped jar's").isEqualTo(shippedHash);
            assertPinned(creator, APP, hash);

            // 2. An admin, chat on, and both joiners as writers.
            creator.type("/add_admin --address " + creatorKey);
            creator.awaitStdoutLine("Admin added: " + creatorKey, PeerProcess.REPLY);
            creator.type("/set_chat_status --enabled 1");
            creator.awaitStdoutLine("Set chat_status: on", PeerProcess.REPLY);
            List<String> keys = new ArrayList<>(List.of(creatorKey));
            for (String name : List.of("joiner1", "joiner2")) {
                PeerProcess joiner = PeerProcess.start(work, name, "--dht-bootstrap", dht, "--lan-discovery", "0",
                        "--subnet-bootstrap", subnet);
                peers.add(joiner);
                keys.add(joiner.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length()));
                String writer = joiner.awaitStdoutStartingWith(WRITER_KEY, PeerProcess.STARTUP)
                        .substring(WRITER_KEY.length());
                joiner.awaitStdoutLine("Subnet writable: false", PeerProcess.STARTUP);
                creator.type("/add_writer --key " + writer);
                joiner.awaitStdoutLine("Writer added: " + writer, PeerProcess.REPLY);
                // The joiner applied the pin from the log: it runs the same version with no flag.
                joiner.awaitStdoutLine("Contract pinned: " + APP + " " + hash, PeerProcess.REPLY);
            }
            PeerProcess joiner1 = peers.get(1);
            PeerProcess joiner2 = peers.get(2);

            // 3. Posts one at a time, each applied everywhere before the next, so the order is known.
            post(creator, "hello from the creator", 1, keys.get(0), peers);
            post(joiner1, "hi all", 2, keys.get(1), peers);
            // joiner2 repeats the last message, by another author: the hook refuses it on every peer.
            int from = joiner2.stdout().size();
            joiner2.type("/post --message \"hi all\"");
            joiner2.awaitStdoutStartingWith(REFUSED, PeerProcess.REPLY, from);
            // Had it been posted, it would be #3 everywhere; the next message takes #3 instead.
            post(joiner2, "hey", 3, keys.get(2), peers);
            post(creator, "bye", 4, keys.get(0), peers);

            String lastMessage = "{\"address\":\"" + creatorKey + "\",\"msg\":\"bye\"}";
            for (PeerProcess peer : peers) {
                awaitGet(peer, "msgl", "4");
                awaitGet(peer, "app/sample/last_message", lastMessage);
                awaitGet(peer, "app/sample/messages/" + keys.get(0), "2");
                awaitGet(peer, "app/sample/messages/" + keys.get(1), "1");
                awaitGet(peer, "app/sample/messages/" + keys.get(2), "1");
                // The refused text was applied once only, as joiner1's #2.
                assertThat(peer.stdout()).filteredOn(line -> line.startsWith("#") && line.endsWith(": hi all"))
                        .containsExactly("#2 | " + keys.get(1) + ": hi all");
                assertPinned(peer, APP, hash);
            }

            // The plugin's own command is there too.
            joiner1.type("/sample_info");
            joiner1.awaitStdoutLine("Contract app " + APP + " (pin it when creating a subnet: --app " + APP + ")",
                    PeerProcess.REPLY);

            // Transactions: a function, a schema-checked function, and one its schema refuses.
            creator.awaitStdoutStartingWith("Subnet deployed on the embedded MSB: ", PeerProcess.STARTUP);
            tx(creator, "tally 5", 1);
            tx(creator, "profile ada blue", 2);
            int before = creator.stdout().size();
            creator.type("/tx --command \"profile ada purple\" --sim 1");
            creator.awaitStdoutStartingWith("Invalid schema.", PeerProcess.REPLY, before);
            // Feature data: the admin's clock, applied by the app's feature handler on every peer.
            before = creator.stdout().size();
            creator.type("/sample_clock");
            String clock = creator.awaitStdoutStartingWith("Clock feature appended: ", PeerProcess.REPLY, before)
                    .substring("Clock feature appended: ".length());
            for (PeerProcess peer : peers) {
                awaitGet(peer, "app/sample/clock", clock);
                awaitGet(peer, "txl", "2");
                awaitGet(peer, "app/sample/tally/" + creatorKey, "5");
                awaitGet(peer, "app/sample/profile/" + creatorKey, "{\"color\":\"blue\",\"name\":\"ada\"}");
            }
        } catch (AssertionError | ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, peers);
        } finally {
            peers.forEach(PeerProcess::close);
        }
    }

    @Test
    void theGraalJsSampleAppRunsAlikeOnThreePeers() throws Exception {
        String app = "sample";
        String shippedHash = AppVersion.ofJsApp(PeerProcess.launcher().getParent().getParent().resolve("apps")
                .resolve(app));
        int port = FreePorts.udp();
        String dht = "127.0.0.1:" + port;
        List<PeerProcess> peers = new ArrayList<>();
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port))) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            PeerProcess creator = PeerProcess.start(work, "creator", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--app", app);
            peers.add(creator);
            String creatorKey = creator.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String subnet = creator.awaitStdoutStartingWith(BOOTSTRAP, PeerProcess.STARTUP).substring(BOOTSTRAP.length());
            assertThat(pinnedHash(creator)).as("the pinned version is the shipped app's").isEqualTo(shippedHash);
            creator.type("/add_admin --address " + creatorKey);
            creator.awaitStdoutLine("Admin added: " + creatorKey, PeerProcess.REPLY);
            creator.type("/set_chat_status --enabled 1");
            creator.awaitStdoutLine("Set chat_status: on", PeerProcess.REPLY);

            PeerProcess joiner = PeerProcess.start(work, "joiner", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--subnet-bootstrap", subnet);
            peers.add(joiner);
            String joinerKey = joiner.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String writer = joiner.awaitStdoutStartingWith(WRITER_KEY, PeerProcess.STARTUP).substring(WRITER_KEY.length());
            creator.type("/add_writer --key " + writer);
            joiner.awaitStdoutLine("Writer added: " + writer, PeerProcess.REPLY);
            joiner.awaitStdoutLine("Contract pinned: " + app + " " + shippedHash, PeerProcess.REPLY);
            // A third peer only reads: it applies the same ops, so its view must be the same.
            PeerProcess reader = PeerProcess.start(work, "reader", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--subnet-bootstrap", subnet);
            peers.add(reader);
            reader.awaitStdoutLine("Contract pinned: " + app + " " + shippedHash, PeerProcess.STARTUP);

            post(creator, "hello from js", 1, creatorKey, peers);
            // The JavaScript chat hook refuses spam on every peer.
            int from = joiner.stdout().size();
            joiner.type("/post --message \"buy spam now\"");
            assertThat(joiner.awaitStdoutStartingWith("Op rejected: ", PeerProcess.REPLY, from))
                    .isEqualTo("Op rejected: the contract's message handler refused the message: no spam here");
            post(joiner, "hi", 2, joinerKey, peers);

            // A line no command matches goes to the pinned app's customCommand, which prints.
            creator.type("/sample --x 1");
            creator.awaitStdoutLine("sample app, arguments: {\"x\":\"1\"}", PeerProcess.REPLY);

            // A transaction of the JavaScript contract, and one its schema refuses.
            creator.awaitStdoutStartingWith("Subnet deployed on the embedded MSB: ", PeerProcess.STARTUP);
            tx(creator, "note hello from the js app", 1);
            int before = creator.stdout().size();
            creator.type("/tx --command \"spend -5\" --sim 1");
            creator.awaitStdoutStartingWith("Invalid schema.", PeerProcess.REPLY, before);

            // Feature data: the creator, now the admin, restarts with --timer, whose first tick
            // appends the time; the app's timer_feature handler keeps it on every peer.
            creator.type("/exit");
            assertThat(creator.awaitExit(PeerProcess.REPLY)).isZero();
            creator = PeerProcess.start(work, "creator", "--dht-bootstrap", dht, "--lan-discovery", "0", "--app", app,
                    "--timer");
            peers.set(0, creator);
            String time = awaitValue(creator, "app/sample/currentTime");
            assertThat(time).matches("[0-9]{13}");
            for (PeerProcess peer : peers) {
                awaitGet(peer, "app/sample/currentTime", time);
            }

            String lastMessage = "{\"address\":\"" + joinerKey + "\",\"at\":null,\"msg\":\"hi\"}";
            for (PeerProcess peer : peers) {
                awaitGet(peer, "msgl", "2");
                awaitGet(peer, "app/sample/lastMessage", lastMessage);
                awaitGet(peer, "txl", "1");
                // The view keeps object keys sorted (canonical JSON).
                awaitGet(peer, "app/sample/notes/hello", "{\"at\":null,\"by\":\"" + creatorKey
                        + "\",\"text\":\"from the js app\",\"title\":\"hello\"}");
                assertPinned(peer, app, shippedHash);
            }
        } catch (AssertionError | ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, peers);
        } finally {
            peers.forEach(PeerProcess::close);
        }
    }

    /** Simulates {@code command}, then pays for it; the relay appends it as the subnet's {@code number}th transaction. */
    private static void tx(PeerProcess peer, String command, int number) throws IOException {
        int from = peer.stdout().size();
        peer.type("/tx --command \"" + command + "\" --sim 1");
        assertThat(peer.awaitStdoutStartingWith("Simulation OK: ", PeerProcess.REPLY, from)).endsWith(
                "runs without error. Nothing was paid or appended.");
        peer.type("/tx --command \"" + command + "\"");
        String hash = peer.awaitStdoutStartingWith("MSB TX broadcasted: ", PeerProcess.REPLY, from)
                .substring("MSB TX broadcasted: ".length());
        peer.awaitStdoutStartingWith("MSB TX confirmed: " + hash, PeerProcess.REPLY, from);
        awaitGet(peer, "txl", String.valueOf(number));
    }

    /** The confirmed value of {@code key} once it is set, as {@code /get} prints it. */
    private static String awaitValue(PeerProcess peer, String key) {
        String[] value = {null};
        Awaitility.await().atMost(PeerProcess.STARTUP).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    int from = peer.stdout().size();
                    peer.type("/get --key " + key);
                    peer.type("/stats");
                    peer.awaitStdoutStartingWith("--- Stats ---", PeerProcess.REPLY, from);
                    int stats = peer.stdout().subList(from, peer.stdout().size()).indexOf("--- Stats ---");
                    String printed = peer.stdout().get(from + stats - 1);
                    value[0] = printed;
                    return printed.matches("[0-9]+");
                });
        return value[0];
    }

    /** The hash of the creator's {@code Contract pinned: <app> <hash>} line. */
    private static String pinnedHash(PeerProcess creator) {
        String line = creator.awaitStdoutStartingWith("Contract pinned: ", PeerProcess.REPLY);
        Matcher matcher = PINNED.matcher(line);
        assertThat(matcher.matches()).as("pin line %s", line).isTrue();
        return matcher.group(1);
    }

    /** {@code /contracts} names {@code app} at {@code hash} as the subnet's pin and as the loaded, pinned version. */
    private static void assertPinned(PeerProcess peer, String app, String hash) throws IOException {
        int from = peer.stdout().size();
        peer.type("/contracts");
        String pins = peer.awaitStdoutStartingWith("Subnet pins: ", PeerProcess.REPLY, from);
        assertThat(pins).isEqualTo("Subnet pins: " + app + " " + hash);
        String loaded = peer.awaitStdoutStartingWith(app + " " + hash, PeerProcess.REPLY, from);
        assertThat(loaded).isEqualTo(app + " " + hash + " (pinned)");
    }

    /** {@code author} posts {@code text}; every peer applies it as message number {@code number}. */
    private static void post(PeerProcess author, String text, int number, String authorKey, List<PeerProcess> peers)
            throws IOException {
        author.type("/post --message \"" + text + "\"");
        for (PeerProcess peer : peers) {
            peer.awaitStdoutLine("#" + number + " | " + authorKey + ": " + text, PeerProcess.REPLY);
        }
    }

    /** Asks {@code /get --key key} until the confirmed view holds {@code expected}. */
    private static void awaitGet(PeerProcess peer, String key, String expected) {
        Awaitility.await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    int from = peer.stdout().size();
                    peer.type("/get --key " + key);
                    // /stats ends the answer: the /get value is printed before its lines.
                    peer.type("/stats");
                    peer.awaitStdoutStartingWith("subnet.peers: ", PeerProcess.REPLY, from);
                    return peer.stdout().subList(from, peer.stdout().size()).contains(expected);
                });
    }
}
