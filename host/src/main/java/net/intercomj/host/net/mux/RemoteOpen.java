package net.intercomj.host.net.mux;

import java.nio.ByteBuffer;

/**
 * The other side's request to open a channel that this side has not opened: what a
 * {@link ChannelAcceptor} decides on.
 *
 * @param protocol  the protocol name
 * @param id        the channel id within the protocol (read-only, possibly empty)
 * @param handshake the opener's handshake payload (read-only, possibly empty)
 */
public record RemoteOpen(String protocol, ByteBuffer id, ByteBuffer handshake) {}
