package net.intercomj.dist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two peers of the assembled distribution, each its own process, run one subnet through the
 * terminal: the creator names the admin, turns chat on and adds the joiner as a writer; the
 * joiner posts; both apply logs and views agree, and a restarted joiner keeps its state.
 */
class SubnetIT {

    private static final String PUBKEY = "Peer pubkey (hex): ";
    private static final String BOOTSTRAP = "Peer subnet bootstrap: ";
    private static final String WRITER_KEY = "Peer writer key (hex): ";

    @TempDir
    Path work;

    @Test
    void anAdminAddsAWriterWhosePostReachesEveryView() throws Exception {
        int port = FreePorts.udp();
        String dht = "127.0.0.1:" + port;
        List<PeerProcess> peers = new ArrayList<>();
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port))) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            PeerProcess admin = PeerProcess.start(work, "admin", "--dht-bootstrap", dht, "--lan-discovery", "0");
            peers.add(admin);
            String adminKey = admin.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String subnet = admin.awaitStdoutStartingWith(BOOTSTRAP, PeerProcess.STARTUP).substring(BOOTSTRAP.length());
            admin.awaitStdoutLine("Subnet writable: true", PeerProcess.STARTUP);

            PeerProcess joiner = PeerProcess.start(work, "joiner", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--subnet-bootstrap", subnet);
            peers.add(joiner);
            String joinerKey = joiner.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String joinerWriter = joiner.awaitStdoutStartingWith(WRITER_KEY, PeerProcess.STARTUP)
                    .substring(WRITER_KEY.length());
            joiner.awaitStdoutLine("Subnet writable: false", PeerProcess.STARTUP);

            admin.type("/add_admin --address " + adminKey);
            admin.awaitStdoutLine("Admin added: " + adminKey, PeerProcess.REPLY);
            admin.type("/set_chat_status --enabled 1");
            admin.awaitStdoutLine("Set chat_status: on", PeerProcess.REPLY);
            admin.type("/add_writer --key " + joinerWriter);
            admin.awaitStdoutLine("Writer added: " + joinerWriter, PeerProcess.REPLY);
            joiner.awaitStdoutLine("Writer added: " + joinerWriter, PeerProcess.REPLY);

            joiner.type("/post --message \"hello subnet\"");
            admin.awaitStdoutLine("#1 | " + joinerKey + ": hello subnet", PeerProcess.REPLY);
            joiner.awaitStdoutLine("#1 | " + joinerKey + ": hello subnet", PeerProcess.REPLY);
            admin.type("/get --key msgl");
            admin.awaitStdoutLine("1", PeerProcess.REPLY);
            joiner.type("/post --message");
            joiner.awaitStdoutLine("Command failed: Empty message not allowed", PeerProcess.REPLY);

            joiner.terminate();
            joiner.awaitExit(PeerProcess.REPLY);
            PeerProcess restarted = PeerProcess.start(work, "joiner", "--dht-bootstrap", dht, "--lan-discovery", "0");
            peers.set(1, restarted);
            restarted.awaitStdoutLine(BOOTSTRAP + subnet, PeerProcess.STARTUP);
            restarted.awaitStdoutLine("Subnet writable: true", PeerProcess.STARTUP);
            restarted.type("/get --key msg/0 --confirmed true");
            restarted.awaitStdoutStartingWith("{\"address\":\"" + joinerKey + "\"", PeerProcess.REPLY);
        } catch (AssertionError | org.awaitility.core.ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, peers);
        } finally {
            peers.forEach(PeerProcess::close);
        }
    }

    @Test
    void threeIndexersKeepOrderingWhenTheLeaderIsKilledAndAWipedReaderCatchesUp() throws Exception {
        int port = FreePorts.udp();
        String dht = "127.0.0.1:" + port;
        List<PeerProcess> peers = new ArrayList<>();
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port))) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            PeerProcess admin = PeerProcess.start(work, "admin", "--dht-bootstrap", dht, "--lan-discovery", "0");
            peers.add(admin);
            String adminKey = admin.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String adminWriter = admin.awaitStdoutStartingWith(WRITER_KEY, PeerProcess.STARTUP).substring(WRITER_KEY.length());
            String subnet = admin.awaitStdoutStartingWith(BOOTSTRAP, PeerProcess.STARTUP).substring(BOOTSTRAP.length());
            admin.type("/add_admin --address " + adminKey);
            admin.awaitStdoutLine("Admin added: " + adminKey, PeerProcess.REPLY);
            admin.type("/set_chat_status --enabled 1");
            admin.awaitStdoutLine("Set chat_status: on", PeerProcess.REPLY);

            // One joiner is added by the admin, the other asks while auto-add is on.
            PeerProcess added = joiner(work, "added", dht, subnet, peers);
            String addedWriter = added.awaitStdoutStartingWith(WRITER_KEY, PeerProcess.STARTUP).substring(WRITER_KEY.length());
            admin.type("/add_writer --key " + addedWriter);
            added.awaitStdoutLine("Writer added: " + addedWriter, PeerProcess.REPLY);
            admin.type("/set_auto_add_writers --enabled 1");
            admin.awaitStdoutLine("Set auto_add_writers: on", PeerProcess.REPLY);
            PeerProcess asked = joiner(work, "asked", dht, subnet, peers);
            String askedWriter = asked.awaitStdoutStartingWith(WRITER_KEY, PeerProcess.STARTUP).substring(WRITER_KEY.length());
            asked.awaitStdoutLine("Writer auto added: " + askedWriter, PeerProcess.REPLY);
            for (String writer : List.of(addedWriter, askedWriter)) {
                admin.type("/add_indexer --key " + writer);
                for (PeerProcess peer : peers) {
                    peer.awaitStdoutLine("Indexer added: " + writer, PeerProcess.REPLY);
                }
            }

            List<String> names = List.of("ada", "bo", "cy");
            List<String> pubkeys = new ArrayList<>();
            for (PeerProcess peer : peers) {
                pubkeys.add(peer.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length()));
            }
            for (int i = 0; i < 3; i++) {
                peers.get(i).type("/set_nick --nick \"" + names.get(i) + "\"");
                peers.get(i).type("/post --message \"hello from " + names.get(i) + "\"");
            }
            for (PeerProcess peer : peers) {
                awaitGet(peer, "msgl", "3");
            }
            // Every view applied the same ops in the same order: the same apply log lines, numbers included.
            List<String> applied = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                applied.add("Changed nick to " + names.get(i) + " (" + pubkeys.get(i) + ")");
                String post = ": hello from " + names.get(i);
                String prefix = "#";
                applied.add(admin.stdout().stream().filter(line -> line.startsWith(prefix) && line.endsWith(post))
                        .findFirst().orElseThrow(() -> new AssertionError("admin never applied" + post)));
            }
            for (PeerProcess peer : peers) {
                for (String line : applied) {
                    peer.awaitStdoutLine(line, PeerProcess.REPLY);
                }
            }
            String leader = statsLine(admin, "subnet.leader: ");
            List<String> writers = List.of(adminWriter, addedWriter, askedWriter);
            int leaderIndex = writers.indexOf(leader);
            if (leaderIndex < 0) {
                throw new AssertionError("The leader " + leader + " is none of the three indexers");
            }
            peers.get(leaderIndex).kill();
            peers.get(leaderIndex).awaitExit(PeerProcess.REPLY);
            List<PeerProcess> rest = new ArrayList<>(peers);
            rest.remove(leaderIndex);

            rest.getFirst().type("/post --message \"after the leader died\"");
            for (PeerProcess peer : rest) {
                awaitGet(peer, "msgl", "4");
                String newLeader = statsLine(peer, "subnet.leader: ");
                if (newLeader.equals(leader)) {
                    throw new AssertionError("The killed leader is still named leader");
                }
            }

            PeerProcess reader = PeerProcess.start(work, "reader", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--subnet-bootstrap", subnet);
            peers.add(reader);
            awaitGet(reader, "msgl", "4");
            reader.type("/get --key msg/3");
            reader.awaitStdoutStartingWith("{\"address\":", PeerProcess.REPLY);
        } catch (AssertionError | org.awaitility.core.ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, peers);
        } finally {
            peers.forEach(PeerProcess::close);
        }
    }

    private static PeerProcess joiner(Path work, String name, String dht, String subnet, List<PeerProcess> peers)
            throws Exception {
        PeerProcess joiner = PeerProcess.start(work, name, "--dht-bootstrap", dht, "--lan-discovery", "0",
                "--subnet-bootstrap", subnet);
        peers.add(joiner);
        return joiner;
    }

    /** Asks {@code /get --key key} until the confirmed view holds {@code expected}. */
    private static void awaitGet(PeerProcess peer, String key, String expected) {
        org.awaitility.Awaitility.await().atMost(PeerProcess.REPLY).pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> {
                    int from = peer.stdout().size();
                    peer.type("/get --key " + key);
                    peer.type("/stats");
                    peer.awaitStdoutStartingWith("subnet.peers: ", PeerProcess.REPLY, from);
                    return peer.stdout().subList(from, peer.stdout().size()).contains(expected);
                });
    }

    /** The value of one {@code /stats} line. */
    private static String statsLine(PeerProcess peer, String prefix) throws java.io.IOException {
        int from = peer.stdout().size();
        peer.type("/stats");
        return peer.awaitStdoutStartingWith(prefix, PeerProcess.REPLY, from).substring(prefix.length());
    }

    @Test
    void aPeerKilledWhileApplyingRestartsAtABatchBoundaryAndConfirmsEverythingItStored() throws Exception {
        List<PeerProcess> peers = new ArrayList<>();
        try {
            PeerProcess admin = PeerProcess.start(work, "crash", "--lan-discovery", "0");
            peers.add(admin);
            String adminKey = admin.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            admin.type("/add_admin --address " + adminKey);
            admin.awaitStdoutLine("Admin added: " + adminKey, PeerProcess.REPLY);
            admin.type("/set_chat_status --enabled 1");
            admin.awaitStdoutLine("Set chat_status: on", PeerProcess.REPLY);
            StringBuilder posts = new StringBuilder();
            for (int i = 1; i <= 400; i++) {
                posts.append("/post --message \"message ").append(i).append("\"\n");
            }
            admin.type(posts.toString().stripTrailing());
            admin.awaitStdoutStartingWith("#50 | ", PeerProcess.REPLY);
            admin.kill();
            admin.awaitExit(PeerProcess.REPLY);

            PeerProcess restarted = PeerProcess.start(work, "crash", "--lan-discovery", "0");
            peers.set(0, restarted);
            restarted.awaitStdoutLine("Subnet writable: true", PeerProcess.STARTUP);
            // Whatever the kill left in the log gets confirmed and applied, each op once. Three ops come
            // before the posts: the subnet's MSB network (recorded at its first start), addAdmin, setChatStatus.
            long stored = awaitFullyConfirmed(restarted);
            restarted.type("/get --key msgl");
            restarted.awaitStdoutLine(String.valueOf(stored - 3), PeerProcess.REPLY);
            restarted.type("/get --key msg/" + (stored - 4));
            restarted.awaitStdoutStartingWith("{\"address\":\"" + adminKey + "\"", PeerProcess.REPLY);
        } catch (AssertionError | org.awaitility.core.ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, peers);
        } finally {
            peers.forEach(PeerProcess::close);
        }
    }

    /** Asks /stats until every stored entry is confirmed and applied; returns the number of entries. */
    private static long awaitFullyConfirmed(PeerProcess peer) {
        long[] entries = {-1};
        org.awaitility.Awaitility.await().atMost(PeerProcess.REPLY).pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> {
                    int from = peer.stdout().size();
                    peer.type("/stats");
                    String lag = peer.awaitStdoutStartingWith("subnet.lag: ", PeerProcess.REPLY, from);
                    String applied = peer.awaitStdoutStartingWith("subnet.appliedBatches: ", PeerProcess.REPLY, from);
                    String confirmed = peer.awaitStdoutStartingWith("subnet.confirmedBatches: ", PeerProcess.REPLY, from);
                    entries[0] = Long.parseLong(peer.awaitStdoutStartingWith("subnet.entries: ", PeerProcess.REPLY, from)
                            .substring("subnet.entries: ".length()));
                    return lag.equals("subnet.lag: 0") && applied.substring(applied.indexOf(' '))
                            .equals(confirmed.substring(confirmed.indexOf(' ')));
                });
        return entries[0];
    }
}
