package net.intercomj.host.subnet.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leader proposes every stored entry once, in causal order; the confirmed log refuses anything else. */
class BatchProposerTest {

    private static final Bytes32 SUBNET = Bytes32.fromHex("1f".repeat(32));

    @TempDir
    Path folder;

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        seed[5] = (byte) n;
        return seed;
    }

    /** Two writers taking turns, each naming the other's latest entry as a head. */
    private static List<LogEntry> interleaved(int rounds) {
        byte[][] seeds = {seed(1), seed(2)};
        Bytes32[] keys = {Bytes32.of(Ed25519Keys.publicKey(seeds[0])), Bytes32.of(Ed25519Keys.publicKey(seeds[1]))};
        List<List<LogEntry>> logs = List.of(new ArrayList<>(), new ArrayList<>());
        List<LogEntry> all = new ArrayList<>();
        for (int i = 0; i < rounds * 2; i++) {
            int w = i % 2;
            List<LogEntry> own = logs.get(w);
            List<LogEntry> other = logs.get(1 - w);
            List<EntryId> heads = other.isEmpty() ? List.of() : List.of(other.getLast().id());
            byte[] signing = seeds[w];
            LogEntry entry = LogEntry.append(SUBNET, keys[w], own.isEmpty() ? null : own.getLast(), heads, i, "{}",
                    message -> Ed25519Keys.sign(signing, message));
            own.add(entry);
            all.add(entry);
        }
        return all;
    }

    /** {@code batch} with the checkpoint after {@code confirmed}'s last one, unsigned (the confirmed log checks no signatures). */
    private static ConfirmedBatch confirmedBatch(ConfirmedLog confirmed, Batch batch, List<LogEntry> entries) {
        return new ConfirmedBatch(batch, confirmed.checkpoint().next(batch, entries, Map.of()), List.of());
    }

    @Test
    void everyStoredEntryIsConfirmedOnceInCausalOrderAndTheLogSurvivesARestart() throws Exception {
        List<LogEntry> history = interleaved(700);
        List<ConfirmedBatch> batches = new ArrayList<>();
        try (WriterLogStore logs = WriterLogStore.open(folder.resolve("logs"), SUBNET);
                ConfirmedLog confirmed = ConfirmedLog.open(folder.resolve("confirmed"))) {
            for (LogEntry entry : history) {
                logs.append(entry);
            }
            BatchProposer indexer = new BatchProposer(logs, confirmed);
            for (Optional<BatchProposer.Proposal> proposal = indexer.propose(1); proposal.isPresent();
                    proposal = indexer.propose(1)) {
                assertThat(indexer.propose(1)).as("a proposal stores nothing").isEqualTo(proposal);
                assertThat(confirmed.batchCount()).isEqualTo(batches.size());
                ConfirmedBatch batch = confirmedBatch(confirmed, proposal.get().batch(), proposal.get().entries());
                confirmed.append(batch, proposal.get().entries());
                assertThat(confirmed.checkpoint()).isEqualTo(batch.checkpoint());
                batches.add(batch);
            }
            assertThat(batches).extracting(batch -> batch.batch().number()).containsExactly(0L, 1L);
        }
        try (ConfirmedLog confirmed = ConfirmedLog.open(folder.resolve("confirmed"))) {
            assertThat(confirmed.batchCount()).isEqualTo(2);
            assertThat(confirmed.lengths().values()).containsExactly(700L, 700L);
            assertThat(confirmed.checkpoint()).isEqualTo(batches.getLast().checkpoint());
            List<EntryId> order = new ArrayList<>();
            for (long n = 0; n < confirmed.batchCount(); n++) {
                ConfirmedBatch batch = confirmed.batch(n).orElseThrow();
                assertThat(batch).isEqualTo(batches.get((int) n));
                order.addAll(batch.batch().entries());
            }
            assertThat(confirmed.batch(2)).isEmpty();
            assertThat(order).hasSize(1400);
            Set<EntryId> seen = new HashSet<>();
            for (EntryId id : order) {
                LogEntry entry = history.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
                assertThat(entry.seq() == 0 || seen.contains(new EntryId(entry.writer(), entry.seq() - 1))).isTrue();
                assertThat(seen).containsAll(entry.heads());
                assertThat(seen.add(id)).as("confirmed once: %s", id).isTrue();
            }
        }
    }

    @Test
    void aBatchEndsRightAfterAnOpThatMayChangeTheIndexers() throws Exception {
        byte[] seed = seed(1);
        Bytes32 writer = Bytes32.of(Ed25519Keys.publicKey(seed));
        List<String> ops = List.of("{}", "{\"key\":\"" + "ab".repeat(32) + "\",\"type\":\"addIndexer\"}",
                "{\"msg\":\"\\\"addIndexer\\\" in a message is no op type\",\"type\":\"msg\"}",
                "{\"type\":\"removeWriter\"}", "{}");
        try (WriterLogStore logs = WriterLogStore.open(folder.resolve("logs"), SUBNET);
                ConfirmedLog confirmed = ConfirmedLog.open(folder.resolve("confirmed"))) {
            LogEntry previous = null;
            for (String op : ops) {
                previous = LogEntry.append(SUBNET, writer, previous, List.of(), 0, op, message -> Ed25519Keys.sign(seed, message));
                logs.append(previous);
            }
            BatchProposer proposer = new BatchProposer(logs, confirmed, Membership::mayChangeIndexers);
            List<List<Long>> batches = new ArrayList<>();
            for (Optional<BatchProposer.Proposal> proposal = proposer.propose(7); proposal.isPresent();
                    proposal = proposer.propose(7)) {
                assertThat(proposal.get().batch().term()).isEqualTo(7);
                batches.add(proposal.get().batch().entries().stream().map(EntryId::seq).toList());
                confirmed.append(confirmedBatch(confirmed, proposal.get().batch(), proposal.get().entries()),
                        proposal.get().entries());
            }
            assertThat(batches).containsExactly(List.of(0L, 1L), List.of(2L, 3L), List.of(4L));
            assertThat(new BatchProposer(logs, confirmed).propose(7)).isEmpty();
        }
    }

    @Test
    void theConfirmedLogRefusesBatchesThatSkipRepeatOrReorder() throws Exception {
        List<LogEntry> history = interleaved(2);
        LogEntry a0 = history.get(0);
        LogEntry b0 = history.get(1);
        LogEntry a1 = history.get(2);
        try (ConfirmedLog confirmed = ConfirmedLog.open(folder)) {
            // A checkpoint cannot be computed for a batch that does not follow it: give one of the right count.
            Batch skipping = new Batch(1, 1, List.of(a0.id()));
            assertThatThrownBy(() -> confirmed.append(new ConfirmedBatch(skipping,
                    new Checkpoint(2, Checkpoint.ZERO, Checkpoint.ZERO), List.of()), List.of(a0)))
                    .hasMessageContaining("is not next");
            Batch early = new Batch(0, 1, List.of(a1.id()));
            assertThatThrownBy(() -> confirmed.append(confirmedBatch(confirmed, early, List.of(a1)), List.of(a1)))
                    .hasMessageContaining("does not come next in its log");
            Batch beforeHead = new Batch(0, 1, List.of(b0.id()));
            assertThatThrownBy(() -> confirmed.append(confirmedBatch(confirmed, beforeHead, List.of(b0)), List.of(b0)))
                    .hasMessageContaining("comes before its head");
            Batch other = new Batch(0, 1, List.of(a0.id()));
            assertThatThrownBy(() -> confirmed.append(confirmedBatch(confirmed, other, List.of(a0)), List.of(b0)))
                    .hasMessageContaining("not the batch's");
            assertThat(confirmed.batchCount()).isZero();
            assertThat(confirmed.lengths()).isEmpty();
            assertThat(confirmed.checkpoint()).isEqualTo(Checkpoint.GENESIS);
            Batch first = new Batch(0, 1, List.of(a0.id(), b0.id()));
            confirmed.append(confirmedBatch(confirmed, first, List.of(a0, b0)), List.of(a0, b0));
            Batch repeating = new Batch(1, 1, List.of(a0.id()));
            assertThatThrownBy(() -> confirmed.append(confirmedBatch(confirmed, repeating, List.of(a0)), List.of(a0)))
                    .hasMessageContaining("does not come next in its log");
            assertThat(confirmed.lengths()).isEqualTo(Map.of(a0.writer(), 1L, b0.writer(), 1L));
            assertThat(confirmed.batchCount()).isEqualTo(1);
        }
    }

    @Test
    void theConfirmedLogRefusesABatchWhoseCheckpointDoesNotHashItsEntries() throws Exception {
        List<LogEntry> history = interleaved(1);
        LogEntry a0 = history.get(0);
        LogEntry b0 = history.get(1);
        // Another entry with a0's id: the same writer and seq, different content.
        LogEntry otherA0 = new LogEntry(a0.writer(), a0.seq(), a0.prev(), a0.heads(), a0.timestamp() + 1, a0.op(),
                a0.signature());
        Batch batch = new Batch(0, 1, List.of(a0.id(), b0.id()));
        try (ConfirmedLog confirmed = ConfirmedLog.open(folder)) {
            Checkpoint ofOtherEntries = Checkpoint.GENESIS.next(batch, List.of(otherA0, b0), Map.of());
            assertThatThrownBy(() -> confirmed.append(new ConfirmedBatch(batch, ofOtherEntries, List.of()), List.of(a0, b0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("log hash does not match");
            Checkpoint right = Checkpoint.GENESIS.next(batch, List.of(a0, b0), Map.of());
            Checkpoint zeroHash = new Checkpoint(1, Checkpoint.ZERO, right.stateHash());
            assertThatThrownBy(() -> confirmed.append(new ConfirmedBatch(batch, zeroHash, List.of()), List.of(a0, b0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("log hash does not match");
            assertThat(confirmed.batchCount()).isZero();
            assertThat(confirmed.lengths()).isEmpty();
            assertThat(confirmed.checkpoint()).isEqualTo(Checkpoint.GENESIS);
            assertThat(confirmed.batch(0)).isEmpty();
            ConfirmedBatch good = new ConfirmedBatch(batch, right, List.of());
            confirmed.append(good, List.of(a0, b0));
            assertThat(confirmed.checkpoint()).isEqualTo(right);
            assertThat(confirmed.batch(0)).contains(good);
        }
    }
}
