package net.intercomj.host.net.lan;

import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.swarm.PeerAddress;

/** What LAN discovery multicasts; {@link LanCodec} encodes and decodes it. */
sealed interface LanMessage {

    /** {@code peer} can be dialled for {@code topic}: sent on announce and in answer to a query. */
    record Announce(Bytes32 topic, PeerAddress peer) implements LanMessage {}

    /** Who announces {@code topic}? Whoever does answers with an {@link Announce}. */
    record Query(Bytes32 topic) implements LanMessage {}

    /** The peer with {@code publicKey} no longer announces {@code topic}: forget it now rather than at expiry. */
    record Unannounce(Bytes32 topic, Bytes32 publicKey) implements LanMessage {}
}
