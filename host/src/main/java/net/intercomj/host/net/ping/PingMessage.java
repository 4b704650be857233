package net.intercomj.host.net.ping;

import java.util.Arrays;
import net.intercomj.host.net.mux.MessageCodec;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;

/** Messages of the ping protocol: a ping and the pong that echoes it. */
public sealed interface PingMessage {

    /** Protocol name on the mux. */
    String PROTOCOL = "intercom/ping/1";

    /** Largest echoed payload. */
    int MAX_PAYLOAD = 64 << 10;

    long id();

    byte[] payload();

    record Ping(long id, byte[] payload) implements PingMessage {
        @Override
        public boolean equals(Object other) {
            return other instanceof Ping that && id == that.id && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id) * 31 + Arrays.hashCode(payload);
        }
    }

    record Pong(long id, byte[] payload) implements PingMessage {
        @Override
        public boolean equals(Object other) {
            return other instanceof Pong that && id == that.id && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id) * 31 + Arrays.hashCode(payload);
        }
    }

    MessageCodec<PingMessage> CODEC = new MessageCodec<>() {
        @Override
        public int type(PingMessage message) {
            return message instanceof Ping ? 1 : 2;
        }

        @Override
        public void write(PingMessage message, WireWriter out) {
            out.uvarint(message.id()).bytes(message.payload());
        }

        @Override
        public PingMessage read(int type, WireReader in) throws WireException {
            long id = in.uvarint("ping id");
            byte[] payload = in.bytes("ping payload", MAX_PAYLOAD);
            return switch (type) {
                case 1 -> new Ping(id, payload);
                case 2 -> new Pong(id, payload);
                default -> throw new WireException("ping protocol: unknown message type " + type);
            };
        }
    };
}
