package net.intercomj.sidechannel.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A sidechannel message as it travels (spec §2.5).
 *
 * <p>{@code from}, {@code origin} and {@code sig} are lowercase hex once decoded. The JSON values
 * ({@code message}, {@code invite}) are shared, not copied: treat them as read-only.
 *
 * @param type      {@code "sidechannel"}; never checked by receivers
 * @param id        {@code <from>:<ts>:<random>}, the dedupe key
 * @param channel   the channel the sender signed for
 * @param from      the author's public key (64 hex)
 * @param origin    same as {@code from}; relays keep it
 * @param message   any JSON value; JSON null when absent
 * @param ts        the author's clock, epoch millis
 * @param ttl       relay hops left
 * @param invite    an invite carried for gated channels
 * @param pow       proof of work, when the sender's channel requires it
 * @param sig       Ed25519 signature of {@link MessageSignature#signedBytes}, 128 hex
 * @param relayedBy the last relay's public key; not signed
 */
public record Envelope(String type, String id, String channel, String from, String origin, JsonNode message,
        long ts, int ttl, Optional<ObjectNode> invite, Optional<Pow> pow, String sig, Optional<String> relayedBy) {

    /** The default and only {@code type} the original sends. */
    public static final String TYPE = "sidechannel";

    /**
     * Proof of work attached by the sender.
     *
     * @param nonce      the nonce that solves the puzzle
     * @param difficulty the sender's difficulty; informative only, receivers use their own
     */
    public record Pow(long nonce, int difficulty) {
    }

    public Envelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(origin, "origin");
        message = message == null || message.isMissingNode() ? NullNode.getInstance() : message;
        Objects.requireNonNull(invite, "invite");
        Objects.requireNonNull(pow, "pow");
        Objects.requireNonNull(sig, "sig");
        Objects.requireNonNull(relayedBy, "relayedBy");
    }
}
