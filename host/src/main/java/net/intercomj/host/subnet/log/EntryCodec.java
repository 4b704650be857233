package net.intercomj.host.subnet.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The binary form of a {@link LogEntry}, the bytes its writer signs, and its hash. One form only,
 * so every peer computes the same hash for the same entry.
 *
 * <pre>
 * u8 version (1) · writer (32) · uvarint seq · prev (32) · uvarint head count · (writer (32) · uvarint seq)*
 *   · uvarint timestamp · uvarint op length · op (UTF-8) · signature (64)
 * </pre>
 */
public final class EntryCodec {

    static final int VERSION = 1;
    /** Separates entry signatures from every other signature a writer key might make. */
    private static final byte[] SIGNING_DOMAIN = "intercom/subnet/entry/v1".getBytes(StandardCharsets.US_ASCII);

    private EntryCodec() {}

    public static byte[] encode(LogEntry entry) {
        WireWriter out = new WireWriter(128 + entry.op().length());
        writeUnsigned(entry, out);
        return out.fixed(entry.signature()).toByteArray();
    }

    /**
     * Reads one entry that fills {@code data} exactly.
     *
     * @throws WireException naming the field that is malformed or out of bounds
     */
    public static LogEntry decode(byte[] data) throws WireException {
        WireReader in = new WireReader(data);
        int version = in.u8("entry version");
        if (version != VERSION) {
            throw new WireException("Unknown entry version " + version + " (this peer reads version " + VERSION + ")");
        }
        Bytes32 writer = in.bytes32("entry writer");
        long seq = in.uvarint("entry seq");
        Bytes32 prev = in.bytes32("entry prev");
        int headCount = in.uvarint("entry head count", LogEntry.MAX_HEADS);
        List<EntryId> heads = new ArrayList<>(headCount);
        for (int i = 0; i < headCount; i++) {
            Bytes32 headWriter = in.bytes32("entry head writer");
            heads.add(new EntryId(headWriter, in.uvarint("entry head seq")));
        }
        long timestamp = in.uvarint("entry timestamp");
        String op = in.string("entry op", LogEntry.MAX_OP_BYTES);
        byte[] signature = in.fixed(LogEntry.SIGNATURE_LENGTH, "entry signature");
        in.expectEnd("entry");
        return new LogEntry(writer, seq, prev, heads, timestamp, op, signature);
    }

    /** What the writer signs: a domain tag, the subnet, and every field but the signature. */
    public static byte[] signedBytes(Bytes32 subnet, LogEntry entry) {
        WireWriter out = new WireWriter(160 + entry.op().length());
        out.fixed(SIGNING_DOMAIN).bytes32(subnet);
        writeUnsigned(entry, out);
        return out.toByteArray();
    }

    /** BLAKE2b-256 of the encoded entry, signature included: what the next entry's {@code prev} holds. */
    public static Bytes32 hash(LogEntry entry) {
        byte[] encoded = encode(entry);
        Blake2bDigest digest = new Blake2bDigest(256);
        digest.update(encoded, 0, encoded.length);
        byte[] hash = new byte[Bytes32.LENGTH];
        digest.doFinal(hash, 0);
        return Bytes32.of(hash);
    }

    private static void writeUnsigned(LogEntry entry, WireWriter out) {
        out.u8(VERSION).bytes32(entry.writer()).uvarint(entry.seq()).bytes32(entry.prev()).uvarint(entry.heads().size());
        for (EntryId head : entry.heads()) {
            out.bytes32(head.writer()).uvarint(head.seq());
        }
        out.uvarint(entry.timestamp()).string(entry.op());
    }
}
