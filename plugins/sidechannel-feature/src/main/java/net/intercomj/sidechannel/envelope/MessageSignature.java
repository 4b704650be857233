package net.intercomj.sidechannel.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Locale;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.sidechannel.json.CanonicalJson;

/**
 * The per-message Ed25519 signature (spec §2.7). It covers id, channel, from, origin, ts and message;
 * not ttl, relayedBy, pow, invite or type.
 */
public final class MessageSignature {

    /** The {@code kind} that separates message signatures from other signed objects. */
    public static final String KIND = "sidechannel_message_v1";

    private MessageSignature() {
    }

    /**
     * UTF-8 canonical JSON of {@code {kind, id, channel, from, origin, ts, message}}; keys are
     * lowercased and nulls become JSON null, as in the original.
     */
    public static byte[] signedBytes(String id, String channel, String from, String origin, long ts,
            JsonNode message) {
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        base.put("kind", KIND);
        base.put("id", id);
        base.put("channel", channel);
        base.put("from", lower(from));
        base.put("origin", lower(origin));
        base.put("ts", ts);
        // The original signs the message after a JSON round trip; CanonicalJson already writes
        // numbers and strings as that round trip would leave them.
        base.set("message", message == null || message.isMissingNode() ? NullNode.getInstance() : message);
        return CanonicalJson.utf8(base);
    }

    /** Signs the message fields with {@code wallet}; 128 lowercase hex characters. */
    public static String sign(Wallet wallet, String id, String channel, String from, String origin, long ts,
            JsonNode message) {
        return HexFormat.of().formatHex(wallet.sign(signedBytes(id, channel, from, origin, ts, message)));
    }

    /** Whether {@code envelope.sig} is {@code envelope.from}'s signature; false on malformed hex. */
    public static boolean verify(SignatureVerifier verifier, Envelope envelope) {
        byte[] signature = hex(envelope.sig(), 64);
        byte[] publicKey = hex(envelope.from(), 32);
        if (signature == null || publicKey == null) {
            return false;
        }
        return verifier.verify(signature, signedBytes(envelope.id(), envelope.channel(), envelope.from(),
                envelope.origin(), envelope.ts(), envelope.message()), publicKey);
    }

    private static String lower(String key) {
        return key == null ? null : key.trim().toLowerCase(Locale.ROOT);
    }

    private static byte[] hex(String text, int bytes) {
        if (text == null || text.length() != bytes * 2) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
