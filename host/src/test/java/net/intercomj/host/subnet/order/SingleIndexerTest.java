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
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One indexer confirms every stored entry once, in causal order; the confirmed log refuses anything else. */
class SingleIndexerTest {

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

    @Test
    void everyStoredEntryIsConfirmedOnceInCausalOrderAndTheLogSurvivesARestart() throws Exception {
        List<LogEntry> history = interleaved(700);
        List<Batch> batches = new ArrayList<>();
        try (WriterLogStore logs = WriterLogStore.open(folder.resolve("logs"), SUBNET);
                ConfirmedLog confirmed = ConfirmedLog.open(folder.resolve("confirmed"))) {
            for (LogEntry entry : history) {
                logs.append(entry);
            }
            SingleIndexer indexer = new SingleIndexer(logs, confirmed);
            for (Optional<Batch> batch = indexer.confirmNext(); batch.isPresent(); batch = indexer.confirmNext()) {
                batches.add(batch.get());
            }
            assertThat(batches).extracting(Batch::number).containsExactly(0L, 1L);
        }
        try (ConfirmedLog confirmed = ConfirmedLog.open(folder.resolve("confirmed"))) {
            assertThat(confirmed.batchCount()).isEqualTo(2);
            assertThat(confirmed.lengths().values()).containsExactly(700L, 700L);
            List<EntryId> order = new ArrayList<>();
            for (long n = 0; n < confirmed.batchCount(); n++) {
                order.addAll(confirmed.batch(n).orElseThrow().entries());
            }
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
    void theConfirmedLogRefusesBatchesThatSkipRepeatOrReorder() throws Exception {
        List<LogEntry> history = interleaved(2);
        LogEntry a0 = history.get(0);
        LogEntry b0 = history.get(1);
        LogEntry a1 = history.get(2);
        try (ConfirmedLog confirmed = ConfirmedLog.open(folder)) {
            assertThatThrownBy(() -> confirmed.append(new Batch(1, List.of(a0.id())), List.of(a0)))
                    .hasMessageContaining("is not next");
            assertThatThrownBy(() -> confirmed.append(new Batch(0, List.of(a1.id())), List.of(a1)))
                    .hasMessageContaining("does not come next in its log");
            assertThatThrownBy(() -> confirmed.append(new Batch(0, List.of(b0.id())), List.of(b0)))
                    .hasMessageContaining("comes before its head");
            assertThatThrownBy(() -> confirmed.append(new Batch(0, List.of(a0.id())), List.of(b0)))
                    .hasMessageContaining("not the batch's");
            assertThat(confirmed.batchCount()).isZero();
            assertThat(confirmed.lengths()).isEmpty();
            confirmed.append(new Batch(0, List.of(a0.id(), b0.id())), List.of(a0, b0));
            assertThatThrownBy(() -> confirmed.append(new Batch(1, List.of(a0.id())), List.of(a0)))
                    .hasMessageContaining("does not come next in its log");
            assertThat(confirmed.lengths()).isEqualTo(Map.of(a0.writer(), 1L, b0.writer(), 1L));
        }
    }
}
