package net.intercomj.sidechannel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

class InviteTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SignatureVerifier VERIFIER = PeerWallet::verify;
    private static final long NOW = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000L;
    // Signed by Node.js crypto (Ed25519, seed 0x07 × 32) over the original's canonical payload.
    private static final String JS_KEY = "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c";
    private static final String JS_INVITE = "{\"payload\":{\"channel\":\"gated\",\"inviteePubKey\":\"" + "cd".repeat(32)
            + "\",\"inviterPubKey\":\"" + JS_KEY + "\",\"inviterAddress\":\"trac1xyz\",\"issuedAt\":1700000000000,"
            + "\"expiresAt\":1700003600000,\"nonce\":\"abcd1234\",\"version\":1},\"sig\":\"43787a434665c3785941dbaec192d9"
            + "54a6d6305127589040ca7e9e2529260977b4f9092faa865d384bf3a5afa7c8b09ecf76677d7dfef3eb7ec96c2dceba1c0c\"}";

    private final PeerWallet inviter = PeerWallet.generate();
    private final PeerWallet invitee = PeerWallet.generate();

    private Invite create() {
        return Invite.create(inviter, "gated", invitee.publicKeyHex(), NOW, HOUR, Optional.empty());
    }

    private static String reason(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Invalid.class);
        return ((Verdict.Invalid) verdict).reason();
    }

    private Verdict verify(Invite invite, long now) {
        return invite.verify("gated", invitee.publicKeyHex(), Set.of(), now, VERIFIER);
    }

    @Test
    void verifiesAnInviteSignedByJavaScript() throws Exception {
        Invite invite = Invite.parse(MAPPER.readTree(JS_INVITE)).orElseThrow();
        assertThat(invite.verify("gated", "cd".repeat(32), Set.of(JS_KEY), NOW + 1000, VERIFIER)).isEqualTo(Verdict.VALID);
        assertThat(invite.toJson().toString()).isEqualTo(JS_INVITE);
    }

    @Test
    void signedBytesHaveSortedKeysAndNullAddress() {
        Invite invite = new Invite("pub1", "cd".repeat(32), "ab".repeat(32), Optional.empty(), NOW, NOW + HOUR,
                "abcd1234", 1, "00", Optional.empty());
        assertThat(new String(invite.signedBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"channel\":\"pub1\","
                + "\"expiresAt\":1700003600000,\"inviteePubKey\":\"" + "cd".repeat(32) + "\",\"inviterAddress\":null,"
                + "\"inviterPubKey\":\"" + "ab".repeat(32) + "\",\"issuedAt\":1700000000000,\"nonce\":\"abcd1234\",\"version\":1}");
    }

    @Test
    void createToJsonParseVerifyRoundTrip() {
        ObjectNode welcome = PeerWalletWelcome.of(inviter);
        Invite created = Invite.create(inviter, "gated", invitee.publicKeyHex().toUpperCase(), NOW, HOUR,
                Optional.of(welcome));
        assertThat(created.inviteePubKey()).isEqualTo(invitee.publicKeyHex());
        assertThat(created.inviterPubKey()).isEqualTo(inviter.publicKeyHex());
        assertThat(created.inviterAddress()).contains(inviter.address());
        assertThat(created.expiresAt()).isEqualTo(NOW + HOUR);
        assertThat(created.nonce()).matches("[0-9a-z]{8}");
        assertThat(created.version()).isEqualTo(1);

        ObjectNode json = created.toJson();
        assertThat(json.get("welcome")).isEqualTo(welcome);
        assertThat(json.get("payload").get("issuedAt").isIntegralNumber()).isTrue();
        Invite parsed = Invite.parse(json).orElseThrow();
        assertThat(parsed).isEqualTo(created);
        assertThat(verify(parsed, NOW)).isEqualTo(Verdict.VALID);
        assertThat(parsed.verify("gated", invitee.publicKeyHex(), Set.of(inviter.publicKeyHex(), "ff".repeat(32)), NOW,
                VERIFIER).valid()).isTrue();
    }

    @Test
    void noncesDiffer() {
        assertThat(create().nonce()).isNotEqualTo(create().nonce());
    }

    @Test
    void parsesTheFlatFormAndTheSignatureAlias() {
        Invite created = create();
        ObjectNode flat = created.payload();
        flat.put("signature", created.sig());
        assertThat(Invite.parse(flat)).contains(created);
    }

    @Test
    void channelIsNotTrimmed() throws Exception {
        Invite invite = Invite.parse(MAPPER.readTree("{\"payload\":{\"channel\":\" gated \"},\"sig\":\"00\"}"))
                .orElseThrow();
        assertThat(invite.channel()).isEqualTo(" gated ");
        assertThat(reason(invite.verify("gated", "x", Set.of(), NOW, VERIFIER))).isEqualTo("wrong channel");
    }

    @Test
    void parseRejectsUnusableObjects() throws Exception {
        assertThat(Invite.parse(MAPPER.readTree("5"))).isEmpty();
        assertThat(Invite.parse(MAPPER.readTree("{\"payload\":{}}"))).isEmpty();
        assertThat(Invite.parse(MAPPER.readTree("{\"payload\":{\"inviterAddress\":7},\"sig\":\"00\"}"))).isEmpty();
        Invite noWelcome = Invite.parse(MAPPER.readTree("{\"payload\":{},\"sig\":\"00\",\"welcome\":\"text\"}"))
                .orElseThrow();
        assertThat(noWelcome.welcome()).isEmpty();
        assertThat(noWelcome.issuedAt()).isNaN();
        assertThat(noWelcome.nonce()).isEmpty();
    }

    @Test
    void wrongChannel() {
        assertThat(reason(create().verify("other", invitee.publicKeyHex(), Set.of(), NOW, VERIFIER)))
                .isEqualTo("wrong channel");
    }

    @Test
    void inviteeMismatch() {
        assertThat(reason(create().verify("gated", PeerWallet.generate().publicKeyHex(), Set.of(), NOW, VERIFIER)))
                .isEqualTo("invitee mismatch");
        assertThat(reason(create().verify("gated", null, Set.of(), NOW, VERIFIER))).isEqualTo("invitee mismatch");
    }

    @Test
    void inviterNotTrusted() {
        assertThat(reason(create().verify("gated", invitee.publicKeyHex(), Set.of("ff".repeat(32)), NOW, VERIFIER)))
                .isEqualTo("inviter not trusted");
    }

    @Test
    void missingInviter() {
        Invite c = create();
        Invite noInviter = new Invite(c.channel(), c.inviteePubKey(), "", c.inviterAddress(), c.issuedAt(), c.expiresAt(),
                c.nonce(), 1, c.sig(), Optional.empty());
        assertThat(reason(verify(noInviter, NOW))).isEqualTo("missing inviter");
    }

    @Test
    void expired() {
        Invite invite = create();
        assertThat(verify(invite, NOW + HOUR - 1).valid()).isTrue();
        assertThat(reason(verify(invite, NOW + HOUR))).isEqualTo("expired");
    }

    @Test
    void issuedTooFarInTheFuture() {
        Invite invite = Invite.create(inviter, "gated", invitee.publicKeyHex(), NOW + 120_000, HOUR, Optional.empty());
        assertThat(verify(invite, NOW).valid()).isTrue();
        Invite later = Invite.create(inviter, "gated", invitee.publicKeyHex(), NOW + 120_001, HOUR, Optional.empty());
        assertThat(reason(verify(later, NOW))).isEqualTo("issued in the future");
    }

    @Test
    void badTimestamps() {
        Invite c = create();
        Invite nan = new Invite(c.channel(), c.inviteePubKey(), c.inviterPubKey(), c.inviterAddress(), Double.NaN,
                c.expiresAt(), c.nonce(), 1, c.sig(), Optional.empty());
        assertThat(reason(verify(nan, NOW))).isEqualTo("bad timestamps");
    }

    @Test
    void tamperedFieldsBreakTheSignature() throws Exception {
        for (String[] change : new String[][] {{"expiresAt", "1800000000000"}, {"nonce", "\"zzzzzzzz\""},
            {"inviterAddress", "\"trac1other\""}, {"inviterAddress", "null"}, {"version", "2"}, {"issuedAt", "1699999999999"}}) {
            ObjectNode json = create().toJson();
            ((ObjectNode) json.get("payload")).set(change[0], MAPPER.readTree(change[1]));
            assertThat(reason(verify(Invite.parse(json).orElseThrow(), NOW))).as(change[0]).isEqualTo("bad signature");
        }
    }

    @Test
    void signatureByAnotherKeyFails() {
        Invite c = create();
        Invite forged = Invite.create(PeerWallet.generate(), "gated", invitee.publicKeyHex(), NOW, HOUR, Optional.empty());
        Invite claimed = new Invite(c.channel(), c.inviteePubKey(), c.inviterPubKey(), c.inviterAddress(), c.issuedAt(),
                c.expiresAt(), c.nonce(), 1, forged.sig(), Optional.empty());
        assertThat(reason(verify(claimed, NOW))).isEqualTo("bad signature");
    }

    @Test
    void welcomeIsNotCoveredButIsCopied() {
        ObjectNode welcome = PeerWalletWelcome.of(inviter);
        Invite invite = Invite.create(inviter, "gated", invitee.publicKeyHex(), NOW, HOUR, Optional.of(welcome));
        welcome.put("mutated", true);
        assertThat(invite.welcome().orElseThrow().has("mutated")).isFalse();
        assertThat(verify(invite, NOW).valid()).isTrue();
    }

    /** A real welcome to embed. */
    private static final class PeerWalletWelcome {
        static ObjectNode of(PeerWallet owner) {
            return Welcome.create(owner, "gated", "hello", NOW).toJson();
        }
    }
}
