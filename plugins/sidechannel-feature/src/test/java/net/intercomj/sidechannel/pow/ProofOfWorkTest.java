package net.intercomj.sidechannel.pow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.OptionalLong;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.sidechannel.envelope.Envelope;
import net.intercomj.sidechannel.envelope.EnvelopeCodec;
import net.intercomj.sidechannel.envelope.MessageSignature;
import net.intercomj.sidechannel.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/** Known answers were computed with the original's JavaScript functions under Node.js. */
class ProofOfWorkTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FROM = "ab".repeat(32);
    private static final String ID = FROM + ":1700000000000:k3j4h5g6";
    private static final long TS = 1_700_000_000_000L;

    private static JsonNode message() throws Exception {
        return MAPPER.readTree("{\"text\":\"hi\",\"n\":[1,2.5]}");
    }

    @Test
    void baseIsHashedAsCanonicalJson() throws Exception {
        ObjectNode base = ProofOfWork.base(ID, "pub1", FROM, FROM, message(), TS, 0);
        assertThat(CanonicalJson.stringify(base)).isEqualTo("{\"channel\":\"pub1\",\"from\":\"" + FROM + "\",\"id\":\""
                + ID + "\",\"message\":{\"n\":[1,2.5],\"text\":\"hi\"},\"nonce\":0,\"origin\":\"" + FROM
                + "\",\"ts\":1700000000000}");
        assertThat(ProofOfWork.hashHex(base))
                .isEqualTo("67303ea322682d691cdd9c265dd0c69c9794ebcad8c4b72c0d0701f04e5061ce");
    }

    @Test
    void baseTurnsNullsIntoJsonNull() {
        ObjectNode base = ProofOfWork.base(null, "c", null, null, null, 5, 7);
        assertThat(CanonicalJson.stringify(base))
                .isEqualTo("{\"channel\":\"c\",\"from\":null,\"id\":null,\"message\":null,\"nonce\":7,\"origin\":null,\"ts\":5}");
    }

    @Test
    void solveFindsTheSameNonceAsTheOriginal() throws Exception {
        assertThat(ProofOfWork.solve(ID, "pub1", FROM, FROM, message(), TS, 8, 1_000_000)).hasValue(51);
        assertThat(ProofOfWork.solve(ID, "pub1", FROM, FROM, message(), TS, 12, 1_000_000)).hasValue(1599);
        assertThat(ProofOfWork.hashHex(ProofOfWork.base(ID, "pub1", FROM, FROM, message(), TS, 1599)))
                .isEqualTo("0002bbeedfcc9d6a79d57bd0efa5391f65565d539aedc810a5d8036cbe593d6f");
    }

    @Test
    void solveAgreesWithHashingTheFullBase() {
        // The solver hashes prefix + nonce + suffix; this pins it to the straightforward computation.
        JsonNode message = TextNode.valueOf("\u0000é😀\"");
        for (int difficulty = 1; difficulty <= 10; difficulty++) {
            long nonce = ProofOfWork.solve("id", "ch", FROM, FROM, message, -5, difficulty, 100_000).orElseThrow();
            assertThat(ProofOfWork.leadingZeroBits(ProofOfWork.hashHex(
                    ProofOfWork.base("id", "ch", FROM, FROM, message, -5, nonce)))).isGreaterThanOrEqualTo(difficulty);
            for (long smaller = 0; smaller < nonce; smaller++) {
                assertThat(ProofOfWork.check("id", "ch", FROM, FROM, message, -5, smaller, difficulty)).isFalse();
            }
        }
    }

    @Test
    void solveIsBounded() throws Exception {
        assertThat(ProofOfWork.solve(ID, "pub1", FROM, FROM, message(), TS, 12, 1599)).isEmpty();
        assertThat(ProofOfWork.solve(ID, "pub1", FROM, FROM, message(), TS, 12, 1600)).hasValue(1599);
        assertThat(ProofOfWork.solve(ID, "pub1", FROM, FROM, message(), TS, 256, 1000)).isEmpty();
        assertThat(ProofOfWork.solve(ID, "pub1", FROM, FROM, message(), TS, 12, 0)).isEmpty();
    }

    @Test
    void zeroDifficultyNeedsNoWork() throws Exception {
        assertThat(ProofOfWork.solve(ID, "pub1", FROM, FROM, message(), TS, 0, 0)).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void checkUsesTheRequiredDifficulty() throws Exception {
        assertThat(ProofOfWork.check(ID, "pub1", FROM, FROM, message(), TS, 1599, 12)).isTrue();
        assertThat(ProofOfWork.check(ID, "pub1", FROM, FROM, message(), TS, 1599, 14)).isTrue(); // 0002… = 14 bits
        assertThat(ProofOfWork.check(ID, "pub1", FROM, FROM, message(), TS, 1599, 15)).isFalse();
        assertThat(ProofOfWork.check(ID, "pub1", FROM, FROM, message(), TS, 1598, 12)).isFalse();
        assertThat(ProofOfWork.check(ID, "pub1", FROM, FROM, message(), TS, 1599, 0)).isFalse();
    }

    @Test
    void checkFailsWhenAnyCoveredFieldChanges() throws Exception {
        assertThat(ProofOfWork.check(ID + "x", "pub1", FROM, FROM, message(), TS, 1599, 12)).isFalse();
        assertThat(ProofOfWork.check(ID, "pub2", FROM, FROM, message(), TS, 1599, 12)).isFalse();
        assertThat(ProofOfWork.check(ID, "pub1", FROM, FROM, message(), TS + 1, 1599, 12)).isFalse();
        assertThat(ProofOfWork.check(ID, "pub1", FROM, FROM, TextNode.valueOf("hi"), TS, 1599, 12)).isFalse();
        assertThat(ProofOfWork.check(ID, "pub1", FROM, "cd".repeat(32), message(), TS, 1599, 12)).isFalse();
    }

    @Test
    void leadingZeroBitsCountsNibbles() {
        assertThat(ProofOfWork.leadingZeroBits("ffff")).isZero();
        assertThat(ProofOfWork.leadingZeroBits("8000")).isZero();
        assertThat(ProofOfWork.leadingZeroBits("7000")).isEqualTo(1);
        assertThat(ProofOfWork.leadingZeroBits("3000")).isEqualTo(2);
        assertThat(ProofOfWork.leadingZeroBits("1000")).isEqualTo(3);
        assertThat(ProofOfWork.leadingZeroBits("0f00")).isEqualTo(4);
        assertThat(ProofOfWork.leadingZeroBits("001a")).isEqualTo(11);
        assertThat(ProofOfWork.leadingZeroBits("00A0")).isEqualTo(8);
        assertThat(ProofOfWork.leadingZeroBits("0000")).isEqualTo(16);
        assertThat(ProofOfWork.leadingZeroBits("")).isZero();
        assertThat(ProofOfWork.leadingZeroBits("0g")).isEqualTo(4);
    }

    /** Fix §6.1: an open request without invite/welcome still passes PoW after travelling. */
    @Test
    void openChannelRequestWithoutInviteOrWelcomePassesAfterRoundTrip() throws Exception {
        PeerWallet wallet = PeerWallet.generate();
        String from = wallet.publicKeyHex();
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("control", "open_channel");
        request.put("channel", "target");
        String id = from + ":" + TS + ":abcdefgh";
        long nonce = ProofOfWork.solve(id, "0000intercom", from, from, request, TS, 12, 1 << 24).orElseThrow();
        String sig = MessageSignature.sign(wallet, id, "0000intercom", from, from, TS, request);
        byte[] wire = EnvelopeCodec.encode(new Envelope("sidechannel", id, "0000intercom", from, from, request, TS, 3,
                Optional.empty(), Optional.of(new Envelope.Pow(nonce, 12)), sig, Optional.empty()));

        Envelope received = EnvelopeCodec.decode(wire, 1_000_000);

        assertThat(received.message()).isEqualTo(request);
        assertThat(ProofOfWork.check(received.id(), received.channel(), received.from(), received.origin(),
                received.message(), received.ts(), received.pow().orElseThrow().nonce(), 12)).isTrue();
        assertThat(MessageSignature.verify(PeerWallet::verify, received)).isTrue();
    }
}
