package net.intercomj.host.subnet.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.order.Batch;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.subnet.order.ConfirmedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Raft log on RocksDB: term and vote outlive a restart, the tail follows {@link RaftLog#putFrom}'s
 * rules, never replacing a confirmed batch, and confirmed batches leave the tail, at once or on reopening.
 */
class RaftStoreTest {

    private static final Bytes32 PEER = Bytes32.fromHex("5a".repeat(32));

    @TempDir
    Path folder;

    /** An empty batch: the confirmed log takes it without any entry to check. */
    private static Batch batch(long number, long term) {
        return new Batch(number, term, List.of());
    }

    private ConfirmedLog openConfirmed() throws Exception {
        return ConfirmedLog.open(folder.resolve("confirmed"));
    }

    private RaftStore openStore(ConfirmedLog confirmed) throws Exception {
        return RaftStore.open(folder.resolve("raft"), confirmed);
    }

    /** Appends {@code batch} to the confirmed log (unsigned: the confirmed log checks no signatures). */
    private static ConfirmedBatch confirm(ConfirmedLog confirmed, Batch batch) throws Exception {
        ConfirmedBatch confirmedBatch = new ConfirmedBatch(batch, confirmed.checkpoint().next(batch, List.of(), Map.of()),
                List.of());
        confirmed.append(confirmedBatch, List.of());
        return confirmedBatch;
    }

    @Test
    void termAndVoteOutliveAReopen() throws Exception {
        try (ConfirmedLog confirmed = openConfirmed()) {
            try (RaftStore store = openStore(confirmed)) {
                assertThat(store.currentTerm()).isZero();
                assertThat(store.votedFor()).isEmpty();
                store.setTermAndVote(4, Optional.of(PEER));
            }
            try (RaftStore store = openStore(confirmed)) {
                assertThat(store.currentTerm()).isEqualTo(4);
                assertThat(store.votedFor()).contains(PEER);
                store.setTermAndVote(5, Optional.empty());
            }
            try (RaftStore store = openStore(confirmed)) {
                assertThat(store.currentTerm()).isEqualTo(5);
                assertThat(store.votedFor()).isEmpty();
            }
        }
    }

    @Test
    void putFromReplacesAConflictingTailAndDropsWhatFollows() throws Exception {
        try (ConfirmedLog confirmed = openConfirmed()) {
            try (RaftStore store = openStore(confirmed)) {
                assertThat(store.length()).isZero();
                assertThat(store.termAt(-1)).isZero();
                store.putFrom(0, List.of(batch(0, 1), batch(1, 1), batch(2, 1), batch(3, 1), batch(4, 1)));
                assertThat(store.length()).isEqualTo(5);
                // Batch 2 is the same, batch 3 differs in term: from 3 on, the tail is replaced and batch 4 goes.
                store.putFrom(2, List.of(batch(2, 1), batch(3, 2)));
                assertThat(store.length()).isEqualTo(4);
                assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 1), batch(2, 1), batch(3, 2));
                assertThat(store.termAt(3)).isEqualTo(2);
                assertThatThrownBy(() -> store.termAt(4)).isInstanceOf(IllegalArgumentException.class);
                assertThat(store.batches(2, 1)).containsExactly(batch(2, 1));
                assertThat(store.batches(4, 3)).isEmpty();
                assertThat(store.tailSize()).isEqualTo(4);
            }
            try (RaftStore store = openStore(confirmed)) {
                assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 1), batch(2, 1), batch(3, 2));
            }
        }
    }

    @Test
    void putFromOfBatchesTheLogAlreadyHoldsChangesNothing() throws Exception {
        try (ConfirmedLog confirmed = openConfirmed(); RaftStore store = openStore(confirmed)) {
            store.putFrom(0, List.of(batch(0, 1), batch(1, 1), batch(2, 2), batch(3, 2)));
            // Nothing differs in term, so nothing is replaced, and nothing after goes (a late, shorter Append).
            store.putFrom(1, List.of(batch(1, 1), batch(2, 2)));
            assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 1), batch(2, 2), batch(3, 2));
        }
    }

    @Test
    void putFromNeverReplacesAConfirmedBatchButAcceptsTheSameOnes() throws Exception {
        try (ConfirmedLog confirmed = openConfirmed(); RaftStore store = openStore(confirmed)) {
            confirm(confirmed, batch(0, 1));
            confirm(confirmed, batch(1, 1));
            assertThat(store.length()).isEqualTo(2);
            assertThat(store.termAt(1)).isEqualTo(1);
            assertThatThrownBy(() -> store.putFrom(1, List.of(batch(1, 2), batch(2, 2))))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.putFrom(0, List.of(batch(0, 1), batch(1, 3))))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(store.length()).as("nothing stored by a refused put").isEqualTo(2);
            assertThat(store.tailSize()).isZero();

            // The same confirmed batches and new ones after them: the new ones join the tail.
            store.putFrom(0, List.of(batch(0, 1), batch(1, 1), batch(2, 2), batch(3, 2)));
            assertThat(store.length()).isEqualTo(4);
            assertThat(store.tailSize()).isEqualTo(2);
            assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 1), batch(2, 2), batch(3, 2));
            // Only the same confirmed batches: the tail after them stays.
            store.putFrom(1, List.of(batch(1, 1)));
            assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 1), batch(2, 2), batch(3, 2));
            assertThat(store.tailSize()).isEqualTo(2);
        }
    }

    @Test
    void aConfirmedBatchLeavesTheTailAndADifferentOneTakesTheWholeTail() throws Exception {
        try (ConfirmedLog confirmed = openConfirmed(); RaftStore store = openStore(confirmed)) {
            store.putFrom(0, List.of(batch(0, 1), batch(1, 1), batch(2, 1), batch(3, 1)));
            store.confirmed(confirm(confirmed, batch(0, 1)));
            assertThat(store.tailSize()).isEqualTo(3);
            assertThat(store.length()).isEqualTo(4);
            assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 1), batch(2, 1), batch(3, 1));

            // Batch 1 is confirmed in term 2 (the tail's term-1 batches lost): the whole tail goes.
            store.confirmed(confirm(confirmed, batch(1, 2)));
            assertThat(store.tailSize()).isZero();
            assertThat(store.length()).isEqualTo(2);
            assertThat(store.termAt(1)).isEqualTo(2);
            assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 2));

            // A batch confirmed that the tail never held leaves it as it was.
            store.putFrom(2, List.of(batch(2, 2), batch(3, 2)));
            store.confirmed(confirm(confirmed, batch(2, 2)));
            assertThat(store.tailSize()).isEqualTo(1);
            assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 2), batch(2, 2), batch(3, 2));
        }
        try (ConfirmedLog confirmed = openConfirmed(); RaftStore store = openStore(confirmed)) {
            assertThat(store.tailSize()).isEqualTo(1);
            assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 2), batch(2, 2), batch(3, 2));
        }
    }

    @Test
    void reopeningDropsTailBatchesConfirmedMeanwhile() throws Exception {
        try (ConfirmedLog confirmed = openConfirmed()) {
            try (RaftStore store = openStore(confirmed)) {
                store.putFrom(0, List.of(batch(0, 1), batch(1, 1), batch(2, 1), batch(3, 1)));
            }
            // Confirmed, then a crash before the Raft store heard of it.
            confirm(confirmed, batch(0, 1));
            confirm(confirmed, batch(1, 1));
            try (RaftStore store = openStore(confirmed)) {
                assertThat(store.tailSize()).isEqualTo(2);
                assertThat(store.length()).isEqualTo(4);
                assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 1), batch(2, 1), batch(3, 1));
                store.putFrom(4, List.of(batch(4, 3)));
            }
            try (RaftStore store = openStore(confirmed)) {
                assertThat(store.tailSize()).isEqualTo(3);
                assertThat(store.batches(0, 10))
                        .containsExactly(batch(0, 1), batch(1, 1), batch(2, 1), batch(3, 1), batch(4, 3));
            }
        }
    }

    @Test
    void reopeningAfterADifferentBatchWasConfirmedDropsTheLosingTail() throws Exception {
        try (ConfirmedLog confirmed = openConfirmed()) {
            try (RaftStore store = openStore(confirmed)) {
                store.putFrom(0, List.of(batch(0, 1), batch(1, 1), batch(2, 1)));
            }
            // Batch 1 was confirmed in term 2, then a crash before the Raft store heard of it: its
            // term-1 batches 1 and 2 lost, and batch 2 must not linger after batch 1 of term 2.
            confirm(confirmed, batch(0, 1));
            confirm(confirmed, batch(1, 2));
            try (RaftStore store = openStore(confirmed)) {
                assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 2));
                assertThat(store.length()).isEqualTo(2);
                assertThat(store.tailSize()).isZero();
                store.putFrom(2, List.of(batch(2, 3)));
            }
            // What the store put after that reopening survives the next one.
            try (RaftStore store = openStore(confirmed)) {
                assertThat(store.batches(0, 10)).containsExactly(batch(0, 1), batch(1, 2), batch(2, 3));
            }
        }
    }

    @Test
    void theStoreAndTheTestsMemoryLogFollowTheSameRules() throws Exception {
        Random random = new Random(3);
        MemoryRaftLog memory = new MemoryRaftLog();
        try (ConfirmedLog confirmed = openConfirmed(); RaftStore store = openStore(confirmed)) {
            int refused = 0;
            for (int step = 0; step < 400; step++) {
                long length = store.length();
                if (random.nextInt(3) == 0 && confirmed.batchCount() < length) {
                    Batch next = store.batches(confirmed.batchCount(), 1).getFirst();
                    store.confirmed(confirm(confirmed, next));
                    memory.confirm(confirmed.batchCount());
                } else {
                    long from = random.nextLong(Math.max(0, Math.min(length, confirmed.batchCount()) - 2), length + 1);
                    List<Batch> put = new ArrayList<>();
                    for (int i = 1 + random.nextInt(4); i > 0; i--) {
                        long number = from + put.size();
                        boolean same = number < length && random.nextInt(3) > 0;
                        put.add(batch(number, same ? store.termAt(number) : 1 + random.nextInt(6)));
                    }
                    boolean storeRefused = false;
                    boolean memoryRefused = false;
                    try {
                        store.putFrom(from, put);
                    } catch (IllegalStateException e) {
                        storeRefused = true;
                    }
                    try {
                        memory.putFrom(from, put);
                    } catch (IllegalStateException e) {
                        memoryRefused = true;
                    }
                    assertThat(memoryRefused).as("step %d: both refuse, or neither", step).isEqualTo(storeRefused);
                    refused += storeRefused ? 1 : 0;
                }
                assertThat(memory.all()).as("step %d", step).isEqualTo(store.batches(0, (int) store.length() + 1));
                assertThat(store.length()).isEqualTo(memory.length());
            }
            assertThat(refused).as("some puts would have replaced confirmed batches").isPositive();
            assertThat(confirmed.batchCount()).isPositive();
        }
    }
}
