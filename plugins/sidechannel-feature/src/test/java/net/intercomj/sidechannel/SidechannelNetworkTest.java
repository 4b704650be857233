package net.intercomj.sidechannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.net.swarm.Firewall;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each policy end to end, between real peers on 127.0.0.1 running the plugin as the host does. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SidechannelNetworkTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private LocalNetwork network;

    @BeforeEach
    void startNetwork() throws Exception {
        network = new LocalNetwork(data);
    }

    @AfterEach
    void closeNetwork() throws Exception {
        network.close();
    }

    private TestPeer peer(SidechannelConfig config) throws Exception {
        return peer(config, PeerWallet.generate(), Firewall.OPEN);
    }

    private TestPeer peer(SidechannelConfig config, PeerWallet wallet, Firewall firewall) throws Exception {
        TestPeer peer = network.peer(config, wallet, firewall, wallet.publicKeyHex());
        await().atMost(WAIT).until(() -> peer.sidechannels().started());
        return peer;
    }

    private RawPeer rawPeer() throws Exception {
        return network.rawPeer();
    }

    private static ConfigBuilder config() {
        return new ConfigBuilder();
    }

    private static void awaitLinked(TestPeer... peers) {
        await().atMost(WAIT).until(() -> java.util.Arrays.stream(peers)
                .allMatch(p -> p.sidechannels().connectionCount() >= peers.length - 1));
    }

    private static String text(String value) {
        return new com.fasterxml.jackson.databind.node.TextNode(value).toString();
    }

    @Test
    void aMessageOnTheEntryChannelArrivesWithItsSenderProven() throws Exception {
        TestPeer a = peer(config().build());
        TestPeer b = peer(config().build());
        awaitLinked(a, b);

        assertThat(a.sidechannels().send(Sidechannels.ENTRY_CHANNEL, text("hello"), Optional.empty(), Optional.empty()))
                .isTrue();

        SidechannelMessage message = await().atMost(WAIT).until(() -> b.received.stream().findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(message.channel()).isEqualTo(Sidechannels.ENTRY_CHANNEL);
        assertThat(message.from()).isEqualTo(a.key());
        assertThat(message.origin()).isEqualTo(a.key());
        assertThat(message.sig()).matches("[0-9a-f]{128}");
        assertThat(message.ttl()).isEqualTo(3);
        assertThat(message.relayedBy()).isEmpty();
        assertThat(message.messageJson()).isEqualTo("\"hello\"");
        assertThat(a.received).isEmpty();
    }

    @Test
    void aPublicChannelDeliversOnlyOnceTheOwnersWelcomeArrived() throws Exception {
        PeerWallet ownerWallet = PeerWallet.generate();
        SidechannelConfig owned = config().owner("pub1", ownerWallet.publicKeyHex()).build();
        TestPeer owner = peer(owned, ownerWallet, Firewall.OPEN);
        TestPeer member = peer(owned);
        // Knows no owner of pub1: no welcome can verify, so nothing is delivered to it.
        TestPeer stranger = peer(config().build());
        assertThat(owner.run("/sc_welcome --channel pub1 --text \"hi all\"")).hasSize(2)
                .last().asString().startsWith("welcome_b64: ");

        for (TestPeer peer : List.of(owner, member, stranger)) {
            assertThat(peer.run("/sc_join --channel pub1")).containsExactly("Joined sidechannel: pub1");
        }
        await().atMost(WAIT).until(() -> member.sidechannels().welcome("pub1").isPresent());

        owner.run("/sc_send --channel pub1 --message \"first\"");

        await().atMost(WAIT).until(() -> member.receivedOn("pub1").contains("\"first\""));
        assertThat(stranger.receivedOn("pub1")).isEmpty();
        assertThat(stranger.sidechannels().welcome("pub1")).isEmpty();
    }

    @Test
    void onAnOwnerOnlyChannelOthersCannotSendAndASpoofedSenderIsDropped() throws Exception {
        PeerWallet ownerWallet = PeerWallet.generate();
        SidechannelConfig ownerOnly = config().owner("news", ownerWallet.publicKeyHex()).ownerWriteChannels("news")
                .welcomeRequired(false).build();
        TestPeer owner = peer(ownerOnly, ownerWallet, Firewall.OPEN);
        TestPeer reader = peer(ownerOnly);
        TestPeer other = peer(ownerOnly);
        for (TestPeer peer : List.of(owner, reader, other)) {
            peer.run("/sc_join --channel news");
        }

        assertThat(other.run("/sc_send --channel news --message \"fake news\""))
                .containsExactly("Send denied (owner-only or invite required).");

        // A hostile peer claims to be the owner, signing with its own key.
        RawPeer forger = rawPeer();
        var port = forger.open("news", reader);
        port.trySend(Envelopes.signed(forger.wallet, "news", text("forged"), 12, Optional.of(ownerWallet.publicKeyHex())));

        owner.run("/sc_send --channel news --message \"real news\"");
        await().atMost(WAIT).until(() -> reader.receivedOn("news").contains("\"real news\""));
        assertThat(reader.receivedOn("news")).containsExactly("\"real news\"");
    }

    @Test
    void onAnInviteOnlyChannelAnUninvitedListenerReceivesNothing() throws Exception {
        PeerWallet inviterWallet = PeerWallet.generate();
        SidechannelConfig gated = config().inviteRequired(true).inviteChannels("vip")
                .inviterKeys(inviterWallet.publicKeyHex()).welcomeRequired(false).build();
        TestPeer inviter = peer(gated, inviterWallet, Firewall.OPEN);
        TestPeer guest = peer(gated);
        TestPeer uninvited = peer(gated);
        inviter.run("/sc_join --channel vip");
        assertThat(uninvited.run("/sc_join --channel vip")).containsExactly("Join denied (invite required or invalid).");

        List<String> invite = inviter.run("/sc_invite --channel vip --pubkey " + guest.key() + " --ttl 600");
        assertThat(invite).hasSize(2);
        String inviteB64 = invite.get(1).substring("invite_b64: ".length());
        assertThat(guest.run("/sc_join --channel vip --invite " + inviteB64)).containsExactly("Joined sidechannel: vip");

        // A listener on the topic that opened the channel's protocol without an invite.
        RawPeer listener = rawPeer();
        listener.open("vip", inviter);

        await().atMost(WAIT).until(() -> {
            inviter.run("/sc_send --channel vip --message \"secret\"");
            return guest.receivedOn("vip").contains("\"secret\"");
        });
        assertThat(inviter.network.pinger(guest.networkKey())).isPresent();
        inviter.network.pinger(listener.network.swarm().selfAddress().publicKey()).orElseThrow()
                .ping(10, Duration.ofSeconds(10));
        assertThat(listener.received).isEmpty();
        assertThat(uninvited.receivedOn("vip")).isEmpty();
    }

    @Test
    void anExpiredInviteIsRefusedAtJoin() throws Exception {
        PeerWallet inviterWallet = PeerWallet.generate();
        SidechannelConfig gated = config().inviteRequired(true).inviteChannels("vip")
                .inviterKeys(inviterWallet.publicKeyHex()).welcomeRequired(false).build();
        TestPeer inviter = peer(gated, inviterWallet, Firewall.OPEN);
        TestPeer guest = peer(gated);
        String invite = inviter.run("/sc_invite --channel vip --pubkey " + guest.key() + " --ttl 1").get(1)
                .substring("invite_b64: ".length());

        guest.skewMillis.addAndGet(2_000);

        assertThat(guest.run("/sc_join --channel vip --invite " + invite))
                .contains("Join denied (invite required or invalid).");
        assertThat(guest.sidechannels().channels()).doesNotContain("vip");
    }

    @Test
    void aMessageIsRelayedAlongAChainOfPeersThatAreNotMeshed() throws Exception {
        PeerWallet[] wallets = {PeerWallet.generate(), PeerWallet.generate(), PeerWallet.generate(),
                PeerWallet.generate()};
        List<TestPeer> chain = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Set<String> neighbours = new java.util.HashSet<>();
            if (i > 0) {
                neighbours.add(wallets[i - 1].publicKeyHex());
            }
            if (i < 3) {
                neighbours.add(wallets[i + 1].publicKeyHex());
            }
            chain.add(peer(config().build(), wallets[i], (key, address) -> neighbours.contains(key.toHex())));
        }
        await().atMost(WAIT).until(() -> chain.get(1).sidechannels().connectionCount() == 2
                && chain.get(2).sidechannels().connectionCount() == 2);

        chain.get(0).sidechannels().send(Sidechannels.ENTRY_CHANNEL, text("along"), Optional.empty(), Optional.empty());

        SidechannelMessage atEnd = await().atMost(WAIT).until(() -> chain.get(3).received.stream().findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(atEnd.from()).isEqualTo(chain.get(0).key());
        assertThat(atEnd.ttl()).isEqualTo(1);
        assertThat(atEnd.relayedBy()).contains(chain.get(2).key());
        assertThat(chain.get(1).received).extracting(SidechannelMessage::ttl).containsExactly(3);
    }

    @Test
    void aMessageReachingAPeerTwiceIsDeliveredOnce() throws Exception {
        TestPeer a = peer(config().build());
        TestPeer b = peer(config().build());
        TestPeer c = peer(config().build());
        awaitLinked(a, b, c);

        a.sidechannels().send(Sidechannels.ENTRY_CHANNEL, text("once"), Optional.empty(), Optional.empty());

        // b hears it from a and again relayed by c; c likewise.
        await().atMost(WAIT).until(() -> b.received.size() == 1 && c.received.size() == 1);
        a.sidechannels().send(Sidechannels.ENTRY_CHANNEL, text("twice"), Optional.empty(), Optional.empty());
        await().atMost(WAIT).until(() -> b.received.size() == 2 && c.received.size() == 2);
        assertThat(b.received).extracting(SidechannelMessage::messageJson).containsExactly("\"once\"", "\"twice\"");
    }

    @Test
    void aFloodingPeerIsBlockedThenHeardAgainOnceTheBlockEnds() throws Exception {
        SidechannelConfig strict = config().rate(2_000, 4_000, 3).pow(false).build();
        TestPeer sender = peer(config().pow(false).build());
        TestPeer receiver = peer(strict);
        awaitLinked(sender, receiver);
        String big = text("x".repeat(1_500));

        for (int i = 0; i < 12; i++) {
            sender.sidechannels().send(Sidechannels.ENTRY_CHANNEL, big, Optional.empty(), Optional.empty());
        }
        sender.sidechannels().send(Sidechannels.ENTRY_CHANNEL, text("during block"), Optional.empty(), Optional.empty());
        await().atMost(WAIT).until(() -> receiver.received.size() >= 1);
        // Sent after the block started: dropped. Ping to be sure everything sent so far was read.
        sender.network.pinger(receiver.networkKey()).orElseThrow().ping(10, Duration.ofSeconds(10));
        assertThat(receiver.received.size()).isBetween(1, 4);
        assertThat(receiver.receivedOn(Sidechannels.ENTRY_CHANNEL)).doesNotContain("\"during block\"");

        receiver.skewMillis.addAndGet(31_000);
        sender.sidechannels().send(Sidechannels.ENTRY_CHANNEL, text("after block"), Optional.empty(), Optional.empty());
        await().atMost(WAIT).until(() -> receiver.receivedOn(Sidechannels.ENTRY_CHANNEL).contains("\"after block\""));
    }

    @Test
    void anOpenRequestWithAWelcomeMakesAnAutoJoiningPeerJoin() throws Exception {
        PeerWallet ownerWallet = PeerWallet.generate();
        TestPeer owner = peer(config().owner("team", ownerWallet.publicKeyHex()).build(), ownerWallet, Firewall.OPEN);
        TestPeer joiner = peer(config().owner("team", ownerWallet.publicKeyHex()).autoJoin(true).build());
        awaitLinked(owner, joiner);
        owner.run("/sc_welcome --channel team --text \"welcome to team\"");

        assertThat(owner.run("/sc_open --channel team")).containsExactly("Requested channel: team");

        await().atMost(WAIT).until(() -> joiner.console.contains("[sidechannel] auto-joined channel: team"));
        assertThat(joiner.sidechannels().channels()).contains("team");
        assertThat(joiner.received).anyMatch(m -> m.messageJson().contains("\"open_channel\""));
    }
}
