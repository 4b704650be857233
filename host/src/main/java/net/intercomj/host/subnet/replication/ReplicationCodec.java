package net.intercomj.host.subnet.replication;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.subnet.log.EntryCodec;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedBatchCodec;

/**
 * The binary form of {@link ReplicationMessage}s: a tag byte, then the fields. Entries travel
 * in their own {@link EntryCodec} form, length-prefixed.
 */
public final class ReplicationCodec {

    private static final int HAVE = 1;
    private static final int WANT = 2;
    private static final int DATA = 3;
    private static final int BATCHES_HAVE = 4;
    private static final int BATCHES_WANT = 5;
    private static final int BATCHES_DATA = 6;
    private static final int WRITER_REQUEST = 7;
    private static final int CONSENSUS = 8;
    private static final int CHECKPOINT_SIGNATURE = 9;
    private static final int REQUEST = 10;
    private static final int REPLY = 11;
    /** The largest encoded entry: the op limit plus room for the other fields and heads. */
    private static final int MAX_ENTRY_BYTES = LogEntry.MAX_OP_BYTES + 64 * 1024;

    private ReplicationCodec() {}

    public static byte[] encode(ReplicationMessage message) {
        WireWriter out = new WireWriter();
        switch (message) {
            case ReplicationMessage.Have have -> {
                out.u8(HAVE).uvarint(have.logs().size());
                have.logs().forEach(log -> out.bytes32(log.writer()).uvarint(log.length()));
            }
            case ReplicationMessage.Want want -> out.u8(WANT).bytes32(want.writer()).uvarint(want.from()).uvarint(want.count());
            case ReplicationMessage.Data data -> {
                out.u8(DATA).bytes32(data.writer()).uvarint(data.entries().size());
                data.entries().forEach(entry -> out.bytes(EntryCodec.encode(entry)));
            }
            case ReplicationMessage.BatchesHave have -> out.u8(BATCHES_HAVE).uvarint(have.count());
            case ReplicationMessage.BatchesWant want -> out.u8(BATCHES_WANT).uvarint(want.from()).uvarint(want.count());
            case ReplicationMessage.BatchesData data -> {
                out.u8(BATCHES_DATA).uvarint(data.batches().size());
                data.batches().forEach(batch -> ConfirmedBatchCodec.encode(batch, out));
            }
            case ReplicationMessage.WriterRequest request -> out.u8(WRITER_REQUEST).string(request.op());
            case ReplicationMessage.Consensus consensus -> out.u8(CONSENSUS).bytes32(consensus.from())
                    .bytes32(consensus.to()).bytes(consensus.message()).fixed(consensus.signature());
            case ReplicationMessage.CheckpointSignature signed -> out.u8(CHECKPOINT_SIGNATURE).uvarint(signed.number())
                    .bytes32(signed.signature().indexer()).fixed(signed.signature().signature());
            case ReplicationMessage.Request request -> out.u8(REQUEST).uvarint(request.id()).string(request.body());
            case ReplicationMessage.Reply reply -> out.u8(REPLY).uvarint(reply.id()).string(reply.body());
        }
        return out.toByteArray();
    }

    /**
     * Reads one message that fills {@code data}.
     *
     * @throws WireException naming what is malformed
     */
    public static ReplicationMessage decode(byte[] data) throws WireException {
        WireReader in = new WireReader(data);
        int tag = in.u8("replication message type");
        ReplicationMessage message = switch (tag) {
            case HAVE -> {
                int count = in.uvarint("Have count", ReplicationMessage.MAX_ITEMS);
                List<ReplicationMessage.LogLength> logs = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    logs.add(new ReplicationMessage.LogLength(in.bytes32("Have writer"), in.uvarint("Have length")));
                }
                yield new ReplicationMessage.Have(logs);
            }
            case WANT -> {
                var writer = in.bytes32("Want writer");
                long from = in.uvarint("Want from");
                int count = in.uvarint("Want count", ReplicationMessage.MAX_ITEMS);
                if (count == 0) {
                    throw new WireException("Want count: 0 entries");
                }
                yield new ReplicationMessage.Want(writer, from, count);
            }
            case DATA -> {
                var writer = in.bytes32("Data writer");
                int count = in.uvarint("Data count", ReplicationMessage.MAX_ITEMS);
                List<LogEntry> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    LogEntry entry = EntryCodec.decode(in.bytes("Data entry", MAX_ENTRY_BYTES));
                    if (!entry.writer().equals(writer)) {
                        throw new WireException("Data entry " + entry.id() + " is not of writer " + writer.shortHex());
                    }
                    entries.add(entry);
                }
                yield new ReplicationMessage.Data(writer, entries);
            }
            case BATCHES_HAVE -> new ReplicationMessage.BatchesHave(in.uvarint("BatchesHave count"));
            case BATCHES_WANT -> {
                long from = in.uvarint("BatchesWant from");
                int count = in.uvarint("BatchesWant count", ReplicationMessage.MAX_BATCHES);
                if (count == 0) {
                    throw new WireException("BatchesWant count: 0 batches");
                }
                yield new ReplicationMessage.BatchesWant(from, count);
            }
            case BATCHES_DATA -> {
                int count = in.uvarint("BatchesData count", ReplicationMessage.MAX_BATCHES);
                List<ConfirmedBatch> batches = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ConfirmedBatch batch = ConfirmedBatchCodec.decode(in);
                    if (i > 0 && batch.batch().number() != batches.get(i - 1).batch().number() + 1) {
                        throw new WireException("BatchesData: batch " + batch.batch().number() + " does not follow "
                                + batches.get(i - 1).batch().number());
                    }
                    batches.add(batch);
                }
                yield new ReplicationMessage.BatchesData(batches);
            }
            case WRITER_REQUEST -> new ReplicationMessage.WriterRequest(
                    in.string("WriterRequest op", ReplicationMessage.MAX_WRITER_REQUEST_BYTES));
            case CONSENSUS -> new ReplicationMessage.Consensus(in.bytes32("Consensus from"), in.bytes32("Consensus to"),
                    in.bytes("Consensus message", ReplicationMessage.MAX_CONSENSUS_BYTES), in.fixed(64, "Consensus signature"));
            case CHECKPOINT_SIGNATURE -> new ReplicationMessage.CheckpointSignature(in.uvarint("CheckpointSignature number"),
                    new ConfirmedBatch.IndexerSignature(in.bytes32("CheckpointSignature indexer"),
                            in.fixed(64, "CheckpointSignature signature")));
            case REQUEST -> new ReplicationMessage.Request(in.uvarint("Request id"),
                    in.string("Request body", ReplicationMessage.MAX_REQUEST_BYTES));
            case REPLY -> new ReplicationMessage.Reply(in.uvarint("Reply id"),
                    in.string("Reply body", ReplicationMessage.MAX_REQUEST_BYTES));
            default -> throw new WireException("Unknown replication message type " + tag);
        };
        in.expectEnd("replication message");
        return message;
    }
}
