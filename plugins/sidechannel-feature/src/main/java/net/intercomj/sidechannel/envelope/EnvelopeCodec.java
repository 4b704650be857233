package net.intercomj.sidechannel.envelope;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import net.intercomj.sidechannel.json.CanonicalJson;

/**
 * Reads and writes envelopes as the wire JSON of spec §2.3/§2.5, validating every field on the way in
 * so that the rest of the pipeline handles only well-typed values.
 */
public final class EnvelopeCodec {

    /** Longest accepted id and (trimmed) channel name. */
    public static final int MAX_NAME_CHARS = 256;
    /** Largest accepted ttl. */
    public static final int MAX_TTL = 255;

    // Beyond 2^53 a JavaScript peer could not hold the exact value, so it could not sign it either.
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final Pattern KEY_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern SIG_HEX = Pattern.compile("[0-9a-fA-F]{128}");
    // ObjectReader is immutable, so one shared instance is safe.
    private static final ObjectReader READER = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EnvelopeCodec() {
    }

    /**
     * Parses and validates one envelope.
     *
     * @param utf8Json the wire bytes
     * @param maxBytes the largest accepted size, checked before parsing
     * @throws EnvelopeException naming the first problem found
     */
    public static Envelope decode(byte[] utf8Json, int maxBytes) throws EnvelopeException {
        Objects.requireNonNull(utf8Json, "utf8Json");
        if (utf8Json.length > maxBytes) {
            throw new EnvelopeException("larger than " + maxBytes + " bytes");
        }
        JsonNode root = parse(utf8Json);
        if (!root.isObject()) {
            throw new EnvelopeException("not a JSON object");
        }
        String type = optionalText(root, "type").orElse(Envelope.TYPE);
        String id = requiredText(root, "id");
        if (id.isEmpty()) {
            throw new EnvelopeException("field id is empty");
        }
        if (id.length() > MAX_NAME_CHARS) {
            throw new EnvelopeException("field id is longer than " + MAX_NAME_CHARS + " chars");
        }
        String channel = requiredText(root, "channel");
        String trimmed = channel.trim();
        if (trimmed.isEmpty()) {
            throw new EnvelopeException("field channel is empty");
        }
        if (trimmed.length() > MAX_NAME_CHARS) {
            throw new EnvelopeException("field channel is longer than " + MAX_NAME_CHARS + " chars");
        }
        String from = keyHex(root, "from");
        String origin = keyHex(root, "origin");
        JsonNode message = root.path("message");
        if (message.isMissingNode()) {
            message = NullNode.getInstance();
        }
        long ts = requiredInteger(root, "ts");
        long ttl = requiredInteger(root, "ttl");
        if (ttl < 0 || ttl > MAX_TTL) {
            throw new EnvelopeException("field ttl is out of range 0.." + MAX_TTL);
        }
        Optional<JsonNode> inviteNode = present(root, "invite");
        if (inviteNode.isPresent() && !inviteNode.get().isObject()) {
            throw new EnvelopeException("field invite is not an object");
        }
        Optional<ObjectNode> invite = inviteNode.map(ObjectNode.class::cast);
        Optional<Envelope.Pow> pow = pow(root);
        String sig = sig(root);
        Optional<String> relayedBy = present(root, "relayedBy").isPresent()
                ? Optional.of(keyHex(root, "relayedBy")) : Optional.empty();
        return new Envelope(type, id, channel, from, origin, message, ts, (int) ttl, invite, pow, sig, relayedBy);
    }

    /**
     * Compact wire JSON (UTF-8), written as JavaScript's JSON.stringify would, in the field order
     * type, id, channel, from, origin, message, ts, ttl, invite?, pow?, sig, relayedBy?.
     */
    public static byte[] encode(Envelope envelope) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", envelope.type());
        out.put("id", envelope.id());
        out.put("channel", envelope.channel());
        out.put("from", envelope.from());
        out.put("origin", envelope.origin());
        out.set("message", envelope.message());
        out.put("ts", envelope.ts());
        out.put("ttl", envelope.ttl());
        envelope.invite().ifPresent(invite -> out.set("invite", invite));
        envelope.pow().ifPresent(pow -> out.putObject("pow").put("nonce", pow.nonce()).put("difficulty", pow.difficulty()));
        out.put("sig", envelope.sig());
        envelope.relayedBy().ifPresent(relay -> out.put("relayedBy", relay));
        return CanonicalJson.jsonStringify(out).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(byte[] bytes) throws EnvelopeException {
        String text;
        try {
            // Strict UTF-8: Jackson would otherwise guess UTF-16/32 from the first bytes.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new EnvelopeException("not JSON (invalid UTF-8)");
        }
        try {
            JsonNode root = READER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new EnvelopeException("not JSON");
            }
            return root;
        } catch (IOException | RuntimeException e) {
            // Hostile input must never escape as anything but EnvelopeException; Jackson's
            // parse errors and constraint violations all mean the same thing here.
            throw new EnvelopeException("not JSON");
        }
    }

    /** The field's node unless it is absent or JSON null (JSON.stringify drops undefined ones). */
    private static Optional<JsonNode> present(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    private static Optional<String> optionalText(JsonNode root, String field) throws EnvelopeException {
        Optional<JsonNode> node = present(root, field);
        if (node.isPresent() && !node.get().isTextual()) {
            throw new EnvelopeException("field " + field + " is not a string");
        }
        return node.map(JsonNode::textValue);
    }

    private static String requiredText(JsonNode root, String field) throws EnvelopeException {
        return optionalText(root, field).orElseThrow(() -> new EnvelopeException("missing field " + field));
    }

    private static String keyHex(JsonNode root, String field) throws EnvelopeException {
        String value = requiredText(root, field);
        if (!KEY_HEX.matcher(value).matches()) {
            throw new EnvelopeException(field + " is not 64 hex");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String sig(JsonNode root) throws EnvelopeException {
        // The original reads `sig || signature`: an empty sig falls through to the alias.
        String field = present(root, "sig").filter(node -> !(node.isTextual() && node.textValue().isEmpty()))
                .isPresent() ? "sig" : "signature";
        if (present(root, field).isEmpty()) {
            throw new EnvelopeException("missing field sig");
        }
        String value = requiredText(root, field);
        if (!SIG_HEX.matcher(value).matches()) {
            throw new EnvelopeException("sig is not 128 hex");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static long requiredInteger(JsonNode root, String field) throws EnvelopeException {
        JsonNode node = present(root, field).orElseThrow(() -> new EnvelopeException("missing field " + field));
        return integer(node, "field " + field);
    }

    /** An integral JSON number within JavaScript's safe range, whatever its JSON spelling (1, 1.0, 1e0). */
    private static long integer(JsonNode node, String what) throws EnvelopeException {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long value = node.longValue();
            if (Math.abs(value) <= MAX_SAFE_INTEGER) {
                return value;
            }
        } else if (node.isFloatingPointNumber()) {
            double value = node.doubleValue();
            if (value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER) {
                return (long) value;
            }
        }
        throw new EnvelopeException(what + " is not an integer");
    }

    private static Optional<Envelope.Pow> pow(JsonNode root) throws EnvelopeException {
        Optional<JsonNode> node = present(root, "pow");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!node.get().isObject()) {
            throw new EnvelopeException("field pow is not an object");
        }
        long nonce = integer(node.get().path("nonce"), "field pow.nonce");
        long difficulty = integer(node.get().path("difficulty"), "field pow.difficulty");
        if (difficulty < 0 || difficulty > Integer.MAX_VALUE) {
            throw new EnvelopeException("field pow.difficulty is out of range");
        }
        return Optional.of(new Envelope.Pow(nonce, (int) difficulty));
    }
}
