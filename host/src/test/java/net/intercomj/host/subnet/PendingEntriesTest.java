package net.intercomj.host.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pending entries the unconfirmed view is built from: the same whether they were handed in or are read from the store. */
class PendingEntriesTest {

    private static final Bytes32 SUBNET = Bytes32.fromHex("6a".repeat(32));

    @TempDir
    Path folder;

    private static List<LogEntry> log(int seedByte, int count) {
        byte[] seed = new byte[32];
        seed[3] = (byte) seedByte;
        Bytes32 writer = Bytes32.of(Ed25519Keys.publicKey(seed));
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(LogEntry.append(SUBNET, writer, entries.isEmpty() ? null : entries.getLast(), List.of(), i,
                    "{\"n\":" + i + "}", message -> Ed25519Keys.sign(seed, message)));
        }
        return entries;
    }

    private static List<EntryId> ids(List<LogEntry> entries) {
        return entries.stream().map(LogEntry::id).toList();
    }

    @Test
    void whatIsHandedInAndWhatIsReadFromTheStoreAgree() throws Exception {
        List<LogEntry> a = log(1, 10);
        List<LogEntry> b = log(2, 6);
        try (WriterLogStore logs = WriterLogStore.open(folder, SUBNET)) {
            for (LogEntry entry : a) {
                logs.append(entry);
            }
            PendingEntries pending = new PendingEntries(logs, 4);
            // Nothing handed in yet: read from the store, at most 4 past the confirmed ones.
            assertThat(ids(pending.after(Map.of(a.get(0).writer(), 3L)))).isEqualTo(ids(a.subList(3, 7)));
            // b's entries handed in as stored, some of them out of order.
            for (LogEntry entry : b) {
                logs.append(entry);
            }
            pending.stored(b.get(2));
            pending.stored(b.get(0));
            pending.stored(b.get(1));
            List<LogEntry> both = pending.after(Map.of(a.get(0).writer(), 8L, b.get(0).writer(), 1L));
            List<EntryId> expected = new ArrayList<>(ids(a.subList(8, 10)));
            expected.addAll(ids(b.subList(1, 5)));
            assertThat(ids(both)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(both.stream().filter(entry -> entry.writer().equals(b.get(0).writer())).map(LogEntry::seq))
                    .containsExactly(1L, 2L, 3L, 4L);
            // Everything confirmed: nothing pending.
            assertThat(pending.after(Map.of(a.get(0).writer(), 10L, b.get(0).writer(), 6L))).isEmpty();
        }
    }
}
