package net.intercomj.sidechannel.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

class MessageSignatureTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SignatureVerifier VERIFIER = PeerWallet::verify;
    private static final long TS = 1_700_000_000_000L;
    // Produced by Node.js crypto (Ed25519) from the seed 0x07 × 32 over the original's signature base.
    private static final String JS_KEY = "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c";
    private static final String JS_SIG = "f5e9967d4d0025e8fc5e7f0f9721d2f84db3be2dee6cb947668d81ae15462a50"
            + "53699c6669bbcbc4bd218571c31e684fbd80934f5a66ea385eee06a05b21ca02";

    private static Envelope envelope(String from, String id, String channel, JsonNode message, String sig) {
        return new Envelope("sidechannel", id, channel, from, from, message, TS, 3, Optional.empty(), Optional.empty(),
                sig, Optional.empty());
    }

    @Test
    void signedBytesMatchTheOriginalBase() {
        String from = "ab".repeat(32);
        String id = from + ":1700000000000:k3j4h5g6";
        byte[] bytes = MessageSignature.signedBytes(id, "pub1", from.toUpperCase(), from, TS, TextNode.valueOf("hi"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"channel\":\"pub1\",\"from\":\"" + from
                + "\",\"id\":\"" + id + "\",\"kind\":\"sidechannel_message_v1\",\"message\":\"hi\",\"origin\":\"" + from
                + "\",\"ts\":1700000000000}");
    }

    @Test
    void signedBytesTurnNullsIntoJsonNull() {
        assertThat(new String(MessageSignature.signedBytes(null, null, null, null, 0, null), StandardCharsets.UTF_8))
                .isEqualTo("{\"channel\":null,\"from\":null,\"id\":null,\"kind\":\"sidechannel_message_v1\","
                        + "\"message\":null,\"origin\":null,\"ts\":0}");
    }

    @Test
    void verifiesASignatureMadeByJavaScript() throws Exception {
        JsonNode message = MAPPER.readTree("{\"text\":\"hi\",\"n\":[1,2.5,1e21]}");
        Envelope envelope = envelope(JS_KEY, JS_KEY + ":1700000000000:k3j4h5g6", "pub1", message, JS_SIG);
        assertThat(MessageSignature.verify(VERIFIER, envelope)).isTrue();
        // The seed reproduces the same deterministic signature here.
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) 7);
        PeerWallet wallet = PeerWallet.fromSecretKey(concat(seed, HexFormat.of().parseHex(JS_KEY)));
        assertThat(MessageSignature.sign(wallet, envelope.id(), "pub1", JS_KEY, JS_KEY, TS, message)).isEqualTo(JS_SIG);
    }

    @Test
    void signThenVerifyRoundTrips() {
        PeerWallet wallet = PeerWallet.generate();
        String from = wallet.publicKeyHex();
        JsonNode message = TextNode.valueOf("hello");
        String sig = MessageSignature.sign(wallet, "id1", "pub1", from, from, TS, message);
        assertThat(sig).hasSize(128).matches("[0-9a-f]+");
        assertThat(MessageSignature.verify(VERIFIER, envelope(from, "id1", "pub1", message, sig))).isTrue();
    }

    @Test
    void verifyRejectsTamperingOfEverySignedField() {
        PeerWallet wallet = PeerWallet.generate();
        String from = wallet.publicKeyHex();
        JsonNode message = TextNode.valueOf("hello");
        String sig = MessageSignature.sign(wallet, "id1", "pub1", from, from, TS, message);
        assertThat(MessageSignature.verify(VERIFIER, envelope(from, "id2", "pub1", message, sig))).isFalse();
        assertThat(MessageSignature.verify(VERIFIER, envelope(from, "id1", "pub2", message, sig))).isFalse();
        assertThat(MessageSignature.verify(VERIFIER, envelope(from, "id1", "pub1", TextNode.valueOf("hellO"), sig)))
                .isFalse();
        Envelope otherTs = new Envelope("sidechannel", "id1", "pub1", from, from, message, TS + 1, 3, Optional.empty(),
                Optional.empty(), sig, Optional.empty());
        assertThat(MessageSignature.verify(VERIFIER, otherTs)).isFalse();
        String other = PeerWallet.generate().publicKeyHex();
        Envelope otherOrigin = new Envelope("sidechannel", "id1", "pub1", from, other, message, TS, 3, Optional.empty(),
                Optional.empty(), sig, Optional.empty());
        assertThat(MessageSignature.verify(VERIFIER, otherOrigin)).isFalse();
        assertThat(MessageSignature.verify(VERIFIER, envelope(other, "id1", "pub1", message, sig))).isFalse();
    }

    @Test
    void unsignedFieldsDoNotMatter() {
        PeerWallet wallet = PeerWallet.generate();
        String from = wallet.publicKeyHex();
        String sig = MessageSignature.sign(wallet, "id1", "pub1", from, from, TS, TextNode.valueOf("x"));
        Envelope relayed = new Envelope("other", "id1", "pub1", from, from, TextNode.valueOf("x"), TS, 0,
                Optional.of(MAPPER.createObjectNode()), Optional.of(new Envelope.Pow(5, 1)), sig,
                Optional.of("cd".repeat(32)));
        assertThat(MessageSignature.verify(VERIFIER, relayed)).isTrue();
    }

    @Test
    void verifyIsFalseOnMalformedHex() {
        PeerWallet wallet = PeerWallet.generate();
        String from = wallet.publicKeyHex();
        String sig = MessageSignature.sign(wallet, "id1", "pub1", from, from, TS, TextNode.valueOf("x"));
        SignatureVerifier neverCalled = (s, m, k) -> {
            throw new AssertionError("verifier must not see malformed input");
        };
        assertThat(MessageSignature.verify(neverCalled, envelope(from, "id1", "pub1", TextNode.valueOf("x"), "zz" + sig.substring(2))))
                .isFalse();
        assertThat(MessageSignature.verify(neverCalled, envelope(from, "id1", "pub1", TextNode.valueOf("x"), sig.substring(2))))
                .isFalse();
        assertThat(MessageSignature.verify(neverCalled, envelope("xy", "id1", "pub1", TextNode.valueOf("x"), sig)))
                .isFalse();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
