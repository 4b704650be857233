package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.intercomj.testkit.MutableClock;
import net.intercomj.testkit.TestWallet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomsTest {

    private static final long T0 = 1_795_382_579_129L;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final TestWallet wallet = new TestWallet();

    private SignedExpense signed(String channel, String txId, long ts) {
        Expense event = Expense.of(txId, "alice", 3000, List.of("alice", "bob"), "dinner", ts, wallet.publicKeyHex());
        return Signatures.sign(wallet, Channels.canonical(channel), event);
    }

    @Test
    void channelNamesAreTrimmedAndLowercasedEverywhere() {
        Rooms rooms = new Rooms(dir.resolve(Rooms.FILE_NAME), clock);
        Room room = rooms.room("  Trip-NYC ");
        assertThat(room.channel()).isEqualTo("trip-nyc");
        assertThat(rooms.room("trip-nyc")).isSameAs(room);
        assertThat(rooms.find("TRIP-nyc")).containsSame(room);
        assertThat(rooms.room("   ").channel()).isEqualTo(Channels.DEFAULT);
        assertThat(Channels.canonical(null)).isEqualTo("0000intercom");
        assertThat(rooms.channels()).containsExactly("0000intercom", "trip-nyc");
    }

    @Test
    void theFileRoundTripsEventsSignaturesAndClears() throws Exception {
        Path file = dir.resolve(Rooms.FILE_NAME);
        Rooms rooms = new Rooms(file, clock);
        SignedExpense old = signed("trip", "a:1:x", T0 - 10);
        SignedExpense kept = signed("trip", "a:2:y", T0 + 10);
        rooms.room("trip").add(old);
        rooms.room("trip").add(kept);
        rooms.room("Other").add(signed("other", "b:1:z", T0));
        rooms.room("trip").clear(Signatures.signClear(wallet, "trip", T0));
        assertThat(rooms.save()).isTrue();

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"version\":1,\"updatedAt\":" + T0 + ",\"rooms\":[").endsWith("}\n");
        assertThat(Files.exists(dir.resolve(Rooms.FILE_NAME + ".tmp"))).isFalse();

        Rooms loaded = new Rooms(file, clock);
        assertThat(loaded.load()).isEqualTo(2);
        assertThat(loaded.channels()).containsExactly("other", "trip");
        assertThat(loaded.room("trip").signedEvents()).containsExactly(kept);
        assertThat(loaded.room("trip").clear()).isEqualTo(rooms.room("trip").clear());
        assertThat(Signatures.verify(TestWallet.VERIFIER, "trip", loaded.room("trip").signedEvents().get(0))).isTrue();
        // A cleared event is refused when it comes back.
        assertThat(loaded.room("trip").add(old)).isFalse();
    }

    @Test
    void aFailedWriteLeavesThePreviousFileIntact() throws Exception {
        Path file = dir.resolve(Rooms.FILE_NAME);
        Rooms rooms = new Rooms(file, clock);
        rooms.room("trip").add(signed("trip", "a:1:x", T0));
        assertThat(rooms.save()).isTrue();
        String before = Files.readString(file);

        // A folder (not empty) where the temp file goes: the write fails.
        Path blocker = dir.resolve(Rooms.FILE_NAME + ".tmp");
        Files.createDirectories(blocker.resolve("inside"));
        rooms.room("trip").add(signed("trip", "a:2:y", T0 + 1));
        assertThat(rooms.save()).isFalse();
        assertThat(Files.readString(file)).isEqualTo(before);

        Files.delete(blocker.resolve("inside"));
        Files.delete(blocker);
        assertThat(rooms.save()).isTrue();
        Rooms loaded = new Rooms(file, clock);
        assertThat(loaded.load()).isEqualTo(2);
    }

    @Test
    void anUnreadableFileStartsEmptyAndBadEventsAreSkipped() throws Exception {
        Path file = dir.resolve(Rooms.FILE_NAME);
        Files.writeString(file, "not json");
        assertThat(new Rooms(file, clock).load()).isZero();

        String good = signed("trip", "a:1:x", T0).toJson().toJson();
        Files.writeString(file, "{\"version\":1,\"rooms\":[{\"channel\":\"Trip\",\"version\":1,\"events\":[" + good
                + ",{\"txId\":\"bad\"}]},{\"nochannel\":1}]}\n");
        Rooms rooms = new Rooms(file, clock);
        assertThat(rooms.load()).isEqualTo(1);
        assertThat(rooms.room("trip").ledger().size()).isEqualTo(1);
    }
}
