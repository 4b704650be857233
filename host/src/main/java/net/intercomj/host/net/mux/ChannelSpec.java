package net.intercomj.host.net.mux;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What one side opens: a protocol, an id within it, a handshake payload for the other side,
 * and how to encode and handle the messages. Channels pair when both sides open the same
 * {@code (protocol, id)}.
 *
 * @param <M> the protocol's message type
 */
public final class ChannelSpec<M> {

    private final String protocol;
    private final ByteBuffer id;
    private final ByteBuffer handshake;
    private final MessageCodec<M> codec;
    private final ChannelHandler<M> handler;

    private ChannelSpec(String protocol, ByteBuffer id, ByteBuffer handshake, MessageCodec<M> codec,
            ChannelHandler<M> handler) {
        this.protocol = protocol;
        this.id = id;
        this.handshake = handshake;
        this.codec = codec;
        this.handler = handler;
    }

    /** A channel of {@code protocol} with an empty id and handshake. */
    public static <M> ChannelSpec<M> of(String protocol, MessageCodec<M> codec, ChannelHandler<M> handler) {
        Objects.requireNonNull(protocol, "protocol");
        int length = protocol.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > FrameCodec.MAX_PROTOCOL_BYTES) {
            throw new IllegalArgumentException("Protocol name must be 1 to " + FrameCodec.MAX_PROTOCOL_BYTES
                    + " UTF-8 bytes: \"" + protocol + "\"");
        }
        return new ChannelSpec<>(protocol, empty(), empty(), Objects.requireNonNull(codec, "codec"),
                Objects.requireNonNull(handler, "handler"));
    }

    /** The same spec with channel id {@code id} (at most 64 bytes), e.g. a topic or a log key. */
    public ChannelSpec<M> withId(byte[] id) {
        if (id.length > FrameCodec.MAX_ID_BYTES) {
            throw new IllegalArgumentException("Channel id must be at most " + FrameCodec.MAX_ID_BYTES + " bytes");
        }
        return new ChannelSpec<>(protocol, readOnlyCopy(id), handshake, codec, handler);
    }

    /** The same spec with {@code handshake} sent in the open frame. */
    public ChannelSpec<M> withHandshake(byte[] handshake) {
        return new ChannelSpec<>(protocol, id, readOnlyCopy(handshake), codec, handler);
    }

    public String protocol() {
        return protocol;
    }

    /** The channel id (read-only view). */
    public ByteBuffer id() {
        return id.duplicate();
    }

    /** The handshake payload (read-only view). */
    public ByteBuffer handshake() {
        return handshake.duplicate();
    }

    MessageCodec<M> codec() {
        return codec;
    }

    ChannelHandler<M> handler() {
        return handler;
    }

    /** What pairs this spec with the other side's: protocol and id. */
    String pairingKey() {
        return pairingKey(protocol, id);
    }

    static String pairingKey(String protocol, ByteBuffer id) {
        byte[] bytes = new byte[id.remaining()];
        id.duplicate().get(bytes);
        return protocol + "\u0000" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return protocol + (id.hasRemaining() ? "#" + pairingKey().substring(protocol.length() + 1) : "");
    }

    private static ByteBuffer readOnlyCopy(byte[] bytes) {
        return ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer();
    }

    private static ByteBuffer empty() {
        return ByteBuffer.allocate(0).asReadOnlyBuffer();
    }
}
