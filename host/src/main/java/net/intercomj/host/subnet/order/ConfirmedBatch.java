package net.intercomj.host.subnet.order;

import java.util.List;
import java.util.Objects;
import net.intercomj.host.net.Bytes32;

/**
 * A confirmed batch as it travels between peers: the batch, the checkpoint after it, and the
 * indexers' signatures of that checkpoint. A reader accepts it with signatures of a majority of
 * the indexers it knows.
 */
public record ConfirmedBatch(Batch batch, Checkpoint checkpoint, List<IndexerSignature> signatures) {

    /** Most signatures one batch carries. */
    public static final int MAX_SIGNATURES = 64;

    public ConfirmedBatch {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(checkpoint, "checkpoint");
        signatures = List.copyOf(signatures);
        if (checkpoint.batches() != batch.number() + 1) {
            throw new IllegalArgumentException("The checkpoint of batch " + batch.number() + " counts "
                    + (batch.number() + 1) + " batches, not " + checkpoint.batches());
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("A batch carries at most " + MAX_SIGNATURES + " signatures");
        }
    }

    /** One indexer's Ed25519 signature of a checkpoint. */
    public record IndexerSignature(Bytes32 indexer, byte[] signature) {
        public IndexerSignature {
            Objects.requireNonNull(indexer, "indexer");
            signature = signature.clone();
            if (signature.length != 64) {
                throw new IllegalArgumentException("A signature is 64 bytes, not " + signature.length);
            }
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IndexerSignature that && indexer.equals(that.indexer)
                    && java.util.Arrays.equals(signature, that.signature);
        }

        @Override
        public int hashCode() {
            return indexer.hashCode() * 31 + java.util.Arrays.hashCode(signature);
        }
    }
}
