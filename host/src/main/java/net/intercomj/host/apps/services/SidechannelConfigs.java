package net.intercomj.host.apps.services;

import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.host.cli.PeerOptions;

/** The sidechannel flags as parsed by the host, in the form the sidechannel plugin is given. */
public final class SidechannelConfigs {

    private SidechannelConfigs() {}

    public static SidechannelConfig from(PeerOptions options) {
        PeerOptions.SidechannelOptions s = options.sidechannel();
        return new SidechannelConfig(s.extras(), s.debug(), s.quiet(), options.scBridgeEnabled(), s.maxBytes(),
                s.allowRemoteOpen(), s.autoJoin(), s.pow(), s.powDifficulty(), s.powEntryOnly(), s.powChannels(),
                s.rateBytes(), s.rateBurst(), s.maxStrikes(), s.inviteRequired(), s.inviteChannels(),
                s.invitePrefixes(), s.inviterKeys(), s.inviteTtl(), s.owners(), s.ownerWriteOnly(),
                s.ownerWriteChannels(), s.welcomes(), s.welcomeRequired());
    }
}
