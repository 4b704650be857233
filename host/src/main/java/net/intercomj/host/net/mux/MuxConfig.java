package net.intercomj.host.net.mux;

import java.time.Duration;

/**
 * Limits of one mux. Together they bound the memory a connection can make this side hold,
 * whatever the other side does: at most {@code maxChannels} channels each buffering at most
 * {@code channelInboundBytes} (plus one frame) for a slow handler, and at most
 * {@code outboundBytes} queued for a slow reader on the other side.
 *
 * @param maxFrameBytes       largest frame accepted or sent (a message plus a few bytes)
 * @param maxChannels         channels (open, opening or closing) per connection
 * @param channelInboundBytes messages buffered per channel before reading pauses
 * @param outboundBytes       messages queued per connection before senders wait
 * @param maxHandshakeBytes   largest handshake payload in an open frame
 * @param stallTimeout        a write that makes no progress for this long (the other side
 *                            stopped reading) closes the connection
 */
public record MuxConfig(int maxFrameBytes, int maxChannels, int channelInboundBytes, int outboundBytes,
        int maxHandshakeBytes, Duration stallTimeout) {

    /** 8 MiB frames, 256 channels, 1 MiB per channel in, 4 MiB out, 30 s stall. */
    public static final MuxConfig DEFAULTS =
            new MuxConfig(8 << 20, 256, 1 << 20, 4 << 20, 64 << 10, Duration.ofSeconds(30));

    public MuxConfig {
        if (maxFrameBytes < 1024 || maxFrameBytes > (1 << 28) - 1 || maxChannels < 1 || channelInboundBytes < 1 || outboundBytes < 1
                || maxHandshakeBytes < 0 || maxHandshakeBytes > maxFrameBytes || stallTimeout.isNegative()
                || stallTimeout.isZero()) {
            throw new IllegalArgumentException("Invalid mux limits: " + this);
        }
    }
}
