package net.intercomj.focusroom;

import java.util.Objects;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * A session event as it travels and as the session's log keeps it: the original's message
 * {@code {app, eventType, payload, at, by}} plus {@code seq} and {@code sig} (see
 * {@link Signatures}).
 *
 * @param event the event; its author ({@code host}/{@code who}) is {@code by}
 * @param at    the author's clock when sent (display only)
 * @param by    the author's public key, 64 lowercase hex
 * @param seq   the author's sequence number, increasing with every event it sends; receivers
 *              order an author's events by it, never by clocks (W5)
 * @param sig   the author's Ed25519 signature, 128 lowercase hex
 */
record SignedEvent(FocusEvent event, long at, String by, long seq, String sig) implements WireMessage {

    SignedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(sig, "sig");
        if (!event.author().equals(by)) {
            throw new IllegalArgumentException("the event's author " + event.author() + " is not its signer " + by);
        }
    }

    @Override
    public String room() {
        return event.room();
    }

    @Override
    public JsonObject toJson() {
        return WireMessage.envelope(event.type(), event.payload(), at, by).with("seq", Json.of(seq)).with("sig", Json.of(sig));
    }

    static SignedEvent decode(String type, JsonObject payload, String by, long at, JsonObject message) {
        FocusEvent event = FocusEvent.fromPayload(type, payload);
        long seq = message.integer("seq");
        if (seq < 1) {
            throw new IllegalArgumentException("field \"seq\" must be positive");
        }
        return new SignedEvent(event, at, by, seq, message.string("sig"));
    }
}
