package net.intercomj.sidechannel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

class WelcomeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SignatureVerifier VERIFIER = PeerWallet::verify;
    private static final long NOW = 1_700_000_000_000L;
    // Signed by Node.js crypto (Ed25519, seed 0x07 × 32) over the original's canonical payload.
    private static final String JS_KEY = "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c";
    private static final String JS_WELCOME = "{\"payload\":{\"channel\":\"pub1\",\"ownerPubKey\":\"" + JS_KEY
            + "\",\"text\":\"hello é world\",\"issuedAt\":1700000000000,\"version\":1},\"sig\":"
            + "\"4d22efc6a2e1a38ebaedf3743a1551d20c84b4a35014ea9a0d42ddd666fec9868b4b7ab7caf1909dbbb7d2b4c9cb7053"
            + "e56b0338a35aae995e8813df2515300b\"}";

    private final PeerWallet owner = PeerWallet.generate();

    private static String reason(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Invalid.class);
        assertThat(verdict.valid()).isFalse();
        return ((Verdict.Invalid) verdict).reason();
    }

    @Test
    void verifiesAWelcomeSignedByJavaScript() throws Exception {
        Welcome welcome = Welcome.parse(MAPPER.readTree(JS_WELCOME)).orElseThrow();
        assertThat(welcome.verify("pub1", Optional.of(JS_KEY), VERIFIER)).isEqualTo(Verdict.VALID);
        assertThat(welcome.toJson().toString()).isEqualTo(JS_WELCOME);
    }

    @Test
    void signedBytesAreTheCanonicalPayload() {
        Welcome welcome = new Welcome("pub1", "ab".repeat(32), "hello", NOW, 1, "00");
        assertThat(new String(welcome.signedBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"channel\":\"pub1\","
                + "\"issuedAt\":1700000000000,\"ownerPubKey\":\"" + "ab".repeat(32) + "\",\"text\":\"hello\",\"version\":1}");
    }

    @Test
    void createToJsonParseVerifyRoundTrip() {
        Welcome created = Welcome.create(owner, " pub1 ", "hi there", NOW);
        assertThat(created.channel()).isEqualTo("pub1");
        assertThat(created.ownerPubKey()).isEqualTo(owner.publicKeyHex());
        assertThat(created.issuedAt()).isEqualTo(NOW);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.sig()).matches("[0-9a-f]{128}");

        ObjectNode json = created.toJson();
        assertThat(json.toString()).isEqualTo("{\"payload\":{\"channel\":\"pub1\",\"ownerPubKey\":\"" + owner.publicKeyHex()
                + "\",\"text\":\"hi there\",\"issuedAt\":1700000000000,\"version\":1},\"sig\":\"" + created.sig() + "\"}");
        Welcome parsed = Welcome.parse(json).orElseThrow();
        assertThat(parsed).isEqualTo(created);
        assertThat(parsed.verify("pub1", Optional.of(owner.publicKeyHex()), VERIFIER).valid()).isTrue();
        assertThat(parsed.verify("  pub1\t", Optional.of(owner.publicKeyHex().toUpperCase()), VERIFIER).valid()).isTrue();
    }

    @Test
    void parsesTheFlatFormAndTheSignatureAlias() throws Exception {
        Welcome created = Welcome.create(owner, "pub1", "t", NOW);
        ObjectNode flat = created.payload();
        flat.put("signature", created.sig());
        assertThat(Welcome.parse(flat)).contains(created);
        ObjectNode nested = created.toJson();
        nested.remove("sig");
        nested.put("signature", created.sig());
        assertThat(Welcome.parse(nested)).contains(created);
    }

    @Test
    void normalizesLikeTheOriginal() throws Exception {
        JsonNode node = MAPPER.readTree("{\"payload\":{\"channel\":\"  pub1 \",\"ownerPubKey\":\" ABCD \","
                + "\"issuedAt\":\"1700000000000\",\"version\":\"2\"},\"sig\":\"00\"}");
        Welcome welcome = Welcome.parse(node).orElseThrow();
        assertThat(welcome.channel()).isEqualTo("pub1");
        assertThat(welcome.ownerPubKey()).isEqualTo("abcd");
        assertThat(welcome.text()).isEmpty();
        assertThat(welcome.issuedAt()).isEqualTo(1_700_000_000_000d);
        assertThat(welcome.version()).isEqualTo(1); // a string is not a finite number
        Welcome numeric = Welcome.parse(MAPPER.readTree("{\"text\":42,\"version\":2.5,\"sig\":\"00\"}")).orElseThrow();
        assertThat(numeric.text()).isEqualTo("42");
        assertThat(numeric.version()).isEqualTo(2.5);
        assertThat(numeric.issuedAt()).isNaN();
        assertThat(numeric.channel()).isEmpty();
    }

    @Test
    void bufferKeysAreAccepted() throws Exception {
        Welcome welcome = Welcome.parse(MAPPER.readTree(
                "{\"ownerPubKey\":{\"type\":\"Buffer\",\"data\":[1,171,255]},\"sig\":\"00\"}")).orElseThrow();
        assertThat(welcome.ownerPubKey()).isEqualTo("01abff");
    }

    @Test
    void parseRejectsNonObjectsAndMissingSignatures() throws Exception {
        assertThat(Welcome.parse(null)).isEmpty();
        assertThat(Welcome.parse(MAPPER.readTree("\"text\""))).isEmpty();
        assertThat(Welcome.parse(MAPPER.readTree("[]"))).isEmpty();
        assertThat(Welcome.parse(MAPPER.readTree("{\"payload\":{\"channel\":\"x\"}}"))).isEmpty();
        assertThat(Welcome.parse(MAPPER.readTree("{\"payload\":{},\"sig\":\"\"}"))).isEmpty();
        assertThat(Welcome.parse(MAPPER.readTree("{\"payload\":{},\"sig\":12}"))).isEmpty();
    }

    @Test
    void wrongChannel() {
        Welcome welcome = Welcome.create(owner, "pub1", "t", NOW);
        assertThat(reason(welcome.verify("pub2", Optional.of(owner.publicKeyHex()), VERIFIER))).isEqualTo("wrong channel");
    }

    @Test
    void noOwnerConfigured() {
        Welcome welcome = Welcome.create(owner, "pub1", "t", NOW);
        assertThat(reason(welcome.verify("pub1", Optional.empty(), VERIFIER))).isEqualTo("no owner configured");
        assertThat(reason(welcome.verify("pub1", Optional.of(" "), VERIFIER))).isEqualTo("no owner configured");
    }

    @Test
    void notSignedByTheOwner() {
        Welcome welcome = Welcome.create(owner, "pub1", "t", NOW);
        assertThat(reason(welcome.verify("pub1", Optional.of(PeerWallet.generate().publicKeyHex()), VERIFIER)))
                .isEqualTo("not signed by the owner");
    }

    @Test
    void impostorSigningWithOwnersKeyField() {
        PeerWallet impostor = PeerWallet.generate();
        Welcome forged = Welcome.create(impostor, "pub1", "t", NOW);
        Welcome claimed = new Welcome("pub1", owner.publicKeyHex(), "t", NOW, 1, forged.sig());
        assertThat(reason(claimed.verify("pub1", Optional.of(owner.publicKeyHex()), VERIFIER))).isEqualTo("bad signature");
    }

    @Test
    void tamperedFieldsBreakTheSignature() {
        Welcome w = Welcome.create(owner, "pub1", "t", NOW);
        Optional<String> key = Optional.of(owner.publicKeyHex());
        assertThat(reason(new Welcome(w.channel(), w.ownerPubKey(), "T", w.issuedAt(), 1, w.sig()).verify("pub1", key, VERIFIER)))
                .isEqualTo("bad signature");
        assertThat(reason(new Welcome(w.channel(), w.ownerPubKey(), "t", w.issuedAt() + 1, 1, w.sig()).verify("pub1", key, VERIFIER)))
                .isEqualTo("bad signature");
        assertThat(reason(new Welcome(w.channel(), w.ownerPubKey(), "t", w.issuedAt(), 2, w.sig()).verify("pub1", key, VERIFIER)))
                .isEqualTo("bad signature");
        assertThat(reason(new Welcome(w.channel(), w.ownerPubKey(), "t", w.issuedAt(), 1, "zz").verify("pub1", key, VERIFIER)))
                .isEqualTo("bad signature");
    }

    @Test
    void nonFiniteIssuedAtAndMissingSignature() {
        Welcome w = Welcome.create(owner, "pub1", "t", NOW);
        Optional<String> key = Optional.of(owner.publicKeyHex());
        assertThat(reason(new Welcome("pub1", w.ownerPubKey(), "t", Double.NaN, 1, w.sig()).verify("pub1", key, VERIFIER)))
                .isEqualTo("bad issuedAt");
        assertThat(reason(new Welcome("pub1", w.ownerPubKey(), "t", NOW, 1, "").verify("pub1", key, VERIFIER)))
                .isEqualTo("missing signature");
    }

    @Test
    void stringIssuedAtIsSignedAsTheNumber() throws Exception {
        Welcome created = Welcome.create(owner, "pub1", "t", NOW);
        ObjectNode json = created.toJson();
        ((ObjectNode) json.get("payload")).put("issuedAt", "1700000000000");
        assertThat(Welcome.parse(json).orElseThrow().verify("pub1", Optional.of(owner.publicKeyHex()), VERIFIER).valid())
                .isTrue();
    }
}
