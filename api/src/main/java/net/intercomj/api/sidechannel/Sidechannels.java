package net.intercomj.api.sidechannel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.intercomj.api.network.Registration;

/**
 * The sidechannel plane: fast, ephemeral messages between peers on named channels, under the
 * policies the peer was started with (welcomes, owner-only write, invites, proof of work, rate
 * limits). Offered by the sidechannel plugin; the SC-Bridge and apps use it.
 *
 * <p>Invites and welcomes travel as JSON object text, exactly as {@code /sc_invite} and
 * {@code /sc_welcome} print them.
 */
public interface Sidechannels {

    /** The channel every peer joins, open to all, which cannot be left. */
    String ENTRY_CHANNEL = "0000intercom";

    /** Whether the plane has joined its start-up channels. */
    boolean started();

    /** The channels joined, the entry channel first. */
    List<String> channels();

    /** How many links carry at least one sidechannel. */
    int connectionCount();

    /**
     * Joins {@code channel}, after accepting {@code invite} and {@code welcome} when given.
     *
     * @return false when the channel is invite-only and this peer holds no valid invite, or the
     *         name is empty
     */
    boolean join(String channel, Optional<String> invite, Optional<String> welcome);

    /** Leaves {@code channel}; false for the entry channel or a channel not joined. */
    boolean leave(String channel);

    /**
     * Sends {@code messageJson} (any JSON value, as text) on {@code channel}, joining it first.
     *
     * @return false when a policy refuses it (owner-only, invite required, too large) or the
     *         name is empty; true does not mean any peer received it
     */
    boolean send(String channel, String messageJson, Optional<String> invite, Optional<String> welcome);

    /**
     * Asks the peers of {@code via} to open {@code channel}, carrying an invite or welcome for it.
     *
     * @return false when the request could not be sent on {@code via}
     */
    boolean requestOpen(String channel, Optional<String> via, Optional<String> invite, Optional<String> welcome);

    /** The welcome this peer holds for {@code channel}, as JSON text. */
    Optional<String> welcome(String channel);

    /**
     * Signs a welcome for {@code channel} with this peer's key and keeps it when this peer is the
     * channel's configured owner.
     *
     * @return the welcome as JSON text
     */
    String createWelcome(String channel, String text);

    /**
     * Signs an invite to {@code channel} for the peer with public key {@code inviteeKey}.
     *
     * @param ttl     how long it stays valid; must be positive
     * @param welcome the welcome to embed, if any
     * @return the invite as JSON text
     */
    String createInvite(String channel, String inviteeKey, Duration ttl, Optional<String> welcome);

    /**
     * Reads an invite or welcome as users pass it: JSON object text, base64 of it (optionally
     * prefixed {@code b64:}), or {@code @path} of a file holding either.
     *
     * @return the JSON object text, or empty when it is none of these
     */
    Optional<String> decodeToken(String text);

    /**
     * Calls {@code listener} with every message delivered from now on, on the plane's threads.
     *
     * @return stops the calls
     */
    Registration subscribe(Consumer<SidechannelMessage> listener);

    /**
     * Like {@link #subscribe}, for an app that owns some messages: {@code handler} returns true
     * for a message that was its own (handled or refused), and the plane then does not print it
     * as {@code [sidechannel:<ch>] <from>: <message>} on the console (the original's
     * {@code handled} rule). Bridge clients still receive it. Planes that print nothing may keep
     * this default.
     *
     * @return stops the calls
     */
    default Registration handle(Predicate<SidechannelMessage> handler) {
        return subscribe(handler::test);
    }
}
