package net.intercomj.host.net.mux;

import java.nio.ByteBuffer;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;

/**
 * The body of a frame: {@code uvarint channel | uvarint type | payload}. Channel 0 is the
 * control channel (types 1 open, 2 reject, 3 close); any other channel carries messages,
 * whose type is the protocol's and whose payload is the rest of the frame.
 */
final class FrameCodec {

    static final int CONTROL_CHANNEL = 0;
    static final int OPEN = 1;
    static final int REJECT = 2;
    static final int CLOSE = 3;

    /** Channel ids are small by construction; the bound keeps hostile ids cheap to refuse. */
    static final int MAX_CHANNEL_ID = (1 << 24) - 1;
    static final int MAX_MESSAGE_TYPE = (1 << 16) - 1;
    static final int MAX_PROTOCOL_BYTES = 256;
    static final int MAX_ID_BYTES = 64;

    private FrameCodec() {}

    static void encode(Frame frame, WireWriter out) {
        switch (frame) {
            case Frame.Open open -> out.uvarint(CONTROL_CHANNEL).uvarint(OPEN).uvarint(open.localId())
                    .string(open.protocol()).bytes(open.id()).bytes(open.handshake());
            case Frame.Reject reject -> out.uvarint(CONTROL_CHANNEL).uvarint(REJECT).uvarint(reject.remoteId());
            case Frame.Close close -> out.uvarint(CONTROL_CHANNEL).uvarint(CLOSE).uvarint(close.localId());
            case Frame.Message message -> out.uvarint(message.localId()).uvarint(message.type())
                    .fixed(message.payload());
        }
    }

    /** Decodes a whole frame body of at most {@code maxFrameBytes}. */
    static Frame decode(byte[] body, int maxHandshakeBytes) throws WireException {
        WireReader in = new WireReader(body);
        int channel = in.uvarint("channel", MAX_CHANNEL_ID);
        int type = in.uvarint("message type", MAX_MESSAGE_TYPE);
        if (channel != CONTROL_CHANNEL) {
            // A view on the body, not a copy: the message is decoded from it once, by the reader.
            int start = in.position();
            return new Frame.Message(channel, type, ByteBuffer.wrap(body, start, body.length - start).slice());
        }
        Frame frame = switch (type) {
            case OPEN -> new Frame.Open(localId(in), protocol(in), in.slice("channel id", MAX_ID_BYTES),
                    in.slice("open handshake", maxHandshakeBytes));
            case REJECT -> new Frame.Reject(localId(in));
            case CLOSE -> new Frame.Close(localId(in));
            default -> throw new WireException("control frame: unknown type " + type);
        };
        in.expectEnd("control frame");
        return frame;
    }

    private static int localId(WireReader in) throws WireException {
        int id = in.uvarint("channel id", MAX_CHANNEL_ID);
        if (id == CONTROL_CHANNEL) {
            throw new WireException("channel id: 0 is the control channel");
        }
        return id;
    }

    private static String protocol(WireReader in) throws WireException {
        String protocol = in.string("protocol", MAX_PROTOCOL_BYTES);
        if (protocol.isEmpty()) {
            throw new WireException("protocol: empty");
        }
        return protocol;
    }
}
