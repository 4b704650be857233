package net.intercomj.sidechannel.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.sidechannel.envelope.MessageIds;
import net.intercomj.sidechannel.json.CanonicalJson;

/**
 * An inviter's signed invite to a gated channel (spec §2.12), normalized as the original normalizes it.
 *
 * @param channel        channel name, exact (not trimmed, as in the original)
 * @param inviteePubKey  invitee's key, lowercase hex
 * @param inviterPubKey  inviter's key, lowercase hex
 * @param inviterAddress inviter's {@code trac1…} address, signed as JSON null when absent
 * @param issuedAt       epoch millis (NaN when unusable)
 * @param expiresAt      epoch millis (NaN when unusable)
 * @param nonce          random text that makes each invite unique
 * @param version        payload version, 1 unless a finite number was given
 * @param sig            the inviter's Ed25519 signature over {@link #signedBytes()}, hex
 * @param welcome        a welcome carried with the invite (not signed by the invite)
 */
public record Invite(String channel, String inviteePubKey, String inviterPubKey, Optional<String> inviterAddress,
        double issuedAt, double expiresAt, String nonce, double version, String sig, Optional<ObjectNode> welcome) {

    /** How far in the future {@code issuedAt} may lie, for clock skew (fix §6.28). */
    public static final long MAX_CLOCK_SKEW_MILLIS = 120_000;

    public Invite {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(inviteePubKey, "inviteePubKey");
        Objects.requireNonNull(inviterPubKey, "inviterPubKey");
        Objects.requireNonNull(inviterAddress, "inviterAddress");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(sig, "sig");
        Objects.requireNonNull(welcome, "welcome");
    }

    /**
     * Reads {@code {payload:{…}, sig, welcome?}} or the flat form; {@code signature} is accepted for
     * {@code sig}.
     *
     * @return empty when {@code node} is not an object, carries no non-empty signature string, or has an
     *         {@code inviterAddress} that is neither a string nor null
     */
    public static Optional<Invite> parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Optional<String> sig = JsValues.signature(node);
        if (sig.isEmpty()) {
            return Optional.empty();
        }
        JsonNode payload = node.path("payload").isObject() ? node.get("payload") : node;
        JsonNode address = payload.get("inviterAddress");
        if (address != null && !address.isNull() && !address.isTextual()) {
            return Optional.empty(); // signed as given, which this record cannot represent
        }
        JsonNode welcome = node.get("welcome");
        return Optional.of(new Invite(JsValues.string(payload.get("channel")),
                JsValues.keyHex(payload.get("inviteePubKey")), JsValues.keyHex(payload.get("inviterPubKey")),
                Optional.ofNullable(address).filter(JsonNode::isTextual).map(JsonNode::textValue),
                JsValues.number(payload.get("issuedAt")), JsValues.number(payload.get("expiresAt")),
                JsValues.string(payload.get("nonce")), JsValues.version(payload.get("version")), sig.get(),
                welcome != null && welcome.isObject() ? Optional.of(((ObjectNode) welcome).deepCopy())
                        : Optional.empty()));
    }

    /**
     * Signs a version-1 invite valid from {@code nowMillis} for {@code ttlMillis}, with a fresh random
     * nonce and the inviter's address.
     */
    public static Invite create(Wallet inviter, String channel, String inviteeKey, long nowMillis, long ttlMillis,
            Optional<ObjectNode> welcome) {
        Invite unsigned = new Invite(channel, inviteeKey.trim().toLowerCase(Locale.ROOT),
                inviter.publicKeyHex().toLowerCase(Locale.ROOT), Optional.ofNullable(inviter.address()),
                nowMillis, (double) nowMillis + ttlMillis, MessageIds.randomBase36(8), 1, "",
                welcome.map(ObjectNode::deepCopy));
        return unsigned.withSig(HexFormat.of().formatHex(inviter.sign(unsigned.signedBytes())));
    }

    private Invite withSig(String signature) {
        return new Invite(channel, inviteePubKey, inviterPubKey, inviterAddress, issuedAt, expiresAt, nonce, version,
                signature, welcome);
    }

    /** The payload in the original's order (channel, invitee, inviter, address, issuedAt, expiresAt, nonce, version). */
    public ObjectNode payload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("channel", channel);
        payload.put("inviteePubKey", inviteePubKey);
        payload.put("inviterPubKey", inviterPubKey);
        payload.put("inviterAddress", inviterAddress.orElse(null));
        payload.set("issuedAt", JsValues.numberNode(issuedAt));
        payload.set("expiresAt", JsValues.numberNode(expiresAt));
        payload.put("nonce", nonce);
        payload.set("version", JsValues.numberNode(version));
        return payload;
    }

    /** The signed bytes: UTF-8 canonical JSON of the normalized payload (keys sorted). */
    public byte[] signedBytes() {
        return CanonicalJson.utf8(payload());
    }

    /** {@code {payload:{…}, sig, welcome?}}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("payload", payload());
        json.put("sig", sig);
        welcome.ifPresent(w -> json.set("welcome", w.deepCopy()));
        return json;
    }

    /**
     * Checks the invite for {@code channel} and the invitee {@code expectedInviteeKey} (spec §2.12), and
     * also that it was not issued more than {@link #MAX_CLOCK_SKEW_MILLIS} in the future (fix §6.28).
     *
     * @param inviterKeys trusted inviter keys (lowercase hex); empty trusts any inviter
     */
    public Verdict verify(String channel, String expectedInviteeKey, Set<String> inviterKeys, long nowMillis,
            SignatureVerifier verifier) {
        if (sig.isEmpty()) {
            return new Verdict.Invalid("missing signature");
        }
        if (!this.channel.equals(channel)) {
            return new Verdict.Invalid("wrong channel");
        }
        if (expectedInviteeKey == null
                || !inviteePubKey.equals(JsValues.trim(expectedInviteeKey).toLowerCase(Locale.ROOT))) {
            return new Verdict.Invalid("invitee mismatch");
        }
        if (inviterPubKey.isEmpty()) {
            return new Verdict.Invalid("missing inviter");
        }
        if (!inviterKeys.isEmpty() && inviterKeys.stream()
                .noneMatch(key -> JsValues.trim(key).toLowerCase(Locale.ROOT).equals(inviterPubKey))) {
            return new Verdict.Invalid("inviter not trusted");
        }
        if (!Double.isFinite(issuedAt) || !Double.isFinite(expiresAt)) {
            return new Verdict.Invalid("bad timestamps");
        }
        if (expiresAt <= nowMillis) {
            return new Verdict.Invalid("expired");
        }
        if (issuedAt > (double) nowMillis + MAX_CLOCK_SKEW_MILLIS) {
            return new Verdict.Invalid("issued in the future");
        }
        if (!JsValues.verify(verifier, sig, signedBytes(), inviterPubKey)) {
            return new Verdict.Invalid("bad signature");
        }
        return Verdict.VALID;
    }
}
