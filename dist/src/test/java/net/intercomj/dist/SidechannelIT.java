package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidechannel plugin as operators meet it: the distribution loads it from {@code plugins/},
 * and the black-box cases of spec upstream-sidechannel-bridge §5 that concern sidechannels and
 * the terminal hold against separate peer processes.
 */
@Timeout(300)
class SidechannelIT {

    private static final String PUBKEY = "Peer pubkey (hex): ";

    @TempDir
    Path work;

    @Test
    void twoPeersExchangeMessagesOnTheEntryChannelAndOnAWelcomedChannel() throws Exception {
        int port = FreePorts.udp();
        String bootstrap = "127.0.0.1:" + port;
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port));
                PeerProcess a = PeerProcess.start(work, "a", "--dht-bootstrap", bootstrap, "--lan-discovery", "0")) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            String keyA = a.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            try (PeerProcess b = PeerProcess.start(work, "b", "--dht-bootstrap", bootstrap, "--lan-discovery", "0",
                    "--sidechannel-owner", "pub1:" + keyA)) {
                b.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                a.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                a.awaitStderrCount("Connected to ", 1, PeerProcess.REPLY);

                // §5.21: a message on the entry channel, printed by the receiver with its proven sender.
                a.type("/sc_send --channel 0000intercom --message \"hello from a\"");
                b.awaitStdoutLine("[sidechannel:0000intercom] " + keyA + ": hello from a", PeerProcess.REPLY);

                // §5.23: pub1 needs the owner's welcome; b takes it from a's /sc_welcome output.
                a.type("/sc_welcome --channel pub1 --text \"welcome to pub1\"");
                String welcome = a.awaitStdoutStartingWith("welcome_b64: ", PeerProcess.REPLY)
                        .substring("welcome_b64: ".length());
                b.type("/sc_join --channel pub1 --welcome " + welcome);
                b.awaitStdoutLine("Joined sidechannel: pub1", PeerProcess.REPLY);
                a.type("/sc_join --channel pub1");
                a.awaitStdoutLine("Joined sidechannel: pub1", PeerProcess.REPLY);
                a.type("/sc_send --channel pub1 --message \"on pub1\"");
                b.awaitStdoutLine("[sidechannel:pub1] " + keyA + ": on pub1", PeerProcess.REPLY);

                b.type("/sc_stats");
                b.awaitStdoutLine("{ channels: [ '0000intercom', 'pub1' ], connectionCount: 1 }", PeerProcess.REPLY);
            }
        }
    }

    @Test
    void localPoliciesAnswerWithTheOriginalsWords() throws Exception {
        String someOwner = "ab".repeat(32);
        try (PeerProcess peer = PeerProcess.start(work, "solo", "--sidechannels", "a,0000intercom,b",
                "--sidechannel-owner", "news:" + someOwner, "--sidechannel-owner-write-channels", "news",
                "--sidechannel-invite-ttl", "0", "--sidechannel-max-bytes", "300", "--lan-discovery", "0")) {
            // §5.4: the entry channel is not an extra.
            peer.awaitStdoutLine("Sidechannel extras: a, b", PeerProcess.STARTUP);
            peer.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);

            // §5.24: only the owner may send on an owner-only channel.
            peer.type("/sc_send --channel news --message \"not mine\"");
            peer.awaitStdoutLine("Send denied (owner-only or invite required).", PeerProcess.REPLY);

            // §5.30: no TTL given and none configured.
            peer.type("/sc_invite --channel a --pubkey " + someOwner);
            peer.awaitStdoutLine("Invite TTL is required. Pass --ttl <sec> or set --sidechannel-invite-ttl.",
                    PeerProcess.REPLY);

            // §5.27 (with a small guard): the envelope is measured whole, signature and proof included.
            peer.type("/sc_send --channel 0000intercom --message \"" + "x".repeat(200) + "\"");
            String tooLarge = peer.awaitStdoutStartingWith("[sidechannel:0000intercom] message too large (",
                    PeerProcess.REPLY);
            assertThat(tooLarge).endsWith(" bytes > 300).");
            peer.awaitStdoutLine("Send denied (owner-only or invite required).", PeerProcess.REPLY);

            peer.type("/sc_join");
            peer.awaitStdoutLine("Usage: /sc_join --channel \"<name>\" [--invite <json|b64|@file>] [--welcome <json|b64|@file>]",
                    PeerProcess.REPLY);
            peer.type("/sc_join --channel x --invite %%%");
            peer.awaitStdoutLine("Invalid invite. Pass JSON, base64, or @file.", PeerProcess.REPLY);
        }
    }
}
