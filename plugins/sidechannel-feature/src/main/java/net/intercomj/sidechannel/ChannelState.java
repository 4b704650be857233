package net.intercomj.sidechannel;

import java.util.HashMap;
import java.util.Map;
import net.intercomj.api.network.Registration;

/** A joined channel: its protocol registration and the peers that proved an invite to it. Guarded by the plane's lock. */
final class ChannelState {

    final byte[] topic;
    Registration serving;
    /** Remote key → when its invite expires (epoch ms). */
    final Map<String, Long> invitedPeers = new HashMap<>();

    ChannelState(byte[] topic) {
        this.topic = topic;
    }
}
