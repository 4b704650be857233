package net.intercomj.sidechannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.network.Port;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.net.swarm.Firewall;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.sidechannel.auth.Invite;
import net.intercomj.sidechannel.auth.Welcome;
import net.intercomj.sidechannel.envelope.Envelope;
import net.intercomj.sidechannel.envelope.EnvelopeCodec;
import net.intercomj.sidechannel.pow.ProofOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input from a raw peer to a peer running the plugin. For each: nothing reaches the
 * receiver's apps, its console (debug on) names the reason of the drop, and it keeps delivering a
 * genuine message from another peer afterwards.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SidechannelBadInputTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ENTRY = Sidechannels.ENTRY_CHANNEL;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private LocalNetwork network;

    private final PeerWallet receiverWallet = PeerWallet.generate();
    private final PeerWallet ownerWallet = PeerWallet.generate();
    private TestPeer receiver;
    private TestPeer genuine;
    private RawPeer raw;

    @BeforeEach
    void startNetwork() throws Exception {
        network = new LocalNetwork(data);
    }

    @AfterEach
    void closeNetwork() throws Exception {
        network.close();
    }

    // ---- malformed envelopes

    @Test
    void notJson() throws Exception {
        Port port = start(defaults(), ENTRY);
        port.trySend("this is { not json".getBytes(StandardCharsets.UTF_8));
        assertDroppedAndStillServing(ENTRY, "malformed: not JSON");
    }

    @Test
    void aJsonArray() throws Exception {
        Port port = start(defaults(), ENTRY);
        port.trySend("[1,2,3]".getBytes(StandardCharsets.UTF_8));
        assertDroppedAndStillServing(ENTRY, "malformed: not a JSON object");
    }

    @Test
    void anEnvelopeWithoutId() throws Exception {
        Port port = start(defaults(), ENTRY);
        ObjectNode envelope = validEnvelope(ENTRY, "no id");
        envelope.remove("id");
        port.trySend(JSON.writeValueAsBytes(envelope));
        assertDroppedAndStillServing(ENTRY, "malformed: missing field id");
    }

    @Test
    void aTimestampThatIsAString() throws Exception {
        Port port = start(defaults(), ENTRY);
        ObjectNode envelope = validEnvelope(ENTRY, "ts as text");
        envelope.put("ts", envelope.get("ts").asText());
        assertThat(envelope.get("ts").isTextual()).isTrue();
        port.trySend(JSON.writeValueAsBytes(envelope));
        assertDroppedAndStillServing(ENTRY, "malformed: field ts is not an integer");
    }

    @Test
    void aFromThatIsNotHex() throws Exception {
        Port port = start(defaults(), ENTRY);
        ObjectNode envelope = validEnvelope(ENTRY, "from not hex");
        envelope.put("from", "zz".repeat(32));
        port.trySend(JSON.writeValueAsBytes(envelope));
        assertDroppedAndStillServing(ENTRY, "malformed: from is not 64 hex");
    }

    // ---- policy failures

    @Test
    void proofOfWorkWithTooFewBits() throws Exception {
        Port port = start(defaults(), ENTRY); // difficulty 12
        byte[] weak;
        Envelope decoded;
        do {
            // The first nonce with 4 zero bits reaches 12 about once in 256 tries: build another then.
            weak = Envelopes.envelope(raw.wallet, ENTRY, TextNode.valueOf("cheap work"), 4, Optional.empty(),
                    System.currentTimeMillis());
            decoded = EnvelopeCodec.decode(weak, Integer.MAX_VALUE);
        } while (ProofOfWork.check(decoded.id(), decoded.channel(), decoded.from(), decoded.origin(),
                decoded.message(), decoded.ts(), decoded.pow().orElseThrow().nonce(), 12));
        assertThat(decoded.pow().orElseThrow().difficulty()).isEqualTo(4);

        port.trySend(weak);
        assertDroppedAndStillServing(ENTRY, "invalid pow");
    }

    @Test
    void aForgedWelcomeOnAWelcomeRequiredChannel() throws Exception {
        Port port = start(defaults().owner("pub", ownerWallet.publicKeyHex()).extras("pub"), "pub");
        // Claims the configured owner but is signed by the raw peer.
        long now = System.currentTimeMillis();
        Welcome unsigned = new Welcome("pub", ownerWallet.publicKeyHex(), "forged", now, 1, "");
        Welcome forged = new Welcome("pub", ownerWallet.publicKeyHex(), "forged", now, 1,
                HexFormat.of().formatHex(raw.wallet.sign(unsigned.signedBytes())));

        ObjectNode control = JSON.createObjectNode().put("control", "welcome");
        control.set("welcome", forged.toJson());
        port.trySend(Envelopes.envelope(raw.wallet, "pub", control, 12, Optional.empty(), now));
        awaitDropLine("pub", "invalid welcome");
        // Carried by an app message, the forged welcome does not count either.
        ObjectNode carried = JSON.createObjectNode().put("text", "let me in");
        carried.set("welcome", forged.toJson());
        port.trySend(Envelopes.envelope(raw.wallet, "pub", carried, 12, Optional.empty(), System.currentTimeMillis()));
        awaitDropLine("pub", "awaiting welcome");

        assertThat(receiver.sidechannels().welcome("pub")).isEmpty();
        assertDroppedAndStillServing("pub", "invalid welcome");
    }

    @Test
    void anInviteForAnotherInviteeOnAnInviteOnlyChannel() throws Exception {
        Port port = start(defaults().inviteRequired(true).inviteChannels("vip")
                .inviterKeys(receiverWallet.publicKeyHex()).extras("vip"), "vip");
        // Genuine, from a trusted inviter, unexpired: but for someone else.
        String someoneElse = PeerWallet.generate().publicKeyHex();
        Invite invite = Invite.create(receiverWallet, "vip", someoneElse, System.currentTimeMillis(), 600_000,
                Optional.empty());

        ObjectNode auth = JSON.createObjectNode().put("control", "auth");
        auth.set("invite", invite.toJson());
        port.trySend(Envelopes.envelope(raw.wallet, "vip", auth, 12, Optional.empty(), System.currentTimeMillis()));
        ObjectNode chat = JSON.createObjectNode().put("text", "hi vip");
        chat.set("invite", invite.toJson());
        port.trySend(Envelopes.envelope(raw.wallet, "vip", chat, 12, Optional.empty(), System.currentTimeMillis()));

        await().atMost(WAIT).until(() -> dropLines("vip", "invite") == 2);
        assertDroppedAndStillServing("vip", "invite");
    }

    @Test
    void anUnknownControlIsDeliveredAsAnOrdinaryMessage() throws Exception {
        // Only auth, welcome and open_channel are the plane's own; anything else falls through to apps, as in the
        // original (§2.10 step 10). Its sender is proven like any message's, so nothing is spoofed.
        Port port = start(defaults(), ENTRY);
        port.trySend(Envelopes.signed(raw.wallet, ENTRY, "{\"control\":\"bogus\"}", 12, Optional.empty()));

        SidechannelMessage bogus = await().atMost(WAIT).until(
                () -> receiver.received.stream().filter(m -> m.from().equals(raw.key())).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(bogus.messageJson()).isEqualTo("{\"control\":\"bogus\"}");
        assertThat(bogus.channel()).isEqualTo(ENTRY);
        assertThat(receiver.console).noneMatch(line -> line.contains("drop (") && line.endsWith(raw.key()));
        assertStillServing();
    }

    @Test
    void aFloodAboveTheRateLimit() throws Exception {
        Port port = start(defaults().rate(2_000, 4_000, 3), ENTRY);
        TextNode big = TextNode.valueOf("f".repeat(5_000)); // each above the 4000-byte burst
        for (int i = 0; i < 6; i++) {
            port.trySend(Envelopes.envelope(raw.wallet, ENTRY, big, 12, Optional.empty(), System.currentTimeMillis()));
        }

        await().atMost(WAIT).until(() -> receiver.console.contains(
                "[sidechannel:" + ENTRY + "] rate-limit block " + raw.key() + " for 30000ms"));
        // Two strikes are dropped with a line, the third blocks, the rest are dropped silently.
        assertThat(dropLines(ENTRY, "rate limit")).isEqualTo(2);
        assertDroppedAndStillServing(ENTRY, "rate limit");
    }

    // ---- helpers

    private static ConfigBuilder defaults() {
        return new ConfigBuilder();
    }

    /** Starts the receiver, a genuine peer linked to it, and a raw peer with {@code channel}'s port open to it. */
    private Port start(ConfigBuilder receiverConfig, String channel) throws Exception {
        receiver = network.peer(receiverConfig.build(), receiverWallet, Firewall.OPEN, "receiver");
        PeerWallet genuineWallet = PeerWallet.generate();
        genuine = network.peer(defaults().build(), genuineWallet, Firewall.OPEN, "genuine");
        await().atMost(WAIT).until(() -> receiver.sidechannels().started() && genuine.sidechannels().started());
        await().atMost(WAIT).until(() -> receiver.sidechannels().connectionCount() >= 1
                && genuine.sidechannels().connectionCount() >= 1);
        if (!channel.equals(ENTRY)) {
            await().atMost(WAIT).until(() -> receiver.sidechannels().channels().contains(channel));
        }
        raw = network.rawPeer();
        return raw.open(channel, receiver);
    }

    private ObjectNode validEnvelope(String channel, String text) throws Exception {
        byte[] bytes = Envelopes.signed(raw.wallet, channel, new TextNode(text).toString(), 12, Optional.empty());
        return (ObjectNode) JSON.readTree(bytes);
    }

    private String dropLine(String channel, String reason) {
        return "[sidechannel:" + channel + "] drop (" + reason + ") from " + raw.key();
    }

    private long dropLines(String channel, String reason) {
        String line = dropLine(channel, reason);
        return receiver.console.stream().filter(line::equals).count();
    }

    private void awaitDropLine(String channel, String reason) {
        await().atMost(WAIT).until(() -> receiver.console.contains(dropLine(channel, reason)));
    }

    private void assertDroppedAndStillServing(String channel, String reason) {
        awaitDropLine(channel, reason);
        assertThat(receiver.received).noneMatch(m -> m.from().equals(raw.key()));
        assertStillServing();
        assertThat(receiver.received).noneMatch(m -> m.from().equals(raw.key()));
    }

    /** A genuine message from another peer still arrives. */
    private void assertStillServing() {
        String text = new TextNode("still here").toString();
        assertThat(genuine.sidechannels().send(ENTRY, text, Optional.empty(), Optional.empty())).isTrue();
        await().atMost(WAIT).until(() -> receiver.received.stream()
                .anyMatch(m -> m.from().equals(genuine.key()) && m.messageJson().equals(text)));
    }
}
