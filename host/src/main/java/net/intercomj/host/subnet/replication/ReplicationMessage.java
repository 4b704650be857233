package net.intercomj.host.subnet.replication;

import java.util.List;
import java.util.Objects;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.order.ConfirmedBatch;

/** The messages two peers of a subnet exchange to replicate the writer logs. */
public sealed interface ReplicationMessage {

    /** Most logs one {@link Have} lists, entries one {@link Want} asks for, and entries one {@link Data} carries. */
    int MAX_ITEMS = 256;

    /**
     * How long the sender's logs are: all of them when a link opens, one after a local append.
     *
     * @param logs at most {@link #MAX_ITEMS} writer lengths
     */
    record Have(List<LogLength> logs) implements ReplicationMessage {
        public Have {
            logs = List.copyOf(logs);
            if (logs.size() > MAX_ITEMS) {
                throw new IllegalArgumentException("a Have lists at most " + MAX_ITEMS + " logs");
            }
        }
    }

    /**
     * Asks for entries {@code from}, {@code from + 1}, … of {@code writer}'s log.
     *
     * @param count 1 to {@link #MAX_ITEMS}
     */
    record Want(Bytes32 writer, long from, int count) implements ReplicationMessage {
        public Want {
            Objects.requireNonNull(writer, "writer");
            if (from < 0 || count < 1 || count > MAX_ITEMS) {
                throw new IllegalArgumentException("a Want asks for 1 to " + MAX_ITEMS + " entries from a position >= 0");
            }
        }
    }

    /**
     * Entries of {@code writer}'s log, in order, answering a {@link Want}; empty when the sender
     * has none of those asked for.
     */
    record Data(Bytes32 writer, List<LogEntry> entries) implements ReplicationMessage {
        public Data {
            Objects.requireNonNull(writer, "writer");
            entries = List.copyOf(entries);
            if (entries.size() > MAX_ITEMS) {
                throw new IllegalArgumentException("a Data carries at most " + MAX_ITEMS + " entries");
            }
            if (entries.stream().anyMatch(entry -> !entry.writer().equals(writer))) {
                throw new IllegalArgumentException("a Data carries entries of one writer only");
            }
        }
    }

    /**
     * One writer's log length.
     *
     * @param writer the writer's key
     * @param length how many entries the sender holds
     */
    record LogLength(Bytes32 writer, long length) {
        public LogLength {
            Objects.requireNonNull(writer, "writer");
            if (length < 0) {
                throw new IllegalArgumentException("a length is not negative");
            }
        }
    }

    /** Most confirmed batches one {@link BatchesWant} asks for and one {@link BatchesData} carries. */
    int MAX_BATCHES = 8;

    /** How many confirmed batches the sender holds: when a link opens and after each new one. */
    record BatchesHave(long count) implements ReplicationMessage {
        public BatchesHave {
            if (count < 0) {
                throw new IllegalArgumentException("a batch count is not negative");
            }
        }
    }

    /** Asks for confirmed batches {@code from} to {@code from + count - 1}. */
    record BatchesWant(long from, int count) implements ReplicationMessage {
        public BatchesWant {
            if (from < 0 || count < 1 || count > MAX_BATCHES) {
                throw new IllegalArgumentException("a BatchesWant asks for 1 to " + MAX_BATCHES
                        + " batches from a position >= 0");
            }
        }
    }

    /** Consecutive confirmed batches with their checkpoints, answering a {@link BatchesWant}. */
    record BatchesData(List<ConfirmedBatch> batches) implements ReplicationMessage {
        public BatchesData {
            batches = List.copyOf(batches);
            if (batches.size() > MAX_BATCHES) {
                throw new IllegalArgumentException("a BatchesData carries at most " + MAX_BATCHES + " batches");
            }
            for (int i = 1; i < batches.size(); i++) {
                if (batches.get(i).batch().number() != batches.get(i - 1).batch().number() + 1) {
                    throw new IllegalArgumentException("a BatchesData carries consecutive batches");
                }
            }
        }
    }

    /** Largest writer request, in UTF-8 bytes of its op. */
    int MAX_WRITER_REQUEST_BYTES = 4096;

    /**
     * A peer that is not a writer asks to become one while auto-add is on: {@code op} is its
     * {@code autoAddWriter} op, signed by the writer key it asks for. A writer appends it as is.
     */
    record WriterRequest(String op) implements ReplicationMessage {
        public WriterRequest {
            Objects.requireNonNull(op, "op");
            if (op.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_WRITER_REQUEST_BYTES) {
                throw new IllegalArgumentException("a writer request holds at most " + MAX_WRITER_REQUEST_BYTES + " bytes");
            }
        }
    }

    /** Largest body of a {@link Request} or a {@link Reply}, in UTF-8 bytes. */
    int MAX_REQUEST_BYTES = 8192;

    /**
     * A question for the peers on the other end of the link, such as a settlement request from a
     * peer that is not a validator. Replication only carries it: what {@code body} means, and
     * whether to answer, is up to the receiver's listener.
     *
     * @param id   chosen by the requester, at least 0, so it can match the {@link Reply}
     * @param body at most {@link #MAX_REQUEST_BYTES} UTF-8 bytes, usually JSON
     */
    record Request(long id, String body) implements ReplicationMessage {
        public Request {
            checkExchange("request", id, body);
        }
    }

    /**
     * The answer to the {@link Request} with the same {@code id}, sent back on the link it came through.
     *
     * @param body at most {@link #MAX_REQUEST_BYTES} UTF-8 bytes, usually JSON
     */
    record Reply(long id, String body) implements ReplicationMessage {
        public Reply {
            checkExchange("reply", id, body);
        }
    }

    /** The bounds a {@link Request} and a {@link Reply} share. */
    private static void checkExchange(String kind, long id, String body) {
        Objects.requireNonNull(body, "body");
        if (id < 0) {
            throw new IllegalArgumentException("a " + kind + " id is not negative");
        }
        if (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("a " + kind + " holds at most " + MAX_REQUEST_BYTES + " bytes");
        }
    }

    /** Largest Raft message one {@link Consensus} carries, in bytes. */
    int MAX_CONSENSUS_BYTES = 1 << 20;

    /**
     * A Raft message from indexer {@code from} to indexer {@code to}, signed by {@code from}'s
     * writer key over the subnet, both keys and the message (see {@link ConsensusSignature}), so no
     * peer can speak for an indexer.
     */
    record Consensus(Bytes32 from, Bytes32 to, byte[] message, byte[] signature) implements ReplicationMessage {
        public Consensus {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            message = message.clone();
            signature = signature.clone();
            if (message.length > MAX_CONSENSUS_BYTES) {
                throw new IllegalArgumentException("a Consensus message holds at most " + MAX_CONSENSUS_BYTES + " bytes");
            }
            if (signature.length != 64) {
                throw new IllegalArgumentException("a signature is 64 bytes, not " + signature.length);
            }
        }

        @Override
        public byte[] message() {
            return message.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Consensus that && from.equals(that.from) && to.equals(that.to)
                    && java.util.Arrays.equals(message, that.message) && java.util.Arrays.equals(signature, that.signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(from, to, java.util.Arrays.hashCode(message), java.util.Arrays.hashCode(signature));
        }

        @Override
        public String toString() {
            return "Consensus[from=" + from.shortHex() + ", to=" + to.shortHex() + ", " + message.length + " bytes]";
        }
    }

    /**
     * An indexer's signature of the checkpoint after committed batch {@code number}: indexers
     * send theirs to every peer, and store a batch once a majority of them signed it.
     */
    record CheckpointSignature(long number, ConfirmedBatch.IndexerSignature signature) implements ReplicationMessage {
        public CheckpointSignature {
            Objects.requireNonNull(signature, "signature");
            if (number < 0) {
                throw new IllegalArgumentException("a batch number is not negative");
            }
        }
    }
}
