package net.intercomj.api.sidechannel;

import java.util.Objects;
import java.util.Optional;

/**
 * A message delivered on a sidechannel, after every policy check passed. Its sender is
 * verified: {@code sig} is {@code from}'s signature over the message.
 *
 * @param channel     the channel it arrived on
 * @param id          the sender's message id
 * @param from        the sender's public key, 64 lowercase hex
 * @param origin      the key the message was first sent by (equal to {@code from})
 * @param sig         the signature, 128 lowercase hex
 * @param relayedBy   the key of the last peer that relayed it; empty when it came directly
 * @param ttl         hops it may still travel
 * @param ts          the sender's clock when sent, milliseconds since the epoch
 * @param messageJson the message itself as compact JSON text (a string message is a JSON string)
 */
public record SidechannelMessage(String channel, String id, String from, String origin, String sig,
        Optional<String> relayedBy, int ttl, long ts, String messageJson) {

    public SidechannelMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sig, "sig");
        Objects.requireNonNull(relayedBy, "relayedBy");
        Objects.requireNonNull(messageJson, "messageJson");
    }
}
