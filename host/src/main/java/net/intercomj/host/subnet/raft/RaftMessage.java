package net.intercomj.host.subnet.raft;

import java.util.List;
import net.intercomj.host.subnet.order.Batch;

/**
 * What the indexers of a subnet send each other to agree on the order of batches (Raft). Log
 * positions are lengths: {@code prevLength} batches come before the ones an {@link Append}
 * carries, and batch {@code n} is the log's entry at index {@code n}.
 */
public sealed interface RaftMessage {

    /** Most batches one {@link Append} carries. */
    int MAX_BATCHES = 8;

    /** The sender's current term. */
    long term();

    /** A candidate asks for a vote; its log ends with a batch of {@code lastTerm} at length {@code lastLength}. */
    record VoteRequest(long term, long lastLength, long lastTerm) implements RaftMessage {
        public VoteRequest {
            requireNotNegative(term, lastLength, lastTerm);
        }
    }

    /** The answer to a {@link VoteRequest}. */
    record VoteReply(long term, boolean granted) implements RaftMessage {
        public VoteReply {
            requireNotNegative(term);
        }
    }

    /**
     * The leader's batches after the first {@code prevLength}, whose last is of {@code prevTerm};
     * empty as a heartbeat. {@code commitLength} batches are committed.
     */
    record Append(long term, long prevLength, long prevTerm, List<Batch> batches, long commitLength)
            implements RaftMessage {
        public Append {
            requireNotNegative(term, prevLength, prevTerm, commitLength);
            batches = List.copyOf(batches);
            if (batches.size() > MAX_BATCHES) {
                throw new IllegalArgumentException("an Append carries at most " + MAX_BATCHES + " batches");
            }
            for (int i = 0; i < batches.size(); i++) {
                Batch batch = batches.get(i);
                if (batch.number() != prevLength + i) {
                    throw new IllegalArgumentException("an Append's batch " + i + " is number " + batch.number()
                            + ", not " + (prevLength + i));
                }
                if (batch.term() > term) {
                    throw new IllegalArgumentException("an Append carries no batch of a term after its own");
                }
            }
        }
    }

    /**
     * The answer to an {@link Append}: on success, the follower's log matches the leader's for
     * {@code matchLength} batches; otherwise {@code matchLength} is where the leader should try
     * next.
     */
    record AppendReply(long term, boolean success, long matchLength) implements RaftMessage {
        public AppendReply {
            requireNotNegative(term, matchLength);
        }
    }

    private static void requireNotNegative(long... values) {
        for (long value : values) {
            if (value < 0) {
                throw new IllegalArgumentException("Raft terms and lengths are not negative");
            }
        }
    }
}
