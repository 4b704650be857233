package net.intercomj.host.net.mux;

import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;

/** A two-message protocol for mux tests. */
sealed interface TestMessages {

    record Text(String text) implements TestMessages {}

    /** {@code size} filler bytes, tagged with a sequence number. */
    record Blob(long seq, int size) implements TestMessages {}

    MessageCodec<TestMessages> CODEC = new MessageCodec<>() {
        @Override
        public int type(TestMessages message) {
            return switch (message) {
                case Text t -> 1;
                case Blob b -> 2;
            };
        }

        @Override
        public void write(TestMessages message, WireWriter out) {
            switch (message) {
                case Text t -> out.string(t.text());
                case Blob b -> out.uvarint(b.seq()).bytes(new byte[b.size()]);
            }
        }

        @Override
        public TestMessages read(int type, WireReader in) throws WireException {
            return switch (type) {
                case 1 -> new Text(in.string("text", 1 << 20));
                case 2 -> new Blob(in.uvarint("seq"), in.bytes("blob", 16 << 20).length);
                default -> throw new WireException("test protocol: unknown message type " + type);
            };
        }
    };
}
