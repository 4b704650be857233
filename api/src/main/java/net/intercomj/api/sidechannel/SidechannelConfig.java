package net.intercomj.api.sidechannel;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sidechannel settings the peer was started with: the {@code --sidechannel*} flags, already
 * parsed with the original's rules and defaults (see {@code docs/flags.md}).
 *
 * @param extras             channels joined at start besides {@link Sidechannels#ENTRY_CHANNEL}
 * @param debug              log every drop with its reason
 * @param quiet              do not print received messages when the bridge is off
 * @param bridgeEnabled      the SC-Bridge is on: received messages go to it, not to the console
 * @param maxBytes           largest envelope, in bytes, sent or accepted
 * @param allowRemoteOpen    handle {@code open_channel} requests
 * @param autoJoin           join the target of an accepted open request
 * @param pow                proof of work on
 * @param powDifficulty      required leading zero bits; 0 or less turns proof of work off
 * @param powEntryOnly       proof of work only on the entry channel
 * @param powChannels        proof of work only on these channels (empty: all); wins over
 *                           {@code powEntryOnly}
 * @param rateBytes          inbound bytes per second per peer; 0 or less turns the limiter off
 * @param rateBurst          the limiter's bucket, in bytes
 * @param maxStrikes         over-limit messages within 5 s before a peer is blocked for 30 s
 * @param inviteRequired     master switch of invite gating
 * @param inviteChannels     gate only these channels (empty: not restricted by name)
 * @param invitePrefixes     gate only channels with these prefixes (empty: not restricted)
 * @param inviterKeys        trusted inviter keys, 64 lowercase hex; empty with
 *                           {@code inviteRequired} means this peer's own key
 * @param inviteTtl          default lifetime of new invites; zero means one must be given
 * @param owners             owner key (64 lowercase hex) per channel
 * @param ownerWriteOnly     only owners may send, on every channel but the entry channel
 * @param ownerWriteChannels only owners may send on these channels
 * @param welcomes           pre-signed welcome per channel, as JSON object text
 * @param welcomeRequired    channels other than the entry channel deliver nothing until a
 *                           verified welcome arrived
 */
public record SidechannelConfig(
        List<String> extras,
        boolean debug,
        boolean quiet,
        boolean bridgeEnabled,
        int maxBytes,
        boolean allowRemoteOpen,
        boolean autoJoin,
        boolean pow,
        int powDifficulty,
        boolean powEntryOnly,
        List<String> powChannels,
        int rateBytes,
        int rateBurst,
        int maxStrikes,
        boolean inviteRequired,
        List<String> inviteChannels,
        List<String> invitePrefixes,
        List<String> inviterKeys,
        Duration inviteTtl,
        Map<String, String> owners,
        boolean ownerWriteOnly,
        List<String> ownerWriteChannels,
        Map<String, String> welcomes,
        boolean welcomeRequired) {

    public SidechannelConfig {
        extras = List.copyOf(extras);
        powChannels = List.copyOf(powChannels);
        inviteChannels = List.copyOf(inviteChannels);
        invitePrefixes = List.copyOf(invitePrefixes);
        inviterKeys = List.copyOf(inviterKeys);
        Objects.requireNonNull(inviteTtl, "inviteTtl");
        owners = Collections.unmodifiableMap(new LinkedHashMap<>(owners));
        ownerWriteChannels = List.copyOf(ownerWriteChannels);
        welcomes = Collections.unmodifiableMap(new LinkedHashMap<>(welcomes));
    }

    /** The original's defaults: what a peer started with no sidechannel flags uses. */
    public static SidechannelConfig defaults() {
        return new SidechannelConfig(List.of(), false, false, false, 1_000_000, true, false, true, 12, false,
                List.of(), 64_000, 256_000, 3, false, List.of(), List.of(), List.of(), Duration.ofDays(7), Map.of(),
                false, List.of(), Map.of(), true);
    }
}
