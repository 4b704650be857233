package net.intercomj.host.subnet.raft;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.order.Batch;

/** The binary form of {@link RaftMessage}s: a tag byte, then the fields. */
public final class RaftCodec {

    private static final int VOTE_REQUEST = 1;
    private static final int VOTE_REPLY = 2;
    private static final int APPEND = 3;
    private static final int APPEND_REPLY = 4;

    private RaftCodec() {}

    public static byte[] encode(RaftMessage message) {
        WireWriter out = new WireWriter();
        switch (message) {
            case RaftMessage.VoteRequest request ->
                    out.u8(VOTE_REQUEST).uvarint(request.term()).uvarint(request.lastLength()).uvarint(request.lastTerm());
            case RaftMessage.VoteReply reply -> out.u8(VOTE_REPLY).uvarint(reply.term()).u8(reply.granted() ? 1 : 0);
            case RaftMessage.Append append -> {
                out.u8(APPEND).uvarint(append.term()).uvarint(append.prevLength()).uvarint(append.prevTerm())
                        .uvarint(append.commitLength()).uvarint(append.batches().size());
                append.batches().forEach(batch -> encodeBatch(batch, out));
            }
            case RaftMessage.AppendReply reply ->
                    out.u8(APPEND_REPLY).uvarint(reply.term()).u8(reply.success() ? 1 : 0).uvarint(reply.matchLength());
        }
        return out.toByteArray();
    }

    /** One batch: number, term, then its entry ids. */
    public static void encodeBatch(Batch batch, WireWriter out) {
        out.uvarint(batch.number()).uvarint(batch.term()).uvarint(batch.entries().size());
        batch.entries().forEach(id -> out.bytes32(id.writer()).uvarint(id.seq()));
    }

    /** Reads what {@link #encodeBatch} wrote. */
    public static Batch decodeBatch(WireReader in) throws WireException {
        long number = in.uvarint("batch number");
        long term = in.uvarint("batch term");
        int count = in.uvarint("batch size", Batch.MAX_ENTRIES);
        List<EntryId> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new EntryId(in.bytes32("batch entry writer"), in.uvarint("batch entry seq")));
        }
        return new Batch(number, term, entries);
    }

    /**
     * Reads one message that fills {@code data}.
     *
     * @throws WireException naming what is malformed
     */
    public static RaftMessage decode(byte[] data) throws WireException {
        WireReader in = new WireReader(data);
        int tag = in.u8("Raft message type");
        RaftMessage message;
        try {
            message = switch (tag) {
                case VOTE_REQUEST -> new RaftMessage.VoteRequest(in.uvarint("VoteRequest term"),
                        in.uvarint("VoteRequest last length"), in.uvarint("VoteRequest last term"));
                case VOTE_REPLY -> new RaftMessage.VoteReply(in.uvarint("VoteReply term"), flag(in, "VoteReply granted"));
                case APPEND -> {
                    long term = in.uvarint("Append term");
                    long prevLength = in.uvarint("Append previous length");
                    long prevTerm = in.uvarint("Append previous term");
                    long commitLength = in.uvarint("Append commit length");
                    int count = in.uvarint("Append batch count", RaftMessage.MAX_BATCHES);
                    List<Batch> batches = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        batches.add(decodeBatch(in));
                    }
                    yield new RaftMessage.Append(term, prevLength, prevTerm, batches, commitLength);
                }
                case APPEND_REPLY -> new RaftMessage.AppendReply(in.uvarint("AppendReply term"),
                        flag(in, "AppendReply success"), in.uvarint("AppendReply match length"));
                default -> throw new WireException("Unknown Raft message type " + tag);
            };
        } catch (IllegalArgumentException e) {
            throw new WireException("Raft message: " + e.getMessage());
        }
        in.expectEnd("Raft message");
        return message;
    }

    private static boolean flag(WireReader in, String what) throws WireException {
        int value = in.u8(what);
        if (value > 1) {
            throw new WireException(what + ": " + value + " is neither 0 nor 1");
        }
        return value == 1;
    }
}
