package net.intercomj.host.subnet.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;

/**
 * The causal order on random histories, seeded: it respects every log and every head, does not
 * depend on the order entries arrived in, and leaves out exactly what cannot be ordered yet.
 */
class CausalOrderTest {

    private static final Bytes32 SUBNET = Bytes32.fromHex("2a".repeat(32));

    /** A random history: writers append in turn, each naming a few entries of others it has seen. */
    private static List<LogEntry> history(Random random, int writers, int entries) {
        List<byte[]> seeds = new ArrayList<>();
        List<Bytes32> keys = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            seeds.add(seed);
            keys.add(Bytes32.of(Ed25519Keys.publicKey(seed)));
        }
        Map<Bytes32, List<LogEntry>> logs = new HashMap<>();
        List<LogEntry> all = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            int w = random.nextInt(writers);
            Bytes32 writer = keys.get(w);
            List<LogEntry> own = logs.computeIfAbsent(writer, k -> new ArrayList<>());
            List<EntryId> heads = new ArrayList<>();
            for (int h = random.nextInt(3); h > 0 && !all.isEmpty(); h--) {
                LogEntry seen = all.get(random.nextInt(all.size()));
                if (!seen.writer().equals(writer)) {
                    heads.add(seen.id());
                }
            }
            byte[] seed = seeds.get(w);
            LogEntry entry = LogEntry.append(SUBNET, writer, own.isEmpty() ? null : own.getLast(), heads, i, "{}",
                    message -> Ed25519Keys.sign(seed, message));
            own.add(entry);
            all.add(entry);
        }
        return all;
    }

    private static void assertRespectsCausality(List<LogEntry> ordered, Map<Bytes32, Long> alreadyOrdered) {
        Map<Bytes32, Long> lengths = new HashMap<>(alreadyOrdered);
        for (LogEntry entry : ordered) {
            assertThat(entry.seq()).as("%s follows its log", entry.id()).isEqualTo(lengths.getOrDefault(entry.writer(), 0L));
            for (EntryId head : entry.heads()) {
                assertThat(head.seq()).as("%s comes after its head %s", entry.id(), head)
                        .isLessThan(lengths.getOrDefault(head.writer(), 0L));
            }
            lengths.put(entry.writer(), entry.seq() + 1);
        }
    }

    @Test
    void theOrderRespectsLogsAndHeadsAndIgnoresArrivalOrder() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<LogEntry> history = history(random, 1 + random.nextInt(5), 1 + random.nextInt(60));
            CausalOrder.Result result = CausalOrder.order(Map.of(), history);
            assertThat(result.waiting()).as("seed %d", seed).isEmpty();
            assertThat(result.ordered()).as("seed %d", seed).hasSize(history.size());
            assertRespectsCausality(result.ordered(), Map.of());
            List<LogEntry> shuffled = new ArrayList<>(history);
            Collections.shuffle(shuffled, random);
            shuffled.add(shuffled.getFirst());
            assertThat(CausalOrder.order(Map.of(), shuffled).ordered()).as("seed %d, shuffled with a duplicate", seed)
                    .isEqualTo(result.ordered());
        }
    }

    @Test
    void entriesWhoseDependenciesAreMissingWaitAndTheRestIsOrdered() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(1000 + seed);
            List<LogEntry> history = history(random, 2 + random.nextInt(4), 10 + random.nextInt(50));
            LogEntry removed = history.get(random.nextInt(history.size()));
            List<LogEntry> partial = new ArrayList<>(history);
            partial.remove(removed);
            CausalOrder.Result result = CausalOrder.order(Map.of(), partial);
            assertRespectsCausality(result.ordered(), Map.of());
            // Exactly the entries that depend, directly or not, on the removed one must wait.
            Set<EntryId> dependsOnRemoved = new HashSet<>(Set.of(removed.id()));
            for (LogEntry entry : history) {
                boolean afterRemovedInItsLog = entry.seq() > 0
                        && dependsOnRemoved.contains(new EntryId(entry.writer(), entry.seq() - 1));
                boolean afterRemovedByHead = entry.heads().stream().anyMatch(dependsOnRemoved::contains);
                if (afterRemovedInItsLog || afterRemovedByHead) {
                    dependsOnRemoved.add(entry.id());
                }
            }
            dependsOnRemoved.remove(removed.id());
            assertThat(result.waiting()).extracting(LogEntry::id).as("seed %d", seed)
                    .containsExactlyInAnyOrderElementsOf(dependsOnRemoved);
            assertThat(result.ordered().size() + result.waiting().size()).isEqualTo(partial.size());
        }
    }

    @Test
    void entriesAlreadyOrderedAreSkippedAndTheRestFollowsThem() {
        Random random = new Random(42);
        List<LogEntry> history = history(random, 3, 40);
        CausalOrder.Result all = CausalOrder.order(Map.of(), history);
        List<LogEntry> firstPart = all.ordered().subList(0, 15);
        Map<Bytes32, Long> lengths = new HashMap<>();
        firstPart.forEach(entry -> lengths.put(entry.writer(), entry.seq() + 1));
        CausalOrder.Result rest = CausalOrder.order(lengths, history);
        assertRespectsCausality(rest.ordered(), lengths);
        assertThat(rest.ordered()).hasSize(25).doesNotContainAnyElementsOf(firstPart);
    }
}
