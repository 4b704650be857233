package net.intercomj.host.subnet.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writer logs on disk: only entries that continue their log are stored, once, and they survive a restart. */
class WriterLogStoreTest {

    private static final Bytes32 SUBNET = Bytes32.fromHex("7a".repeat(32));

    @TempDir
    Path folder;

    /** A writer that appends entries for the test. */
    private record Writer(byte[] seed, Bytes32 key) {
        static Writer number(int n) {
            byte[] seed = new byte[32];
            seed[31] = (byte) n;
            return new Writer(seed, Bytes32.of(Ed25519Keys.publicKey(seed)));
        }

        List<LogEntry> log(int count) {
            List<LogEntry> log = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                log.add(LogEntry.append(SUBNET, key, log.isEmpty() ? null : log.getLast(), List.of(), i,
                        "{\"type\":\"msg\",\"n\":" + i + "}", message -> Ed25519Keys.sign(seed, message)));
            }
            return log;
        }
    }

    @Test
    void logsAreStoredInOrderAndSurviveARestart() throws Exception {
        Writer a = Writer.number(1);
        Writer b = Writer.number(2);
        List<LogEntry> logA = a.log(50);
        List<LogEntry> logB = b.log(3);
        try (WriterLogStore store = WriterLogStore.open(folder, SUBNET)) {
            for (LogEntry entry : logA) {
                assertThat(store.append(entry)).isEqualTo(WriterLogStore.Appended.STORED);
            }
            for (LogEntry entry : logB) {
                store.append(entry);
            }
        }
        try (WriterLogStore store = WriterLogStore.open(folder, SUBNET)) {
            assertThat(store.lengths()).isEqualTo(Map.of(a.key(), 50L, b.key(), 3L));
            assertThat(store.get(a.key(), 49)).contains(logA.get(49));
            assertThat(store.get(a.key(), 50)).isEmpty();
            assertThat(store.range(a.key(), 10, 5)).containsExactlyElementsOf(logA.subList(10, 15));
            assertThat(store.range(a.key(), 48, 100)).containsExactlyElementsOf(logA.subList(48, 50));
            assertThat(store.range(b.key(), 0, 100)).containsExactlyElementsOf(logB);
        }
    }

    @Test
    void anEntryOfferedTwiceIsStoredOnce() throws Exception {
        List<LogEntry> log = Writer.number(1).log(2);
        try (WriterLogStore store = WriterLogStore.open(folder, SUBNET)) {
            store.append(log.get(0));
            store.append(log.get(1));
            assertThat(store.append(log.get(0))).isEqualTo(WriterLogStore.Appended.DUPLICATE);
            assertThat(store.length(log.get(0).writer())).isEqualTo(2);
        }
    }

    @Test
    void gapsForksForgeriesAndOtherSubnetsAreRefusedAndNothingIsStored() throws Exception {
        Writer writer = Writer.number(1);
        List<LogEntry> log = writer.log(3);
        // The same writer signing a different second entry: a fork.
        LogEntry fork = LogEntry.append(SUBNET, writer.key(), log.get(0), List.of(), 99, "{\"type\":\"fork\"}",
                message -> Ed25519Keys.sign(writer.seed(), message));
        Writer stranger = Writer.number(9);
        LogEntry forged = LogEntry.append(SUBNET, writer.key(), null, List.of(), 0, "{}",
                message -> Ed25519Keys.sign(stranger.seed(), message));
        LogEntry otherSubnet = LogEntry.append(Bytes32.fromHex("7b".repeat(32)), writer.key(), null, List.of(), 0, "{}",
                message -> Ed25519Keys.sign(writer.seed(), message));
        try (WriterLogStore store = WriterLogStore.open(folder, SUBNET)) {
            assertThatThrownBy(() -> store.append(log.get(1))).hasMessageContaining("expects seq 0");
            assertThatThrownBy(() -> store.append(forged)).hasMessageContaining("not signed by its writer");
            assertThatThrownBy(() -> store.append(otherSubnet)).hasMessageContaining("for this subnet");
            assertThat(store.length(writer.key())).isZero();
            store.append(log.get(0));
            store.append(log.get(1));
            assertThatThrownBy(() -> store.append(fork)).hasMessageContaining("forked its log");
            assertThatThrownBy(() -> store.append(log.get(2).withSignature(new byte[64])))
                    .hasMessageContaining("not signed");
            assertThat(store.length(writer.key())).isEqualTo(2);
            assertThat(store.get(writer.key(), 1)).contains(log.get(1));
        }
    }
}
