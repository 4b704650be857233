package net.intercomj.host.subnet.order;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.subnet.log.EntryId;

/** The binary form of a {@link ConfirmedBatch}, on disk and on the wire. */
public final class ConfirmedBatchCodec {

    private ConfirmedBatchCodec() {}

    public static void encode(ConfirmedBatch confirmed, WireWriter out) {
        Batch batch = confirmed.batch();
        out.uvarint(batch.number()).uvarint(batch.term()).uvarint(batch.entries().size());
        batch.entries().forEach(id -> out.bytes32(id.writer()).uvarint(id.seq()));
        out.bytes32(confirmed.checkpoint().logHash()).bytes32(confirmed.checkpoint().stateHash());
        out.uvarint(confirmed.signatures().size());
        confirmed.signatures().forEach(signature -> out.bytes32(signature.indexer()).fixed(signature.signature()));
    }

    public static byte[] encode(ConfirmedBatch confirmed) {
        WireWriter out = new WireWriter();
        encode(confirmed, out);
        return out.toByteArray();
    }

    /** Reads one confirmed batch; a malformed one is a {@link WireException} naming the field. */
    public static ConfirmedBatch decode(WireReader in) throws WireException {
        long number = in.uvarint("batch number");
        if (number == Long.MAX_VALUE) {
            throw new WireException("batch number: too large");
        }
        long term = in.uvarint("batch term");
        int count = in.uvarint("batch size", Batch.MAX_ENTRIES);
        List<EntryId> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new EntryId(in.bytes32("batch entry writer"), in.uvarint("batch entry seq")));
        }
        Checkpoint checkpoint = new Checkpoint(number + 1, in.bytes32("checkpoint log hash"),
                in.bytes32("checkpoint state hash"));
        int signatures = in.uvarint("signature count", ConfirmedBatch.MAX_SIGNATURES);
        List<ConfirmedBatch.IndexerSignature> signed = new ArrayList<>(signatures);
        for (int i = 0; i < signatures; i++) {
            signed.add(new ConfirmedBatch.IndexerSignature(in.bytes32("signature indexer"), in.fixed(64, "signature")));
        }
        return new ConfirmedBatch(new Batch(number, term, entries), checkpoint, signed);
    }

    public static ConfirmedBatch decode(byte[] bytes) throws WireException {
        WireReader in = new WireReader(bytes);
        ConfirmedBatch confirmed = decode(in);
        in.expectEnd("confirmed batch");
        return confirmed;
    }
}
