package net.intercomj.sidechannel.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.intercomj.sidechannel.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/** Hostile bytes must only ever produce an envelope or an EnvelopeException. */
class EnvelopeFuzzTest {

    private static final String FROM = "ab".repeat(32);
    private static final String[] FIELDS = {"type", "id", "channel", "from", "origin", "message", "ts", "ttl", "invite",
        "pow", "sig", "signature", "relayedBy"};

    private static byte[] validBytes() {
        ObjectNode invite = JsonNodeFactory.instance.objectNode();
        invite.putObject("payload").put("channel", "c").put("issuedAt", 1);
        invite.put("sig", "00");
        return EnvelopeCodec.encode(new Envelope("sidechannel", FROM + ":1:abcdefgh", "pub1", FROM, FROM,
                JsonNodeFactory.instance.objectNode().put("control", "open_channel").put("channel", "é😀"),
                1_700_000_000_000L, 3, Optional.of(invite), Optional.of(new Envelope.Pow(12, 12)), "0f".repeat(64),
                Optional.of(FROM)));
    }

    private final List<String> accepted = new ArrayList<>();
    private int rejected;

    private void decodeSafely(byte[] bytes) {
        try {
            Envelope envelope = EnvelopeCodec.decode(bytes, 4096);
            // Whatever is accepted must survive a round trip. Numbers may change representation
            // (a big integer becomes the double JavaScript would hold), never their canonical text.
            byte[] encoded = EnvelopeCodec.encode(envelope);
            Envelope again = EnvelopeCodec.decode(encoded, Integer.MAX_VALUE);
            assertThat(EnvelopeCodec.encode(again)).isEqualTo(encoded);
            assertThat(CanonicalJson.stringify(again.message())).isEqualTo(CanonicalJson.stringify(envelope.message()));
            assertThat(again.id()).isEqualTo(envelope.id());
            assertThat(again.sig()).isEqualTo(envelope.sig());
            accepted.add(envelope.id());
        } catch (EnvelopeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            rejected++;
        } catch (Throwable unexpected) {
            fail("decode threw " + unexpected + " for " + new String(bytes, StandardCharsets.ISO_8859_1), unexpected);
        }
    }

    @Test
    void randomBytes() {
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = '{';
            }
            decodeSafely(bytes);
        }
        assertThat(rejected).isEqualTo(2000);
    }

    @Test
    void mutatedValidBytes() {
        byte[] valid = validBytes();
        decodeSafely(valid);
        assertThat(accepted).hasSize(1);
        Random random = new Random(2);
        for (int i = 0; i < 4000; i++) {
            byte[] bytes = valid.clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(4)) {
                    case 0 -> bytes[at] = (byte) random.nextInt(256);
                    case 1 -> bytes[at] = (byte) "{}[]\":,0123456789eE.-+ntfu\\".charAt(random.nextInt(27));
                    case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
                    default -> {
                        byte[] longer = new byte[bytes.length + 1];
                        System.arraycopy(bytes, 0, longer, 0, at);
                        longer[at] = (byte) random.nextInt(128);
                        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                        bytes = longer;
                    }
                }
                if (bytes.length == 0) {
                    break;
                }
            }
            decodeSafely(bytes);
        }
        assertThat(rejected).isGreaterThan(1000);
    }

    @Test
    void wrongTypesInEveryField() throws Exception {
        JsonNode[] values = {JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.numberNode(1.5e300),
            JsonNodeFactory.instance.numberNode(new java.math.BigInteger("1" + "0".repeat(40))),
            JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("ab".repeat(32)),
            JsonNodeFactory.instance.arrayNode().add(1), JsonNodeFactory.instance.objectNode().put("nonce", "x")};
        ObjectNode base = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(validBytes());
        Random random = new Random(3);
        for (int i = 0; i < 3000; i++) {
            ObjectNode node = base.deepCopy();
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                String field = FIELDS[random.nextInt(FIELDS.length)];
                if (random.nextInt(5) == 0) {
                    node.remove(field);
                } else {
                    node.set(field, values[random.nextInt(values.length)]);
                }
            }
            decodeSafely(node.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(rejected).isGreaterThan(1000);
        assertThat(accepted).isNotEmpty();
    }

    @Test
    void deeplyNestedMessage() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String text = new String(validBytes(), StandardCharsets.UTF_8).replace("\"message\":{", "\"message\":" + deep + ",\"x\":{");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            EnvelopeCodec.decode(bytes, bytes.length);
        } catch (EnvelopeException expected) {
            assertThat(expected).hasMessage("not JSON");
            return;
        }
        fail("a 5000-deep message should exceed Jackson's nesting limit");
    }
}
