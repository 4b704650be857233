package net.intercomj.host.subnet.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import net.intercomj.host.net.Bytes32;

/**
 * One entry of a writer's log. Entries are hash-chained ({@code prev} is the hash of the entry
 * before) and signed by the writer over their fields and the subnet they belong to, so an entry
 * can be neither altered, reordered within its log, nor replayed into another subnet.
 *
 * @param writer    the writer's public key
 * @param seq       position in the writer's log, from 0
 * @param prev      hash of entry {@code seq - 1}; {@link #NO_PREV} for the first entry
 * @param heads     the entries of other writers this one was written after (its causal heads),
 *                  in ascending order, at most {@link #MAX_HEADS}
 * @param timestamp the writer's clock when it appended, milliseconds since the epoch; informational
 * @param op        the operation, as JSON text of at most {@link #MAX_OP_BYTES} bytes in UTF-8
 * @param signature the writer's Ed25519 signature over {@link EntryCodec#signedBytes}
 */
public record LogEntry(Bytes32 writer, long seq, Bytes32 prev, List<EntryId> heads, long timestamp, String op,
        byte[] signature) {

    /** The {@code prev} of a log's first entry. */
    public static final Bytes32 NO_PREV = Bytes32.of(new byte[Bytes32.LENGTH]);
    /** Most causal heads one entry may name. */
    public static final int MAX_HEADS = 64;
    /** Largest operation, in UTF-8 bytes. */
    public static final int MAX_OP_BYTES = 256 * 1024;
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    /** Makes signatures from the bytes to sign; the writer's key does it. */
    @FunctionalInterface
    public interface Signer {
        byte[] sign(byte[] message);
    }

    /** Checks the shape of the fields; whether they fit the log is {@link EntryCheck}'s job. */
    public LogEntry {
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(op, "op");
        heads = List.copyOf(heads);
        signature = signature.clone();
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
        if (heads.size() > MAX_HEADS) {
            throw new IllegalArgumentException("an entry names at most " + MAX_HEADS + " heads, not " + heads.size());
        }
        if (op.getBytes(StandardCharsets.UTF_8).length > MAX_OP_BYTES) {
            throw new IllegalArgumentException("an operation holds at most " + MAX_OP_BYTES + " bytes");
        }
        if (signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("a signature is " + SIGNATURE_LENGTH + " bytes, not " + signature.length);
        }
    }

    /**
     * Appends to a log: the entry after {@code previous} (or the first one when it is null), signed
     * for {@code subnet}.
     */
    public static LogEntry append(Bytes32 subnet, Bytes32 writer, LogEntry previous, List<EntryId> heads,
            long timestamp, String op, Signer signer) {
        long seq = previous == null ? 0 : previous.seq() + 1;
        Bytes32 prev = previous == null ? NO_PREV : EntryCodec.hash(previous);
        List<EntryId> sortedHeads = heads.stream().sorted().distinct().toList();
        LogEntry unsigned = new LogEntry(writer, seq, prev, sortedHeads, timestamp, op, new byte[SIGNATURE_LENGTH]);
        return unsigned.withSignature(signer.sign(EntryCodec.signedBytes(subnet, unsigned)));
    }

    /** This entry's id. */
    public EntryId id() {
        return new EntryId(writer, seq);
    }

    /** The signature; a copy. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    LogEntry withSignature(byte[] newSignature) {
        return new LogEntry(writer, seq, prev, heads, timestamp, op, newSignature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogEntry entry && writer.equals(entry.writer) && seq == entry.seq
                && prev.equals(entry.prev) && heads.equals(entry.heads) && timestamp == entry.timestamp
                && op.equals(entry.op) && Arrays.equals(signature, entry.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(writer, seq, prev, heads, timestamp, op) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "LogEntry[" + id() + ", prev=" + prev.shortHex() + ", heads=" + heads + ", timestamp=" + timestamp
                + ", op=" + (op.length() > 80 ? op.substring(0, 80) + "…" : op) + ", signature="
                + HexFormat.of().formatHex(signature, 0, 4) + "…]";
    }
}
