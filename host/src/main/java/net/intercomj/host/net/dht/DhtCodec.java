package net.intercomj.host.net.dht;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.AddressCodec;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;

/**
 * Datagrams: {@code u8 version | u8 kind | u8 flags | u32 tid | ...}. A request follows with
 * {@code u8 command [id] [target] [token] [value]}, a response with
 * {@code to [id] [token] closer-nodes u8 error [value]}; the flag bits say which optional
 * fields are present. Decoding accepts nothing else: no trailing bytes, no unknown flags.
 */
final class DhtCodec {

    static final int VERSION = 1;
    /** Largest datagram read; anything longer is dropped unread. */
    static final int MAX_DATAGRAM = 2048;
    static final int MAX_VALUE = 1600;
    static final int MAX_CLOSER_NODES = 20;

    private static final int REQUEST = 1;
    private static final int RESPONSE = 2;

    private static final int REQ_ID = 1;
    private static final int REQ_TARGET = 2;
    private static final int REQ_TOKEN = 4;
    private static final int REQ_VALUE = 8;
    private static final int RES_ID = 1;
    private static final int RES_TOKEN = 2;
    private static final int RES_VALUE = 4;

    private DhtCodec() {}

    static byte[] encode(DhtMessage message) {
        WireWriter out = new WireWriter(128);
        out.u8(VERSION);
        switch (message) {
            case DhtMessage.Request request -> {
                int flags = (request.senderId().isPresent() ? REQ_ID : 0) | (request.target().isPresent() ? REQ_TARGET : 0)
                        | (request.token().isPresent() ? REQ_TOKEN : 0) | (request.value().length > 0 ? REQ_VALUE : 0);
                out.u8(REQUEST).u8(flags).u32(request.tid() & 0xffffffffL).u8(request.command().code);
                request.senderId().ifPresent(out::bytes32);
                request.target().ifPresent(out::bytes32);
                request.token().ifPresent(out::bytes32);
                if (request.value().length > 0) {
                    out.bytes(request.value());
                }
            }
            case DhtMessage.Response response -> {
                int flags = (response.senderId().isPresent() ? RES_ID : 0) | (response.token().isPresent() ? RES_TOKEN : 0)
                        | (response.value().length > 0 ? RES_VALUE : 0);
                out.u8(RESPONSE).u8(flags).u32(response.tid() & 0xffffffffL);
                AddressCodec.write(response.to(), out);
                response.senderId().ifPresent(out::bytes32);
                response.token().ifPresent(out::bytes32);
                out.uvarint(response.closerNodes().size());
                response.closerNodes().forEach(node -> AddressCodec.write(node, out));
                out.u8(response.error());
                if (response.value().length > 0) {
                    out.bytes(response.value());
                }
            }
        }
        return out.toByteArray();
    }

    static DhtMessage decode(byte[] datagram, int length) throws WireException {
        if (length > MAX_DATAGRAM) {
            throw new WireException("datagram of " + length + " bytes is above " + MAX_DATAGRAM);
        }
        WireReader in = new WireReader(datagram, 0, length);
        int version = in.u8("version");
        if (version != VERSION) {
            throw new WireException("version " + version + " is not " + VERSION);
        }
        int kind = in.u8("kind");
        int flags = in.u8("flags");
        int tid = (int) in.u32("transaction id");
        DhtMessage message = switch (kind) {
            case REQUEST -> {
                if ((flags & ~(REQ_ID | REQ_TARGET | REQ_TOKEN | REQ_VALUE)) != 0) {
                    throw new WireException("request flags: unknown bits " + flags);
                }
                int code = in.u8("command");
                DhtMessage.Command command = DhtMessage.Command.of(code)
                        .orElseThrow(() -> new WireException("command: unknown " + code));
                Optional<Bytes32> id = (flags & REQ_ID) != 0 ? Optional.of(in.bytes32("node id")) : Optional.empty();
                Optional<Bytes32> target = (flags & REQ_TARGET) != 0 ? Optional.of(in.bytes32("target")) : Optional.empty();
                Optional<Bytes32> token = (flags & REQ_TOKEN) != 0 ? Optional.of(in.bytes32("token")) : Optional.empty();
                byte[] value = (flags & REQ_VALUE) != 0 ? nonEmpty(in.bytes("value", MAX_VALUE)) : new byte[0];
                yield new DhtMessage.Request(tid, id, command, target, token, value);
            }
            case RESPONSE -> {
                if ((flags & ~(RES_ID | RES_TOKEN | RES_VALUE)) != 0) {
                    throw new WireException("response flags: unknown bits " + flags);
                }
                InetSocketAddress to = AddressCodec.read(in);
                Optional<Bytes32> id = (flags & RES_ID) != 0 ? Optional.of(in.bytes32("node id")) : Optional.empty();
                Optional<Bytes32> token = (flags & RES_TOKEN) != 0 ? Optional.of(in.bytes32("token")) : Optional.empty();
                int count = in.uvarint("closer node count", MAX_CLOSER_NODES);
                List<InetSocketAddress> closer = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    closer.add(AddressCodec.read(in));
                }
                int error = in.u8("error");
                byte[] value = (flags & RES_VALUE) != 0 ? nonEmpty(in.bytes("value", MAX_VALUE)) : new byte[0];
                yield new DhtMessage.Response(tid, id, to, token, List.copyOf(closer), error, value);
            }
            default -> throw new WireException("kind: unknown " + kind);
        };
        in.expectEnd("datagram");
        return message;
    }

    /** A present value is never empty, so each message has exactly one encoding. */
    private static byte[] nonEmpty(byte[] value) throws WireException {
        if (value.length == 0) {
            throw new WireException("value: flagged present but empty");
        }
        return value;
    }
}
