package net.intercomj.sidechannel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.sidechannel.auth.Welcome;
import net.intercomj.sidechannel.envelope.Envelope;
import net.intercomj.sidechannel.envelope.EnvelopeCodec;
import net.intercomj.sidechannel.envelope.EnvelopeException;
import net.intercomj.sidechannel.envelope.MessageSignature;
import net.intercomj.sidechannel.limit.RateLimiter;
import net.intercomj.sidechannel.pow.ProofOfWork;
import net.intercomj.sidechannel.relay.SeenCache;

/**
 * The checks every inbound message passes, in order (spec §2.10 with the fixes of §6): cheap
 * ones first, and the rate limit before any costly one (fix §6.24). Thread-safe: each port's
 * thread runs its own messages through it.
 */
final class InboundPipeline {

    /** Decides whether a peer may speak on an invite-only channel; may record a proven invite. */
    @FunctionalInterface
    interface InviteGate {
        boolean admits(String channel, String remoteKey, Envelope envelope);
    }

    private final Policy policy;
    private final SignatureVerifier verifier;
    private final RateLimiter limiter;
    private final SeenCache seen;
    private final Credentials credentials;
    private final InviteGate inviteGate;

    InboundPipeline(Policy policy, SignatureVerifier verifier, RateLimiter limiter, SeenCache seen,
            Credentials credentials, InviteGate inviteGate) {
        this.policy = policy;
        this.verifier = verifier;
        this.limiter = limiter;
        this.seen = seen;
        this.credentials = credentials;
        this.inviteGate = inviteGate;
    }

    Inbound check(String channel, String remote, byte[] bytes) {
        // Inbound size is bounded whatever the limiter says (fix §6.26).
        if (bytes.length > policy.config().maxBytes()) {
            return new Inbound.Dropped("too large: " + bytes.length + " bytes");
        }
        // Keyed by the peer's key, so reconnecting does not lift a block (fix §6.25).
        switch (limiter.check(remote, bytes.length)) {
            case ACCEPT -> { }
            case BLOCKED_NOW -> {
                return new Inbound.Blocked(true);
            }
            case REJECT -> {
                return new Inbound.Dropped("rate limit");
            }
            case BLOCKED -> {
                return new Inbound.Blocked(false);
            }
        }
        Envelope envelope;
        try {
            envelope = EnvelopeCodec.decode(bytes, policy.config().maxBytes());
        } catch (EnvelopeException e) {
            return new Inbound.Dropped("malformed: " + e.getMessage());
        }
        // A message signed for one channel is not accepted on another (fix §6.22).
        if (!envelope.channel().trim().equals(channel)) {
            return new Inbound.Dropped("signed for channel " + envelope.channel());
        }
        if (!envelope.from().equals(envelope.origin())) {
            return new Inbound.Dropped("origin differs from from");
        }
        JsonNode message = envelope.message();
        String control = message.isObject() && message.path("control").isTextual() ? message.get("control").asText() : "";
        if (policy.inviteGated(channel) && !inviteGate.admits(channel, remote, envelope)) {
            return new Inbound.Dropped("invite");
        }
        int bits = policy.powBits(channel);
        if (bits > 0 && (envelope.pow().isEmpty() || !ProofOfWork.check(envelope.id(), envelope.channel(),
                envelope.from(), envelope.origin(), message, envelope.ts(), envelope.pow().get().nonce(), bits))) {
            return new Inbound.Dropped("invalid pow");
        }
        // Every message's sender is proven, not only on owner-only channels (fix §6.20).
        if (!MessageSignature.verify(verifier, envelope)) {
            return new Inbound.Dropped("bad signature");
        }
        if (policy.ownerOnly(channel) && !control.equals("auth") && !control.equals("welcome")
                && !policy.owner(channel).map(envelope.from()::equals).orElse(false)) {
            return new Inbound.Dropped("owner-only");
        }
        switch (seen.offer(envelope.from() + ":" + envelope.id(), envelope.ts())) {
            case FRESH -> { }
            case DUPLICATE -> {
                return new Inbound.Dropped("duplicate " + envelope.id());
            }
            case STALE -> {
                return new Inbound.Dropped("stale (replay window) " + envelope.id());
            }
        }
        boolean carriedWelcome = false;
        Optional<JsonNode> embedded = embeddedWelcome(envelope, message);
        if (embedded.isPresent()) {
            Optional<Welcome> welcome = Welcome.parse(embedded.get()).filter(w -> credentials.verifies(w, channel));
            if (welcome.isPresent()) {
                carriedWelcome = true;
                credentials.learn(channel, welcome.get());
            } else if (control.equals("welcome")) {
                return new Inbound.Dropped("invalid welcome");
            }
        } else if (control.equals("welcome")) {
            return new Inbound.Dropped("missing welcome");
        }
        if (policy.welcomeRequired(channel) && !carriedWelcome && !credentials.welcomed(channel)) {
            return new Inbound.Dropped("awaiting welcome");
        }
        return switch (control) {
            // Authorized by the invite gate above.
            case "auth" -> new Inbound.Authorized();
            case "welcome" -> new Inbound.WelcomeTaken();
            case "open_channel" -> policy.config().allowRemoteOpen() && message.path("channel").isTextual()
                    && !message.get("channel").asText().trim().isEmpty()
                    ? new Inbound.OpenRequest(envelope) : new Inbound.Message(envelope);
            default -> new Inbound.Message(envelope);
        };
    }

    /** Where the original looked for a welcome carried by a message, in its order. */
    private static Optional<JsonNode> embeddedWelcome(Envelope envelope, JsonNode message) {
        List<JsonNode> candidates = new ArrayList<>();
        candidates.add(message.path("welcome"));
        envelope.invite().ifPresent(invite -> candidates.add(invite.path("welcome")));
        candidates.add(message.path("invite").path("welcome"));
        return candidates.stream().filter(JsonNode::isObject).findFirst();
    }
}
