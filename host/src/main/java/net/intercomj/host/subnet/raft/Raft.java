package net.intercomj.host.subnet.raft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.order.Batch;

/**
 * One indexer's part in Raft: elections, and replicating the leader's batches to a majority
 * before they count as committed. It opens no socket and reads no clock: the owner hands it the
 * time, the messages received and the batches to propose, and sends what it puts in the outbox.
 * Not thread-safe: one thread (the subnet's apply thread) drives it.
 *
 * <p>Who votes is read from the confirmed view each time ({@code voters}), so membership follows
 * the ordered {@code addIndexer} and {@code removeWriter} ops as they are applied. That is safe
 * because they change one indexer at a time and the leader proposes a batch only after the one
 * before is applied (so a second change is never in flight before the first takes effect): the
 * scheme etcd uses, applying configuration on commit. A new leader that inherits batches it
 * cannot commit yet proposes an empty batch of its own term first (Raft §5.4.2).
 */
public final class Raft {

    /**
     * @param heartbeatMillis how often the leader sends to each follower when idle
     * @param electionMillis  a follower that hears nothing from a leader for this long, plus a
     *                        random part up to as long again, stands for election
     */
    public record Timing(long heartbeatMillis, long electionMillis) {
        public Timing {
            if (heartbeatMillis <= 0 || electionMillis <= heartbeatMillis) {
                throw new IllegalArgumentException("The election timeout must be longer than the heartbeat");
            }
        }
    }

    /** Sends a message to another indexer; delivery may fail, repeat or reorder. */
    public interface Outbox {
        void send(Bytes32 to, RaftMessage message);
    }

    /** Where this indexer stands. */
    public enum Role { FOLLOWER, CANDIDATE, LEADER }

    private final Bytes32 self;
    private final RaftLog log;
    private final Supplier<List<Bytes32>> voters;
    private final RandomGenerator random;
    private final Timing timing;
    private final Outbox outbox;

    private Role role = Role.FOLLOWER;
    private Bytes32 leader;
    private long commitLength;
    private long electionDeadline;
    private long heartbeatDue;
    private final Set<Bytes32> votes = new HashSet<>();
    private final Map<Bytes32, Long> nextLength = new HashMap<>();
    private final Map<Bytes32, Long> matchLength = new HashMap<>();

    /**
     * @param committed how many batches are known to be committed (the confirmed ones)
     * @param voters    the indexers as the confirmed view names them now
     */
    public Raft(Bytes32 self, RaftLog log, long committed, Supplier<List<Bytes32>> voters, RandomGenerator random,
            Timing timing, Outbox outbox, long now) {
        this.self = self;
        this.log = log;
        this.commitLength = committed;
        this.voters = voters;
        this.random = random;
        this.timing = timing;
        this.outbox = outbox;
        resetElectionTimer(now);
    }

    public Role role() {
        return role;
    }

    public long term() {
        return log.currentTerm();
    }

    /** The leader of the current term, if known. */
    public Optional<Bytes32> leader() {
        return Optional.ofNullable(leader);
    }

    /** How many batches are committed, as far as this indexer knows. */
    public long commitLength() {
        return commitLength;
    }

    /** When {@link #tick} next has something to do. */
    public long nextTickAt() {
        return role == Role.LEADER ? heartbeatDue : electionDeadline;
    }

    /** Time passed: a follower whose leader is silent stands for election, a leader sends heartbeats. */
    public void tick(long now) throws StoreException {
        List<Bytes32> current = voters.get();
        if (!current.contains(self)) {
            if (role != Role.FOLLOWER) {
                // Removed from the indexers: step down; the others elect among themselves.
                role = Role.FOLLOWER;
                leader = null;
            }
            resetElectionTimer(now);
            return;
        }
        if (role == Role.LEADER) {
            if (now >= heartbeatDue) {
                sendAppends(now);
            }
        } else if (current.size() == 1 || now >= electionDeadline) {
            campaign(now);
        }
    }

    /**
     * Appends {@code batch}, the leader's next one, and sends it to the followers.
     *
     * @throws IllegalStateException if this indexer is not the leader, or the batch is not next in this term
     */
    public void propose(Batch batch, long now) throws StoreException {
        if (role != Role.LEADER) {
            throw new IllegalStateException("Only the leader proposes batches");
        }
        if (batch.number() != log.length() || batch.term() != log.currentTerm()) {
            throw new IllegalStateException("Batch " + batch.number() + " of term " + batch.term()
                    + " does not come next in term " + log.currentTerm());
        }
        log.putFrom(batch.number(), List.of(batch));
        advanceCommit(now);
        sendAppends(now);
    }

    /**
     * A batch of {@code term} entered this indexer's log without a message of that term (it came
     * confirmed, from any peer). Raft's term is never behind a term in its log: otherwise an
     * indexer that learned of batches only this way could stand for election in a term that
     * already has a leader, one that has proposed batches of that term.
     */
    public void observe(long term) throws StoreException {
        if (term > log.currentTerm()) {
            log.setTermAndVote(term, Optional.empty());
            role = Role.FOLLOWER;
            leader = null;
        }
    }

    /** Handles a message from another indexer. */
    public void receive(Bytes32 from, RaftMessage message, long now) throws StoreException {
        if (from.equals(self)) {
            return;
        }
        boolean fromVoter = voters.get().contains(from);
        if (message instanceof RaftMessage.VoteRequest && !fromVoter) {
            // A removed (or never added) indexer must not disrupt the others with higher terms.
            return;
        }
        if (message.term() > log.currentTerm()) {
            log.setTermAndVote(message.term(), Optional.empty());
            role = Role.FOLLOWER;
            leader = null;
        }
        switch (message) {
            case RaftMessage.VoteRequest request -> onVoteRequest(from, request, now);
            case RaftMessage.VoteReply reply -> onVoteReply(from, reply, now);
            case RaftMessage.Append append -> onAppend(from, append, now);
            case RaftMessage.AppendReply reply -> onAppendReply(from, reply, now);
        }
    }

    private void campaign(long now) throws StoreException {
        log.setTermAndVote(log.currentTerm() + 1, Optional.of(self));
        role = Role.CANDIDATE;
        leader = null;
        votes.clear();
        votes.add(self);
        resetElectionTimer(now);
        if (hasMajority(votes)) {
            becomeLeader(now);
            return;
        }
        long length = log.length();
        RaftMessage.VoteRequest request = new RaftMessage.VoteRequest(log.currentTerm(), length, log.termAt(length - 1));
        for (Bytes32 voter : voters.get()) {
            if (!voter.equals(self)) {
                outbox.send(voter, request);
            }
        }
    }

    private void onVoteRequest(Bytes32 from, RaftMessage.VoteRequest request, long now) throws StoreException {
        long length = log.length();
        long lastTerm = log.termAt(length - 1);
        boolean upToDate = request.lastTerm() > lastTerm || (request.lastTerm() == lastTerm && request.lastLength() >= length);
        boolean free = log.votedFor().map(from::equals).orElse(true);
        boolean granted = request.term() == log.currentTerm() && free && upToDate;
        if (granted) {
            log.setTermAndVote(log.currentTerm(), Optional.of(from));
            resetElectionTimer(now);
        }
        outbox.send(from, new RaftMessage.VoteReply(log.currentTerm(), granted));
    }

    private void onVoteReply(Bytes32 from, RaftMessage.VoteReply reply, long now) throws StoreException {
        if (role != Role.CANDIDATE || reply.term() != log.currentTerm() || !reply.granted()) {
            return;
        }
        votes.add(from);
        if (hasMajority(votes)) {
            becomeLeader(now);
        }
    }

    private void becomeLeader(long now) throws StoreException {
        role = Role.LEADER;
        leader = self;
        nextLength.clear();
        matchLength.clear();
        long length = log.length();
        if (length > commitLength) {
            // Batches of earlier terms commit only with one of this term after them.
            log.putFrom(length, List.of(new Batch(length, log.currentTerm(), List.of())));
        }
        advanceCommit(now);
        sendAppends(now);
    }

    private void onAppend(Bytes32 from, RaftMessage.Append append, long now) throws StoreException {
        long term = log.currentTerm();
        if (append.term() < term) {
            outbox.send(from, new RaftMessage.AppendReply(term, false, 0));
            return;
        }
        role = Role.FOLLOWER;
        leader = from;
        resetElectionTimer(now);
        long length = log.length();
        if (append.prevLength() > length) {
            outbox.send(from, new RaftMessage.AppendReply(term, false, length));
            return;
        }
        if (append.prevLength() > 0 && log.termAt(append.prevLength() - 1) != append.prevTerm()) {
            outbox.send(from, new RaftMessage.AppendReply(term, false, append.prevLength() - 1));
            return;
        }
        List<Batch> batches = append.batches();
        int same = 0;
        while (same < batches.size() && batches.get(same).number() < length
                && log.termAt(batches.get(same).number()) == batches.get(same).term()) {
            same++;
        }
        if (same < batches.size()) {
            log.putFrom(batches.get(same).number(), batches.subList(same, batches.size()));
        }
        long matched = append.prevLength() + batches.size();
        commitLength = Math.max(commitLength, Math.min(append.commitLength(), matched));
        outbox.send(from, new RaftMessage.AppendReply(term, true, matched));
    }

    private void onAppendReply(Bytes32 from, RaftMessage.AppendReply reply, long now) throws StoreException {
        if (role != Role.LEADER || reply.term() != log.currentTerm()) {
            return;
        }
        long length = log.length();
        if (reply.success()) {
            long matched = Math.min(length, Math.max(matchLength.getOrDefault(from, 0L), reply.matchLength()));
            matchLength.put(from, matched);
            nextLength.put(from, Math.max(nextLength.getOrDefault(from, length), matched));
            if (advanceCommit(now)) {
                sendAppends(now);
            } else if (matched < length) {
                sendAppend(from);
            }
        } else {
            long next = nextLength.getOrDefault(from, length);
            nextLength.put(from, Math.max(matchLength.getOrDefault(from, 0L), Math.min(next - 1, reply.matchLength())));
            sendAppend(from);
        }
    }

    /** Commits what a majority holds, if the last of it is of this term; true if the commit moved. */
    private boolean advanceCommit(long now) throws StoreException {
        List<Bytes32> current = voters.get();
        long length = log.length();
        List<Long> held = new ArrayList<>();
        for (Bytes32 voter : current) {
            held.add(voter.equals(self) ? length : matchLength.getOrDefault(voter, 0L));
        }
        if (held.isEmpty()) {
            return false;
        }
        held.sort(null);
        // The highest length that a majority holds.
        long majority = held.get((held.size() - 1) / 2);
        if (majority > commitLength && log.termAt(majority - 1) == log.currentTerm()) {
            commitLength = majority;
            return true;
        }
        return false;
    }

    private void sendAppends(long now) throws StoreException {
        for (Bytes32 voter : voters.get()) {
            if (!voter.equals(self)) {
                sendAppend(voter);
            }
        }
        heartbeatDue = now + timing.heartbeatMillis();
    }

    private void sendAppend(Bytes32 to) throws StoreException {
        long length = log.length();
        long next = Math.min(length, nextLength.getOrDefault(to, length));
        List<Batch> batches = log.batches(next, RaftMessage.MAX_BATCHES);
        outbox.send(to, new RaftMessage.Append(log.currentTerm(), next, log.termAt(next - 1), batches, commitLength));
    }

    private boolean hasMajority(Set<Bytes32> granted) {
        List<Bytes32> current = voters.get();
        long count = current.stream().filter(granted::contains).count();
        return count > current.size() / 2;
    }

    private void resetElectionTimer(long now) {
        electionDeadline = now + timing.electionMillis() + random.nextLong(timing.electionMillis());
    }
}

