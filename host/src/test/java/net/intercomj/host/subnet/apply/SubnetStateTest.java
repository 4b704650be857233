package net.intercomj.host.subnet.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;

import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.TestOps;

import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.subnet.order.Batch;
import net.intercomj.host.subnet.order.CausalOrder;
import net.intercomj.host.subnet.order.Checkpoint;
import net.intercomj.host.subnet.view.ConfirmedView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unconfirmed view, updated incrementally as entries arrive and batches are confirmed in
 * orders that sometimes differ from the unconfirmed one, always equals the confirmed view plus
 * the pending entries applied afresh in their causal order; rollbacks are counted exactly when
 * an applied order was undone.
 */
class SubnetStateTest {

    private static final int WRITERS = 3;
    private static final byte[][] SEEDS = new byte[WRITERS][32];
    private static final Bytes32[] KEYS = new Bytes32[WRITERS];

    static {
        for (int w = 0; w < WRITERS; w++) {
            SEEDS[w][0] = (byte) (w + 1);
            KEYS[w] = Bytes32.of(net.intercomj.host.wallet.Ed25519Keys.publicKey(SEEDS[w]));
        }
    }

    private static final Bytes32 SUBNET = KEYS[0];

    @TempDir
    Path folder;

    @Test
    void theIncrementalUnconfirmedViewAlwaysEqualsAFreshOne() throws Exception {
        long rollbacks = 0;
        for (int seed = 0; seed < 40; seed++) {
            rollbacks += run(new Random(seed), folder.resolve("seed-" + seed));
        }
        assertThat(rollbacks).as("confirmation sometimes reorders, so the rebuild path is taken too").isPositive();
    }

    /** Returns the rollbacks counted. */
    private long run(Random random, Path store) throws Exception {
        OpApplier ops = new OpApplier(SUBNET, List.of(TestOps.SET, TestOps.JOIN));
        try (ConfirmedView view = ConfirmedView.open(store)) {
            SubnetState state = new SubnetState(ops, view, Checkpoint.GENESIS);
            // Writer 0 first lets the others in, then everyone writes keys a..e.
            List<List<LogEntry>> logs = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                logs.add(new ArrayList<>());
            }
            append(logs, 0, "{\"type\":\"join\",\"key\":\"" + KEYS[1].toHex() + "\"}", List.of());
            append(logs, 0, "{\"type\":\"join\",\"key\":\"" + KEYS[2].toHex() + "\"}", List.of());
            List<LogEntry> known = new ArrayList<>(logs.get(0));
            Map<Bytes32, Long> confirmedLengths = new HashMap<>();
            for (int step = 0; step < 60; step++) {
                List<EntryId> confirmedNow = new ArrayList<>();
                if (random.nextInt(3) > 0) {
                    int w = random.nextInt(WRITERS);
                    List<EntryId> heads = new ArrayList<>();
                    for (int other = 0; other < WRITERS; other++) {
                        if (other != w && !logs.get(other).isEmpty() && random.nextBoolean()) {
                            heads.add(logs.get(other).getLast().id());
                        }
                    }
                    if (w != 0) {
                        // After the joins, or its ops would come before it is a writer.
                        heads.add(logs.get(0).get(1).id());
                    }
                    Bytes32 self = KEYS[w];
                    known.add(append(logs, w, "{\"type\":\"set\",\"key\":\"" + (char) ('a' + random.nextInt(5))
                            + "\",\"value\":\"" + w + "-" + logs.get(w).size() + "\"}",
                            heads.stream().filter(id -> !id.writer().equals(self)).toList()));
                } else {
                    // Confirm the causal order of a random subset that takes a prefix of each log.
                    List<LogEntry> subset = new ArrayList<>();
                    for (Bytes32 writer : KEYS) {
                        long from = confirmedLengths.getOrDefault(writer, 0L);
                        List<LogEntry> ofWriter = known.stream().filter(e -> e.writer().equals(writer)
                                && e.seq() >= from).toList();
                        subset.addAll(ofWriter.subList(0, random.nextInt(ofWriter.size() + 1)));
                    }
                    List<LogEntry> ordered = CausalOrder.order(confirmedLengths, subset).ordered();
                    if (!ordered.isEmpty()) {
                        Batch batch = new Batch(view.appliedBatches(), 1, ordered.stream().map(LogEntry::id).toList());
                        state.commit(state.compute(batch, ordered));
                        ordered.forEach(e -> confirmedLengths.merge(e.writer(), 1L, Long::sum));
                        ordered.forEach(e -> confirmedNow.add(e.id()));
                    }
                }
                List<LogEntry> pending = CausalOrder.order(confirmedLengths, known).ordered();
                state.updateUnconfirmed(confirmedNow, pending);

                ViewOverlay fresh = new ViewOverlay(view);
                if (view.appliedBatches() == 0) {
                    ops.genesisIfEmpty(view, fresh);
                }
                pending.forEach(entry -> ops.apply(entry, fresh));
                for (String key : List.of("a", "b", "c", "d", "e", "wrl", "indexers", "wri/" + KEYS[1].toHex())) {
                    assertThat(state.unconfirmed().get(key)).as("%s after step %d", key, step).isEqualTo(fresh.get(key));
                }
            }
            return state.rollbacks();
        }
    }

    private static LogEntry append(List<List<LogEntry>> logs, int writer, String op, List<EntryId> heads) {
        List<LogEntry> log = logs.get(writer);
        LogEntry entry = LogEntry.append(SUBNET, KEYS[writer], log.isEmpty() ? null : log.getLast(), heads, 0, op,
                message -> net.intercomj.host.wallet.Ed25519Keys.sign(SEEDS[writer], message));
        log.add(entry);
        return entry;
    }

    @Test
    void aSingleWriterWhoseOpsAreConfirmedInOrderNeverRollsBack() throws Exception {
        OpApplier ops = new OpApplier(SUBNET, List.of(TestOps.SET, TestOps.JOIN));
        try (ConfirmedView view = ConfirmedView.open(folder.resolve("single"))) {
            SubnetState state = new SubnetState(ops, view, Checkpoint.GENESIS);
            List<List<LogEntry>> logs = new ArrayList<>(List.of(new ArrayList<>()));
            List<LogEntry> pending = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                pending.add(append(logs, 0, "{\"type\":\"set\",\"key\":\"k\",\"value\":\"" + i + "\"}", List.of()));
                List<EntryId> confirmedNow = new ArrayList<>();
                if (i % 4 == 3) {
                    Batch batch = new Batch(view.appliedBatches(), 1, pending.stream().map(LogEntry::id).toList());
                    state.commit(state.compute(batch, pending));
                    pending.forEach(e -> confirmedNow.add(e.id()));
                    pending.clear();
                }
                state.updateUnconfirmed(confirmedNow, List.copyOf(pending));
                assertThat(state.unconfirmed().get("k")).contains("\"" + i + "\"");
            }
            assertThat(state.rollbacks()).isZero();
            assertThat(view.get("k")).isEqualTo(Optional.of("\"27\""));
        }
    }
}
