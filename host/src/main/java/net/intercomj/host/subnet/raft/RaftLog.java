package net.intercomj.host.subnet.raft;

import java.util.List;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.order.Batch;

/**
 * What Raft keeps on disk: the current term, the vote cast in it, and the log of batches. Every
 * change is stored before the method returns, since Raft's answers rely on it: the term and vote
 * on the disk itself (a vote forgotten could elect two leaders in one term), the batches as
 * durably as the rest of the peer's stores (they survive a killed process).
 */
public interface RaftLog {

    long currentTerm();

    /** Whom this indexer voted for in {@link #currentTerm()}. */
    Optional<Bytes32> votedFor();

    /** Moves to {@code term}, having voted for {@code vote} in it (empty: not yet). */
    void setTermAndVote(long term, Optional<Bytes32> vote) throws StoreException;

    /** How many batches the log holds. */
    long length() throws StoreException;

    /** The term of batch {@code index}; 0 before the first batch ({@code index} -1). */
    long termAt(long index) throws StoreException;

    /** Up to {@code max} batches from {@code from}. */
    List<Batch> batches(long from, int max) throws StoreException;

    /**
     * Puts {@code batches} at {@code from}, {@code from + 1}, …, replacing what was there from
     * the first one that differs in term; batches after the replaced ones go too.
     *
     * @throws IllegalStateException if that would replace a confirmed batch (which Raft never asks
     *                               of a correct indexer)
     */
    void putFrom(long from, List<Batch> batches) throws StoreException;
}
