package net.intercomj.sidechannel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import net.intercomj.api.plugin.PeerConsole;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.sidechannel.auth.Invite;
import net.intercomj.sidechannel.auth.Verdict;
import net.intercomj.sidechannel.auth.Welcome;

/**
 * The welcomes and invites this peer holds, per channel. Welcomes given by flag are kept apart
 * from those learnt while running, so leaving a channel forgets only the latter (fix §6.4).
 * Everything stored has been verified. Thread-safe; it never calls out while locked.
 */
final class Credentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Policy policy;
    private final SignatureVerifier verifier;
    private final LongSupplier clock;
    private final Map<String, Welcome> configured;
    private final Map<String, Welcome> learnt = new HashMap<>();
    private final Map<String, Invite> ownInvites = new HashMap<>();

    Credentials(Policy policy, SignatureVerifier verifier, PeerConsole console, LongSupplier clock) {
        this.policy = policy;
        this.verifier = verifier;
        this.clock = clock;
        this.configured = verifiedConfiguredWelcomes(console);
    }

    /** Flag-given welcomes that verify; the others are refused with a warning (fix §6.9). */
    private Map<String, Welcome> verifiedConfiguredWelcomes(PeerConsole console) {
        Map<String, Welcome> verified = new HashMap<>();
        policy.config().welcomes().forEach((channel, text) -> {
            Optional<Welcome> welcome = readJson(text).flatMap(Welcome::parse);
            if (welcome.isEmpty()) {
                console.warn("[sidechannel:" + channel + "] --sidechannel-welcome ignored: not a welcome.");
                return;
            }
            switch (welcome.get().verify(channel, policy.owner(channel), verifier)) {
                case Verdict.Valid valid -> verified.put(channel, welcome.get());
                case Verdict.Invalid invalid -> console.warn("[sidechannel:" + channel
                        + "] --sidechannel-welcome ignored: " + invalid.reason() + ".");
            }
        });
        return Map.copyOf(verified);
    }

    /** Whether {@code welcome} is the configured owner's welcome of {@code channel}. */
    boolean verifies(Welcome welcome, String channel) {
        return welcome.verify(channel, policy.owner(channel), verifier).valid();
    }

    /** Keeps an invite for this peer and a welcome, when they verify; invalid ones are ignored (as upstream). */
    void accept(String channel, Optional<String> inviteText, Optional<String> welcomeText) {
        long now = clock.getAsLong();
        Optional<Invite> invite = inviteText.flatMap(Credentials::readJson).flatMap(Invite::parse)
                .filter(i -> i.verify(channel, policy.ownKey(), policy.inviterKeys(), now, verifier).valid());
        Optional<Welcome> welcome = welcomeText.flatMap(Credentials::readJson)
                .or(() -> invite.flatMap(Invite::welcome).map(node -> (JsonNode) node))
                .flatMap(Welcome::parse)
                .filter(w -> verifies(w, channel));
        synchronized (this) {
            invite.ifPresent(i -> ownInvites.put(channel, i));
            welcome.ifPresent(w -> learnt.put(channel, w));
        }
    }

    /** Keeps a verified welcome that arrived from a peer, unless one is held already. */
    synchronized void learn(String channel, Welcome welcome) {
        learnt.putIfAbsent(channel, welcome);
    }

    /** Keeps this peer's own welcome for a channel it owns. */
    synchronized void keepOwn(String channel, Welcome welcome) {
        learnt.put(channel, welcome);
    }

    /** Forgets what was learnt for a channel left; welcomes given by flag stay. */
    synchronized void forget(String channel) {
        learnt.remove(channel);
        ownInvites.remove(channel);
    }

    /** The welcome held for {@code channel}: learnt first, then configured. */
    synchronized Optional<Welcome> welcomeFor(String channel) {
        return Optional.ofNullable(learnt.get(channel)).or(() -> Optional.ofNullable(configured.get(channel)));
    }

    /** Whether messages of {@code channel} may be delivered as far as welcomes go. */
    boolean welcomed(String channel) {
        return policy.isOwner(channel) || welcomeFor(channel).isPresent();
    }

    /** This peer's unexpired invite to {@code channel}. */
    synchronized Optional<Invite> liveInvite(String channel) {
        return Optional.ofNullable(ownInvites.get(channel)).filter(i -> i.expiresAt() > clock.getAsLong());
    }

    /** Whether this peer may join an invite-only {@code channel}: it is an inviter or holds a live invite. */
    boolean mayJoin(String channel) {
        return policy.isInviter(policy.ownKey()) || liveInvite(channel).isPresent();
    }

    static Optional<JsonNode> readJson(String text) {
        try {
            return Optional.ofNullable(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
