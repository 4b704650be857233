package net.intercomj.sidechannel.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.sidechannel.json.CanonicalJson;

/**
 * A channel owner's signed welcome (spec §2.11), normalized as the original normalizes it.
 *
 * @param channel     trimmed channel name
 * @param ownerPubKey owner's key, lowercase hex
 * @param text        welcome text
 * @param issuedAt    epoch millis (a JavaScript number; NaN when unusable)
 * @param version     payload version, 1 unless a finite number was given
 * @param sig         the owner's Ed25519 signature over {@link #signedBytes()}, hex
 */
public record Welcome(String channel, String ownerPubKey, String text, double issuedAt, double version,
        String sig) {

    public Welcome {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(ownerPubKey, "ownerPubKey");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sig, "sig");
    }

    /**
     * Reads {@code {payload:{…}, sig}} or the flat form (fields and {@code sig} side by side);
     * {@code signature} is accepted for {@code sig}.
     *
     * @return empty when {@code node} is not an object or carries no non-empty signature string
     */
    public static Optional<Welcome> parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Optional<String> sig = JsValues.signature(node);
        if (sig.isEmpty()) {
            return Optional.empty();
        }
        JsonNode payload = node.path("payload").isObject() ? node.get("payload") : node;
        return Optional.of(new Welcome(JsValues.channel(payload.get("channel")),
                JsValues.keyHex(payload.get("ownerPubKey")), JsValues.string(payload.get("text")),
                JsValues.number(payload.get("issuedAt")), JsValues.version(payload.get("version")), sig.get()));
    }

    /** Signs a version-1 welcome for {@code channel} (trimmed, so signer and verifier agree: fix §6.33). */
    public static Welcome create(Wallet owner, String channel, String text, long nowMillis) {
        Welcome unsigned = new Welcome(JsValues.trim(channel), owner.publicKeyHex().toLowerCase(Locale.ROOT), text,
                nowMillis, 1, "");
        return new Welcome(unsigned.channel, unsigned.ownerPubKey, text, nowMillis, 1,
                HexFormat.of().formatHex(owner.sign(unsigned.signedBytes())));
    }

    /** The payload {@code {channel, ownerPubKey, text, issuedAt, version}} in the original's order. */
    public ObjectNode payload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("channel", channel);
        payload.put("ownerPubKey", ownerPubKey);
        payload.put("text", text);
        payload.set("issuedAt", JsValues.numberNode(issuedAt));
        payload.set("version", JsValues.numberNode(version));
        return payload;
    }

    /** The signed bytes: UTF-8 canonical JSON of the normalized payload. */
    public byte[] signedBytes() {
        return CanonicalJson.utf8(payload());
    }

    /** {@code {payload:{channel, ownerPubKey, text, issuedAt, version}, sig}}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("payload", payload());
        json.put("sig", sig);
        return json;
    }

    /**
     * Checks the welcome for {@code channel} against the owner configured for it. Welcomes do not
     * expire (as in the original).
     */
    public Verdict verify(String channel, Optional<String> configuredOwnerKey, SignatureVerifier verifier) {
        if (sig.isEmpty()) {
            return new Verdict.Invalid("missing signature");
        }
        if (!this.channel.equals(JsValues.trim(channel))) {
            return new Verdict.Invalid("wrong channel");
        }
        Optional<String> owner = configuredOwnerKey.map(key -> JsValues.trim(key).toLowerCase(Locale.ROOT))
                .filter(key -> !key.isEmpty());
        if (owner.isEmpty()) {
            return new Verdict.Invalid("no owner configured");
        }
        if (!owner.get().equals(ownerPubKey)) {
            return new Verdict.Invalid("not signed by the owner");
        }
        if (!Double.isFinite(issuedAt)) {
            return new Verdict.Invalid("bad issuedAt");
        }
        if (!JsValues.verify(verifier, sig, signedBytes(), ownerPubKey)) {
            return new Verdict.Invalid("bad signature");
        }
        return Verdict.VALID;
    }
}
