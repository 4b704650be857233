package net.intercomj.sidechannel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import net.intercomj.api.plugin.PeerConsole;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.sidechannel.envelope.Envelope;
import net.intercomj.sidechannel.envelope.EnvelopeCodec;
import net.intercomj.sidechannel.envelope.MessageIds;
import net.intercomj.sidechannel.envelope.MessageSignature;
import net.intercomj.sidechannel.pow.ProofOfWork;
import net.intercomj.sidechannel.relay.SeenCache;

/**
 * Builds this peer's envelopes: a fresh id, proof of work where the channel needs it, the
 * signature, and the size guard (spec §2.9 steps 6–8). Thread-safe.
 */
final class OutgoingEnvelopes {

    private final Policy policy;
    private final Wallet wallet;
    private final SeenCache seen;
    private final PeerConsole console;
    private final LongSupplier clock;

    OutgoingEnvelopes(Policy policy, Wallet wallet, SeenCache seen, PeerConsole console, LongSupplier clock) {
        this.policy = policy;
        this.wallet = wallet;
        this.seen = seen;
        this.console = console;
        this.clock = clock;
    }

    /** The encoded envelope of {@code message}, or empty with a console line saying why not. */
    Optional<byte[]> build(String channel, JsonNode message, Optional<ObjectNode> invite) {
        String own = policy.ownKey();
        long ts = clock.getAsLong();
        String id = MessageIds.newId(own, ts);
        Optional<Envelope.Pow> pow = Optional.empty();
        int bits = policy.powBits(channel);
        if (bits > 0) {
            // Bounded: an absurd difficulty fails the send instead of freezing the peer (fix §6.27).
            long maxTries = bits >= 40 ? 1L << 40 : Math.max(1L << 20, 64L << bits);
            OptionalLong nonce = ProofOfWork.solve(id, channel, own, own, message, ts, bits, maxTries);
            if (nonce.isEmpty()) {
                console.println("[sidechannel:" + channel + "] message rejected (no proof of work found for "
                        + bits + " bits).");
                return Optional.empty();
            }
            pow = Optional.of(new Envelope.Pow(nonce.getAsLong(), bits));
        }
        String sig = MessageSignature.sign(wallet, id, channel, own, own, ts, message);
        Envelope envelope = new Envelope("sidechannel", id, channel, own, own, message, ts, Policy.RELAY_TTL, invite,
                pow, sig, Optional.empty());
        byte[] bytes = EnvelopeCodec.encode(envelope);
        int max = policy.config().maxBytes();
        if (bytes.length > max) {
            console.println("[sidechannel:" + channel + "] message too large (" + bytes.length + " bytes > " + max + ").");
            return Optional.empty();
        }
        // Remembered, so this peer ignores its own message when a relay echoes it back.
        seen.remember(own + ":" + id, ts);
        return Optional.of(bytes);
    }
}
