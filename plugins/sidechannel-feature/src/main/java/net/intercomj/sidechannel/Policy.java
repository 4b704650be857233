package net.intercomj.sidechannel;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.api.sidechannel.Sidechannels;

/**
 * Which rules apply to which channel, decided from the peer's flags alone (spec
 * upstream-sidechannel-bridge §2.8, §2.12, §2.13, §2.17). Immutable.
 */
record Policy(SidechannelConfig config, String ownKey, Set<String> inviterKeys) {

    /** Relay hops a message may travel, and the cap on what a received message claims. */
    static final int RELAY_TTL = 3;

    static Policy of(SidechannelConfig config, String ownKey) {
        Set<String> inviters = new LinkedHashSet<>();
        config.inviterKeys().forEach(key -> inviters.add(key.toLowerCase(Locale.ROOT)));
        // With invites required and no inviter named, this peer invites alone (as upstream).
        if (config.inviteRequired() && inviters.isEmpty()) {
            inviters.add(ownKey);
        }
        return new Policy(config, ownKey, Set.copyOf(inviters));
    }

    static boolean isEntry(String channel) {
        return Sidechannels.ENTRY_CHANNEL.equals(channel);
    }

    /** Whether messages on {@code channel} must carry proof of work, and of how many bits. */
    int powBits(String channel) {
        if (!config.pow() || config.powDifficulty() <= 0) {
            return 0;
        }
        boolean required;
        if (!config.powChannels().isEmpty()) {
            required = config.powChannels().contains(channel);
        } else if (config.powEntryOnly()) {
            required = isEntry(channel);
        } else {
            required = true;
        }
        return required ? config.powDifficulty() : 0;
    }

    boolean inviteGated(String channel) {
        if (isEntry(channel) || !config.inviteRequired()) {
            return false;
        }
        boolean byName = config.inviteChannels().contains(channel);
        boolean byPrefix = config.invitePrefixes().stream().anyMatch(channel::startsWith);
        boolean unrestricted = config.inviteChannels().isEmpty() && config.invitePrefixes().isEmpty();
        return unrestricted || byName || byPrefix;
    }

    boolean ownerOnly(String channel) {
        return !isEntry(channel) && (config.ownerWriteOnly() || config.ownerWriteChannels().contains(channel));
    }

    boolean welcomeRequired(String channel) {
        return !isEntry(channel) && config.welcomeRequired();
    }

    Optional<String> owner(String channel) {
        return Optional.ofNullable(config.owners().get(channel)).map(key -> key.toLowerCase(Locale.ROOT));
    }

    boolean isOwner(String channel) {
        return owner(channel).map(ownKey::equals).orElse(false);
    }

    boolean isInviter(String key) {
        return inviterKeys.contains(key);
    }
}
