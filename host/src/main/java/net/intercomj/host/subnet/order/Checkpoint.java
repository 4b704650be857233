package net.intercomj.host.subnet.order;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.subnet.log.EntryCodec;
import net.intercomj.host.subnet.log.LogEntry;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * What an indexer vouches for after a confirmed batch: how many batches are confirmed, the hash
 * of the confirmed log up to here (each batch's entries, chained) and the hash of the view's
 * state transitions up to here. Two peers with equal checkpoints applied the same entries in
 * the same order and got the same state; a reader whose own state hash differs has diverged.
 *
 * @param batches   confirmed batches, this one included
 * @param logHash   hash chain over the confirmed batches' entry hashes
 * @param stateHash hash chain over each batch's view writes
 */
public record Checkpoint(long batches, Bytes32 logHash, Bytes32 stateHash) {

    /** The hashes before the first batch. */
    public static final Bytes32 ZERO = Bytes32.of(new byte[Bytes32.LENGTH]);
    /** The checkpoint before the first batch. */
    public static final Checkpoint GENESIS = new Checkpoint(0, ZERO, ZERO);

    private static final byte[] DOMAIN = "intercom/subnet-checkpoint/v2".getBytes(StandardCharsets.US_ASCII);

    public Checkpoint {
        Objects.requireNonNull(logHash, "logHash");
        Objects.requireNonNull(stateHash, "stateHash");
        if (batches < 0) {
            throw new IllegalArgumentException("batches must not be negative");
        }
    }

    /** The checkpoint after {@code batch} of {@code entries} whose view writes were {@code writes}. */
    public Checkpoint next(Batch batch, List<LogEntry> entries, Map<String, Optional<String>> writes) {
        return new Checkpoint(batches + 1, nextLogHash(batch, entries), nextStateHash(writes));
    }

    /** The log hash after {@code batch} of {@code entries}. */
    public Bytes32 nextLogHash(Batch batch, List<LogEntry> entries) {
        if (batch.number() != batches) {
            throw new IllegalArgumentException("Batch " + batch.number() + " does not follow checkpoint " + batches);
        }
        WireWriter log = new WireWriter().fixed(logHash.toByteArray()).uvarint(batch.number()).uvarint(batch.term())
                .uvarint(entries.size());
        entries.forEach(entry -> log.fixed(EntryCodec.hash(entry).toByteArray()));
        return blake2b(log.toByteArray());
    }

    /** The state hash after a batch whose view writes were {@code writes}. */
    public Bytes32 nextStateHash(Map<String, Optional<String>> writes) {
        WireWriter state = new WireWriter().fixed(stateHash.toByteArray()).uvarint(writes.size());
        writes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(write -> {
            state.string(write.getKey());
            state.u8(write.getValue().isPresent() ? 1 : 0);
            state.string(write.getValue().orElse(""));
        });
        return blake2b(state.toByteArray());
    }

    /** The bytes an indexer signs for this checkpoint of {@code subnet}. */
    public byte[] signedBytes(Bytes32 subnet) {
        return new WireWriter().fixed(DOMAIN).u8(0).bytes32(subnet).uvarint(batches).bytes32(logHash)
                .bytes32(stateHash).toByteArray();
    }

    private static Bytes32 blake2b(byte[] bytes) {
        Blake2bDigest digest = new Blake2bDigest(256);
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return Bytes32.of(out);
    }
}
