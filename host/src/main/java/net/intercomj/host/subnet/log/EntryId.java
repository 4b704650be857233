package net.intercomj.host.subnet.log;

import java.util.Objects;
import net.intercomj.host.net.Bytes32;

/**
 * Names one entry: its writer and its position in that writer's log. Causal heads are lists of
 * these. Ordered by writer key, then seq, which is the tie-break of the deterministic order.
 *
 * @param writer the writer's public key
 * @param seq    the entry's position in the writer's log, from 0
 */
public record EntryId(Bytes32 writer, long seq) implements Comparable<EntryId> {

    public EntryId {
        Objects.requireNonNull(writer, "writer");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
    }

    @Override
    public int compareTo(EntryId other) {
        int byWriter = writer.compareTo(other.writer);
        return byWriter != 0 ? byWriter : Long.compare(seq, other.seq);
    }

    @Override
    public String toString() {
        return writer.shortHex() + "/" + seq;
    }
}
