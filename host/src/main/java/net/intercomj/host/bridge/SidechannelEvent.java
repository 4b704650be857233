package net.intercomj.host.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.intercomj.api.sidechannel.SidechannelMessage;

/**
 * A delivered sidechannel message as the {@code sidechannel_message} event (spec §3.6), encoded
 * once for every client that gets it.
 *
 * @param channel    the channel it arrived on
 * @param utf8       the event's JSON
 * @param filterText what filters match against: the message itself when it is a string, else its JSON
 */
record SidechannelEvent(String channel, ByteBuffer utf8, String filterText) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SidechannelEvent of(SidechannelMessage message) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", "sidechannel_message");
        event.put("channel", message.channel());
        event.put("id", message.id());
        event.put("from", message.from());
        event.put("origin", message.origin());
        event.put("sig", message.sig());
        event.put("relayedBy", message.relayedBy().orElse(null));
        event.put("ttl", message.ttl());
        event.put("ts", message.ts());
        // The plane hands over compact JSON it has already checked; it is not parsed again.
        event.putRawValue("message", new RawValue(message.messageJson()));
        ByteBuffer utf8 = ByteBuffer.wrap(event.toString().getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        return new SidechannelEvent(message.channel(), utf8, filterText(message.messageJson()));
    }

    private static String filterText(String messageJson) {
        if (!messageJson.startsWith("\"")) {
            return messageJson;
        }
        try {
            JsonNode text = JSON.readTree(messageJson);
            return text.asText();
        } catch (JsonProcessingException e) {
            return messageJson;
        }
    }
}
