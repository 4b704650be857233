package net.intercomj.sidechannel.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeCodecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FROM = "ab".repeat(32);
    private static final String SIG = "0f".repeat(64);

    private static ObjectNode valid() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "sidechannel");
        node.put("id", FROM + ":1700000000000:k3j4h5g6");
        node.put("channel", "pub1");
        node.put("from", FROM);
        node.put("origin", FROM);
        node.put("message", "hi");
        node.put("ts", 1_700_000_000_000L);
        node.put("ttl", 3);
        node.put("sig", SIG);
        return node;
    }

    private static Envelope decode(ObjectNode node) throws EnvelopeException {
        return EnvelopeCodec.decode(node.toString().getBytes(StandardCharsets.UTF_8), 1_000_000);
    }

    private static void assertRejected(ObjectNode node, String reason) {
        assertThatThrownBy(() -> decode(node)).isInstanceOf(EnvelopeException.class).hasMessage(reason);
    }

    @Test
    void decodesAValidEnvelope() throws Exception {
        Envelope envelope = decode(valid());
        assertThat(envelope).isEqualTo(new Envelope("sidechannel", FROM + ":1700000000000:k3j4h5g6", "pub1", FROM, FROM,
                TextNode.valueOf("hi"), 1_700_000_000_000L, 3, Optional.empty(), Optional.empty(), SIG, Optional.empty()));
    }

    @Test
    void decodesOptionalFields() throws Exception {
        ObjectNode node = valid();
        node.putObject("invite").put("sig", "x");
        node.putObject("pow").put("nonce", 1599).put("difficulty", 12);
        node.put("relayedBy", "CD".repeat(32));
        Envelope envelope = decode(node);
        assertThat(envelope.invite()).contains((ObjectNode) MAPPER.readTree("{\"sig\":\"x\"}"));
        assertThat(envelope.pow()).contains(new Envelope.Pow(1599, 12));
        assertThat(envelope.relayedBy()).contains("cd".repeat(32));
    }

    @Test
    void nullOptionalFieldsCountAsAbsent() throws Exception {
        ObjectNode node = valid();
        node.putNull("invite");
        node.putNull("pow");
        node.putNull("relayedBy");
        node.putNull("type");
        Envelope envelope = decode(node);
        assertThat(envelope.invite()).isEmpty();
        assertThat(envelope.pow()).isEmpty();
        assertThat(envelope.relayedBy()).isEmpty();
        assertThat(envelope.type()).isEqualTo("sidechannel");
    }

    @Test
    void defaultsTypeAndMessage() throws Exception {
        ObjectNode node = valid();
        node.remove("type");
        node.remove("message");
        Envelope envelope = decode(node);
        assertThat(envelope.type()).isEqualTo("sidechannel");
        assertThat(envelope.message()).isEqualTo(NullNode.getInstance());
    }

    @Test
    void lowercasesKeysAndSignature() throws Exception {
        ObjectNode node = valid();
        node.put("from", "AB".repeat(32));
        node.put("origin", "Ab".repeat(32));
        node.put("sig", "0F".repeat(64));
        Envelope envelope = decode(node);
        assertThat(envelope.from()).isEqualTo(FROM);
        assertThat(envelope.origin()).isEqualTo(FROM);
        assertThat(envelope.sig()).isEqualTo(SIG);
    }

    @Test
    void acceptsSignatureAsAliasOfSig() throws Exception {
        ObjectNode node = valid();
        node.remove("sig");
        node.put("signature", SIG);
        assertThat(decode(node).sig()).isEqualTo(SIG);
        node.put("sig", "");
        assertThat(decode(node).sig()).isEqualTo(SIG);
    }

    @Test
    void acceptsIntegralNumbersWrittenAsFloats() throws Exception {
        String text = valid().toString().replace("\"ts\":1700000000000", "\"ts\":1.7e12").replace("\"ttl\":3", "\"ttl\":3.0");
        Envelope envelope = EnvelopeCodec.decode(text.getBytes(StandardCharsets.UTF_8), 10_000);
        assertThat(envelope.ts()).isEqualTo(1_700_000_000_000L);
        assertThat(envelope.ttl()).isEqualTo(3);
    }

    @Test
    void keepsTheChannelAsSigned() throws Exception {
        ObjectNode node = valid();
        node.put("channel", " pub1 ");
        assertThat(decode(node).channel()).isEqualTo(" pub1 ");
    }

    @Test
    void checksSizeBeforeParsing() {
        byte[] notJson = new byte[101];
        assertThatThrownBy(() -> EnvelopeCodec.decode(notJson, 100))
                .isInstanceOf(EnvelopeException.class).hasMessage("larger than 100 bytes");
        byte[] exact = valid().toString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EnvelopeCodec.decode(exact, exact.length - 1))
                .hasMessage("larger than " + (exact.length - 1) + " bytes");
    }

    @Test
    void acceptsExactlyMaxBytes() throws Exception {
        byte[] exact = valid().toString().getBytes(StandardCharsets.UTF_8);
        assertThat(EnvelopeCodec.decode(exact, exact.length).channel()).isEqualTo("pub1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``|not JSON",
        "`{`|not JSON",
        "`{\"a\":1} x`|not JSON",
        "`{\"a\":NaN}`|not JSON",
        "`[1]`|not a JSON object",
        "`\"text\"`|not a JSON object",
        "`42`|not a JSON object"})
    void rejectsNonObjects(String text, String reason) {
        assertThatThrownBy(() -> EnvelopeCodec.decode(text.getBytes(StandardCharsets.UTF_8), 1000))
                .isInstanceOf(EnvelopeException.class).hasMessage(reason);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThatThrownBy(() -> EnvelopeCodec.decode(bytes, 1000)).hasMessageStartingWith("not JSON");
        byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> EnvelopeCodec.decode(utf16, 1000)).hasMessageStartingWith("not JSON");
    }

    @ParameterizedTest
    @CsvSource({"id", "channel", "from", "origin", "ts", "ttl", "sig"})
    void rejectsMissingRequiredFields(String field) {
        ObjectNode node = valid();
        node.remove(field);
        assertRejected(node, "missing field " + field);
        node.putNull(field);
        assertRejected(node, "missing field " + field);
    }

    @Test
    void rejectsBadIds() {
        ObjectNode node = valid();
        node.put("id", 5);
        assertRejected(node, "field id is not a string");
        node.put("id", "");
        assertRejected(node, "field id is empty");
        node.put("id", "x".repeat(257));
        assertRejected(node, "field id is longer than 256 chars");
    }

    @Test
    void acceptsLongestId() throws Exception {
        ObjectNode node = valid();
        node.put("id", "x".repeat(256));
        assertThat(decode(node).id()).hasSize(256);
    }

    @Test
    void rejectsBadChannels() throws Exception {
        ObjectNode node = valid();
        node.put("channel", "   ");
        assertRejected(node, "field channel is empty");
        node.put("channel", "c".repeat(257));
        assertRejected(node, "field channel is longer than 256 chars");
        node.put("channel", " " + "c".repeat(256) + " ");
        assertThat(decode(node).channel()).hasSize(258);
        node.putArray("channel");
        assertRejected(node, "field channel is not a string");
    }

    @Test
    void rejectsBadKeys() {
        ObjectNode node = valid();
        node.put("from", "ab".repeat(31));
        assertRejected(node, "from is not 64 hex");
        node = valid();
        node.put("origin", "zz".repeat(32));
        assertRejected(node, "origin is not 64 hex");
        node = valid();
        node.put("from", 12);
        assertRejected(node, "field from is not a string");
        node = valid();
        node.put("relayedBy", "nope");
        assertRejected(node, "relayedBy is not 64 hex");
    }

    @Test
    void rejectsBadSignatures() {
        ObjectNode node = valid();
        node.put("sig", "0f".repeat(63));
        assertRejected(node, "sig is not 128 hex");
        node.put("sig", "0g".repeat(64));
        assertRejected(node, "sig is not 128 hex");
        node.put("sig", 7);
        assertRejected(node, "field sig is not a string");
    }

    @Test
    void rejectsBadNumbers() {
        ObjectNode node = valid();
        node.put("ts", "1700000000000");
        assertRejected(node, "field ts is not an integer");
        node.put("ts", 1.5);
        assertRejected(node, "field ts is not an integer");
        node.put("ts", 1e300);
        assertRejected(node, "field ts is not an integer");
        node.put("ts", 1L << 60);
        assertRejected(node, "field ts is not an integer");
        node = valid();
        node.put("ttl", 256);
        assertRejected(node, "field ttl is out of range 0..255");
        node.put("ttl", -1);
        assertRejected(node, "field ttl is out of range 0..255");
        node.put("ttl", true);
        assertRejected(node, "field ttl is not an integer");
    }

    @Test
    void rejectsBadOptionalFields() {
        ObjectNode node = valid();
        node.put("type", 1);
        assertRejected(node, "field type is not a string");
        node = valid();
        node.put("invite", "text");
        assertRejected(node, "field invite is not an object");
        node = valid();
        node.put("pow", 5);
        assertRejected(node, "field pow is not an object");
        node = valid();
        node.putObject("pow").put("nonce", "1").put("difficulty", 12);
        assertRejected(node, "field pow.nonce is not an integer");
        node = valid();
        node.putObject("pow").put("nonce", 1);
        assertRejected(node, "field pow.difficulty is not an integer");
        node = valid();
        node.putObject("pow").put("nonce", 1).put("difficulty", -1);
        assertRejected(node, "field pow.difficulty is out of range");
    }

    @Test
    void encodeWritesFieldsInOrderAsJavaScriptWould() throws Exception {
        ObjectNode message = (ObjectNode) MAPPER.readTree("{\"z\":1e21,\"a\":\"\\u0001\"}");
        Envelope envelope = new Envelope("sidechannel", "i", "c", FROM, FROM, message, 1_700_000_000_000L, 2,
                Optional.of(JsonNodeFactory.instance.objectNode().put("sig", "s")), Optional.of(new Envelope.Pow(9, 12)),
                SIG, Optional.of(FROM));
        assertThat(new String(EnvelopeCodec.encode(envelope), StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"sidechannel\",\"id\":\"i\",\"channel\":\"c\",\"from\":\"" + FROM + "\",\"origin\":\"" + FROM
                        + "\",\"message\":{\"z\":1e+21,\"a\":\"\\u0001\"},\"ts\":1700000000000,\"ttl\":2,"
                        + "\"invite\":{\"sig\":\"s\"},\"pow\":{\"nonce\":9,\"difficulty\":12},\"sig\":\"" + SIG
                        + "\",\"relayedBy\":\"" + FROM + "\"}");
    }

    @Test
    void encodeOmitsAbsentOptionalFields() {
        Envelope envelope = new Envelope("sidechannel", "i", "c", FROM, FROM, null, 1, 0, Optional.empty(),
                Optional.empty(), SIG, Optional.empty());
        assertThat(new String(EnvelopeCodec.encode(envelope), StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"sidechannel\",\"id\":\"i\",\"channel\":\"c\",\"from\":\"" + FROM + "\",\"origin\":\"" + FROM
                        + "\",\"message\":null,\"ts\":1,\"ttl\":0,\"sig\":\"" + SIG + "\"}");
    }

    @Test
    void encodeThenDecodeIsIdentity() throws Exception {
        ObjectNode node = valid();
        node.set("message", MAPPER.readTree("{\"control\":\"open_channel\",\"channel\":\"x\",\"list\":[1,2.5,null]}"));
        node.putObject("invite").putObject("payload").put("channel", "x");
        node.putObject("pow").put("nonce", 3).put("difficulty", 12);
        node.put("relayedBy", FROM);
        Envelope envelope = decode(node);
        assertThat(EnvelopeCodec.decode(EnvelopeCodec.encode(envelope), 1_000_000)).isEqualTo(envelope);
    }

    @Test
    void lastDuplicateKeyWinsAsInJsonParse() throws Exception {
        String text = valid().toString().replace("\"ttl\":3", "\"ttl\":3,\"ttl\":1");
        assertThat(EnvelopeCodec.decode(text.getBytes(StandardCharsets.UTF_8), 10_000).ttl()).isEqualTo(1);
    }
}
