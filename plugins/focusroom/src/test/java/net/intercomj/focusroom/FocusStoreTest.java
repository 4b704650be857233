package net.intercomj.focusroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart: streaks, history, sequence numbers; bad files do not stop the plugin. */
class FocusStoreTest {

    @TempDir
    Path dir;

    private static HistoryEntry entry(String session, List<String> participants) {
        return new HistoryEntry("r", session, "a".repeat(64), "goal", 1, 60_001, 30_001, "manual", "sum", participants,
                new Stats(60_000, 30_000, participants.size(), 0));
    }

    @Test
    void aFinishedSessionIsCountedOnceAndEverythingIsReadBack() {
        Path file = dir.resolve(FocusStore.FILE_NAME);
        FocusStore store = new FocusStore(file);
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        assertThat(store.finish(entry("0000000000000001", List.of(b, a)))).isTrue();
        assertThat(store.finish(entry("0000000000000001", List.of(b, a)))).isFalse();
        assertThat(store.finish(entry("0000000000000002", List.of(a)))).isTrue();
        long seq = store.nextSeq();

        FocusStore again = new FocusStore(file);
        again.load();
        assertThat(again.streaks()).containsExactly(new Streak(a, 2), new Streak(b, 1));
        assertThat(again.history()).extracting(HistoryEntry::session).containsExactly("0000000000000002", "0000000000000001");
        assertThat(again.history().get(1)).isEqualTo(entry("0000000000000001", List.of(b, a)));
        assertThat(again.counted("0000000000000001")).isTrue();
        assertThat(again.nextSeq()).as("sequence numbers keep increasing after a restart").isGreaterThan(seq);
    }

    @Test
    void tiesKeepTheOrderPeersWereFirstCounted() {
        FocusStore store = new FocusStore(dir.resolve(FocusStore.FILE_NAME));
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        String c = "c".repeat(64);
        store.finish(entry("0000000000000001", List.of(c, b)));
        store.finish(entry("0000000000000002", List.of(a)));
        assertThat(store.streaks()).extracting(Streak::peer).containsExactly(c, b, a);
    }

    @Test
    void theHistoryIsBounded() {
        FocusStore store = new FocusStore(dir.resolve(FocusStore.FILE_NAME));
        for (int i = 0; i < FocusStore.MAX_HISTORY + 5; i++) {
            store.finish(entry(String.format("%016x", i), List.of("a".repeat(64))));
        }
        assertThat(store.history()).hasSize(FocusStore.MAX_HISTORY);
        assertThat(store.streaks().get(0).sessions()).isEqualTo(FocusStore.MAX_HISTORY + 5);
    }

    @Test
    void anUnreadableFileOrEntryIsSkippedNotFatal() throws Exception {
        Path file = dir.resolve(FocusStore.FILE_NAME);
        Files.writeString(file, "{not json");
        FocusStore broken = new FocusStore(file);
        broken.load();
        assertThat(broken.streaks()).isEmpty();
        assertThat(broken.nextSeq()).isEqualTo(1);

        Files.writeString(file, "{\"version\":1,\"seqMark\":5000,\"streaks\":[{\"peer\":\"p\",\"sessions\":3},{\"peer\":7}],"
                + "\"history\":[{\"room\":\"r\"}," + entry("0000000000000009", List.of("p")).toJson().toJson() + "]}");
        FocusStore partly = new FocusStore(file);
        partly.load();
        assertThat(partly.streaks()).containsExactly(new Streak("p", 3));
        assertThat(partly.history()).hasSize(1);
        assertThat(partly.nextSeq()).isEqualTo(5001);
    }

    @Test
    void aFailedWriteLeavesThePreviousFile() throws Exception {
        Path file = dir.resolve(FocusStore.FILE_NAME);
        FocusStore store = new FocusStore(file);
        store.finish(entry("0000000000000001", List.of("a".repeat(64))));
        String before = Files.readString(file);
        // A folder where the temp file goes makes the write fail.
        Files.createDirectory(dir.resolve(FocusStore.FILE_NAME + ".tmp"));
        assertThat(store.save()).isFalse();
        assertThat(Files.readString(file)).isEqualTo(before);
    }
}
