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
}
