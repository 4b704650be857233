package net.intercomj.host.net.noise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Our XX handshake against one run of an independent implementation (see the fixture's README). */
class HandshakeVectorTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void reproducesTheIndependentImplementationByteForByte() throws Exception {
        JsonNode vector;
        try (InputStream in = getClass().getResourceAsStream("/net/noise/xx-vector.json")) {
            vector = new ObjectMapper().readTree(in);
        }
        byte[] prologue = bytes(vector, "prologue");
        byte[][] payloads = new byte[3][];
        for (int i = 0; i < 3; i++) {
            payloads[i] = HEX.parseHex(vector.get("payloads").get(i).asText());
        }
        X25519KeyPair initiatorStatic = keyPair(vector, "initiatorStatic");
        X25519KeyPair responderStatic = keyPair(vector, "responderStatic");

        HandshakeState initiator = new HandshakeState(true, prologue, initiatorStatic,
                keyPair(vector, "initiatorEphemeral"), fixed(payloads));
        HandshakeState responder = new HandshakeState(false, prologue, responderStatic,
                keyPair(vector, "responderEphemeral"), fixed(payloads));

        for (int i = 0; i < 3; i++) {
            HandshakeState writer = i % 2 == 0 ? initiator : responder;
            HandshakeState reader = i % 2 == 0 ? responder : initiator;
            byte[] message = writer.writeMessage();
            assertThat(HEX.formatHex(message)).as("message %d", i + 1)
                    .isEqualTo(vector.get("messages").get(i).asText());
            reader.readMessage(message);
        }

        HandshakeState.Result atInitiator = initiator.result();
        HandshakeState.Result atResponder = responder.result();
        assertThat(HEX.formatHex(atInitiator.handshakeHash())).isEqualTo(vector.get("handshakeHash").asText());
        assertThat(atResponder.handshakeHash()).isEqualTo(atInitiator.handshakeHash());
        assertThat(atInitiator.remoteStatic()).isEqualTo(responderStatic.publicKey());
        assertThat(atResponder.remoteStatic()).isEqualTo(initiatorStatic.publicKey());

        byte[] plaintext = bytes(vector, "transportPlaintext");
        byte[] forward = atInitiator.send().encryptWithAd(new byte[0], plaintext, 0, plaintext.length);
        byte[] backward = atResponder.send().encryptWithAd(new byte[0], plaintext, 0, plaintext.length);
        assertThat(HEX.formatHex(forward)).isEqualTo(vector.get("initiatorToResponder").asText());
        assertThat(HEX.formatHex(backward)).isEqualTo(vector.get("responderToInitiator").asText());
        assertThat(atResponder.receive().decryptWithAd(new byte[0], forward, 0, forward.length)).isEqualTo(plaintext);
    }

    private static HandshakeState.PayloadHook fixed(byte[][] payloads) {
        return new HandshakeState.PayloadHook() {
            @Override
            public byte[] write(int index, byte[] handshakeHash) {
                return payloads[index - 1];
            }

            @Override
            public void read(int index, byte[] payload, byte[] handshakeHash) {
                assertThat(payload).isEqualTo(payloads[index - 1]);
            }
        };
    }

    private static X25519KeyPair keyPair(JsonNode vector, String name) {
        X25519KeyPair pair = X25519KeyPair.fromPrivate(bytes(vector, name + "Private"));
        assertThat(pair.publicKey()).isEqualTo(bytes(vector, name + "Public"));
        return pair;
    }

    private static byte[] bytes(JsonNode vector, String field) {
        return HEX.parseHex(vector.get(field).asText());
    }
}
