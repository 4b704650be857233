package net.intercomj.bench;

import net.intercomj.host.net.mux.MessageCodec;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;

/** The throughput protocol: data one way, then a report of what arrived. */
sealed interface BenchMessage {

    String PROTOCOL = "intercom/bench/1";

    /** One message of the one-way stream. */
    record Data(long seq, int size) implements BenchMessage {}

    /** The sender is done; the receiver answers with a {@link Report}. */
    record Done() implements BenchMessage {}

    /** What the receiver saw, timed on its own clock. */
    record Report(long received, long firstToLastNanos) implements BenchMessage {}

    MessageCodec<BenchMessage> CODEC = new MessageCodec<>() {
        @Override
        public int type(BenchMessage message) {
            return switch (message) {
                case Data d -> 1;
                case Done d -> 2;
                case Report r -> 3;
            };
        }

        @Override
        public void write(BenchMessage message, WireWriter out) {
            switch (message) {
                case Data data -> out.uvarint(data.seq()).bytes(new byte[data.size()]);
                case Done done -> { }
                case Report report -> out.uvarint(report.received()).uvarint(report.firstToLastNanos());
            }
        }

        @Override
        public BenchMessage read(int type, WireReader in) throws WireException {
            return switch (type) {
                case 1 -> new Data(in.uvarint("seq"), in.bytes("data", 1 << 20).length);
                case 2 -> new Done();
                case 3 -> new Report(in.uvarint("received"), in.uvarint("nanos"));
                default -> throw new WireException("bench protocol: unknown message type " + type);
            };
        }
    };
}
