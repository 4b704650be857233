package net.intercomj.host.subnet.op;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.wallet.Ed25519Keys;

/**
 * The signature of admin, moderation and chat ops. Unlike the original's, which signed only the
 * op's value and nonce (spec §2.4), it covers a domain tag, the subnet, the op type and the nonce
 * too, so a signature made for one op type or one subnet verifies nowhere else (fix of spec §9
 * items 2 and 3).
 *
 * <p>An op carries it as {@code hash} (128 hex characters; the original's field name) with its
 * {@code nonce}; the signed value is the op's {@code value} field.
 */
public final class OpSignature {

    /** Longest nonce accepted, in characters (the original's schema limit). */
    public static final int MAX_NONCE_LENGTH = 256;

    private static final byte[] DOMAIN = "intercom/subnet-op/v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Makes signatures; a wallet does it. */
    @FunctionalInterface
    public interface Signer {
        byte[] sign(byte[] message);
    }

    private OpSignature() {}

    /** The bytes signed for an op of {@code type} in {@code subnet} carrying {@code value}. */
    public static byte[] signedBytes(Bytes32 subnet, String type, String nonce, JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DOMAIN);
        out.write(0);
        out.writeBytes(subnet.toByteArray());
        writeText(out, type);
        writeText(out, nonce);
        writeText(out, CanonicalJson.write(value));
        return out.toByteArray();
    }

    /**
     * A signed op {@code {type, [key], value, hash, nonce}} with a fresh random nonce.
     *
     * @param key the op's top-level {@code key}, or null for ops without one
     */
    public static ObjectNode sign(Bytes32 subnet, String type, String key, JsonNode value, Signer signer) {
        byte[] nonceBytes = new byte[32];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HEX.formatHex(nonceBytes);
        ObjectNode op = JsonNodeFactory.instance.objectNode();
        op.put("type", type);
        if (key != null) {
            op.put("key", key);
        }
        op.set("value", value);
        op.put("hash", HEX.formatHex(signer.sign(signedBytes(subnet, type, nonce, value))));
        op.put("nonce", nonce);
        return op;
    }

    /** Whether {@code op}'s {@code hash} is a signature by {@code signerHex} over its type, nonce and value. */
    public static boolean verify(Bytes32 subnet, JsonNode op, String signerHex) {
        return verify(subnet, op, signerHex, null);
    }

    /** As {@link #verify(Bytes32, JsonNode, String)}, remembering successes in {@code cache} (if not null). */
    public static boolean verify(Bytes32 subnet, JsonNode op, String signerHex, VerifiedSignatures cache) {
        String type = op.path("type").asText(null);
        String nonce = op.path("nonce").isTextual() ? op.get("nonce").asText() : null;
        JsonNode value = op.get("value");
        byte[] signature = hex(op.path("hash").isTextual() ? op.get("hash").asText() : null);
        byte[] signer = hex(signerHex);
        if (type == null || nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE_LENGTH || value == null
                || signature == null || signer == null) {
            return false;
        }
        byte[] signed = signedBytes(subnet, type, nonce, value);
        return cache == null ? Ed25519Keys.verify(signature, signed, signer)
                : cache.check(signer, signature, signed, Ed25519Keys::verify);
    }

    private static byte[] hex(String text) {
        if (text == null) {
            return null;
        }
        try {
            return HEX.parseHex(text.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(0);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
