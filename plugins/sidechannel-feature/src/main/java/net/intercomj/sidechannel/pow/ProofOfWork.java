package net.intercomj.sidechannel.pow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import net.intercomj.sidechannel.json.CanonicalJson;

/**
 * The sidechannel proof of work (spec §2.8): SHA-256 over the canonical JSON of
 * {@code {id, channel, from, origin, message, ts, nonce}} must start with enough zero bits.
 *
 * <p>The message is hashed as the JSON value that travels (fix §6.1: Jackson has no
 * {@code undefined}, so sender and receiver hash the same text by construction).
 */
public final class ProofOfWork {

    /** Nonces above this would no longer be exact JavaScript numbers. */
    private static final long MAX_SAFE_NONCE = 1L << 53;

    private ProofOfWork() {
    }

    /** SHA-256 of the canonical JSON of {@code powBase}, as 64 lowercase hex characters. */
    public static String hashHex(ObjectNode powBase) {
        return HexFormat.of().formatHex(sha256().digest(CanonicalJson.utf8(powBase)));
    }

    /**
     * Leading zero bits of a hex string, counted nibble by nibble as the original does. Counting
     * stops at the first character that is not a hex digit.
     */
    public static int leadingZeroBits(String hex) {
        int bits = 0;
        for (int i = 0; i < hex.length(); i++) {
            int nibble = Character.digit(hex.charAt(i), 16);
            if (nibble < 0) {
                return bits;
            }
            if (nibble != 0) {
                return bits + Integer.numberOfLeadingZeros(nibble) - 28;
            }
            bits += 4;
        }
        return bits;
    }

    /** The hashed object {@code {id, channel, from, origin, message, ts, nonce}}; nulls become JSON null. */
    public static ObjectNode base(String id, String channel, String from, String origin, JsonNode message,
            long ts, long nonce) {
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        base.put("id", id);
        base.put("channel", channel);
        base.put("from", from);
        base.put("origin", origin);
        base.set("message", message == null || message.isMissingNode() ? NullNode.getInstance() : message);
        base.put("ts", ts);
        base.put("nonce", nonce);
        return base;
    }

    /**
     * The first nonce 0, 1, 2, … whose hash has at least {@code difficulty} leading zero bits, trying
     * at most {@code maxTries} nonces (the original loops forever, fix §6.27).
     *
     * @return the nonce, {@code 0} when {@code difficulty ≤ 0}, or empty when no nonce was found
     */
    public static OptionalLong solve(String id, String channel, String from, String origin, JsonNode message,
            long ts, int difficulty, long maxTries) {
        if (difficulty <= 0) {
            return OptionalLong.of(0);
        }
        // Sorted keys put the nonce between message and origin, so the text around it is fixed:
        // hash the prefix once and only the nonce and suffix per try.
        ObjectNode base = base(id, channel, from, origin, message, ts, 0);
        String prefix = "{\"channel\":" + CanonicalJson.stringify(base.get("channel"))
                + ",\"from\":" + CanonicalJson.stringify(base.get("from"))
                + ",\"id\":" + CanonicalJson.stringify(base.get("id"))
                + ",\"message\":" + CanonicalJson.stringify(base.get("message"))
                + ",\"nonce\":";
        byte[] suffix = (",\"origin\":" + CanonicalJson.stringify(base.get("origin"))
                + ",\"ts\":" + CanonicalJson.stringify(base.get("ts")) + "}").getBytes(StandardCharsets.UTF_8);
        MessageDigest prefixed = sha256();
        prefixed.update(prefix.getBytes(StandardCharsets.UTF_8));
        long limit = Math.min(maxTries, MAX_SAFE_NONCE);
        for (long nonce = 0; nonce < limit; nonce++) {
            MessageDigest digest = copy(prefixed);
            digest.update(Long.toString(nonce).getBytes(StandardCharsets.US_ASCII));
            digest.update(suffix);
            if (leadingZeroBits(digest.digest()) >= difficulty) {
                return OptionalLong.of(nonce);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Whether {@code nonce} gives at least {@code requiredDifficulty} zero bits. The receiver's own
     * difficulty is what counts, never the sender's claim; a non-positive one never passes, as in the
     * original (callers skip the check when PoW is not required).
     */
    public static boolean check(String id, String channel, String from, String origin, JsonNode message, long ts,
            long nonce, int requiredDifficulty) {
        if (requiredDifficulty <= 0) {
            return false;
        }
        return leadingZeroBits(hashHex(base(id, channel, from, origin, message, ts, nonce))) >= requiredDifficulty;
    }

    private static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b != 0) {
                return bits + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
            }
            bits += 8;
        }
        return bits;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }
}
