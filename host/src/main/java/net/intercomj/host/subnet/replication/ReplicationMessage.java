package net.intercomj.host.subnet.replication;

import java.util.List;
import java.util.Objects;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;

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
}
