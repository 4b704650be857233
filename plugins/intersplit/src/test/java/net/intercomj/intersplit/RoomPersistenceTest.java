package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonObject;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persist and restore through a subnet that runs {@link RoomContract} ({@link ContractSubnet}):
 * two peers of one room, A and B, and a third, C, that starts with nothing.
 */
class RoomPersistenceTest {

    private static final long T0 = 1_795_382_579_129L;

    @TempDir
    Path dir;

    private final FakeSidechannels.Hub hub = new FakeSidechannels.Hub();
    private final MutableClock clock = new MutableClock(T0);
    private final ContractSubnet.State state = new ContractSubnet.State();
    private TestPeer a;
    private TestPeer b;
    private ContractSubnet subnetA;
    private ContractSubnet subnetB;
    private RoomPersistence persistA;
    private RoomPersistence persistB;

    @BeforeEach
    void peers() {
        a = new TestPeer(hub, clock, dir.resolve("a"));
        b = new TestPeer(hub, clock, dir.resolve("b"));
        for (TestPeer peer : List.of(a, b)) {
            peer.sidechannels.join("trip-nyc", Optional.empty(), Optional.empty());
            peer.app.start();
        }
        hub.pump();
        subnetA = new ContractSubnet(new RoomContract(), state, a.key());
        subnetB = new ContractSubnet(new RoomContract(), state, b.key());
        persistA = new RoomPersistence(a.app, subnetA);
        persistB = new RoomPersistence(b.app, subnetB);
    }

    private void demo() {
        a.app.add("trip-nyc", "alice", "30", List.of("alice", "bob"), "dinner");
        clock.advance(1000);
        a.app.add("trip-nyc", "bob", "10", List.of("alice", "bob"), "snacks");
        hub.pump();
    }

    private TestPeer fresh(String name) {
        TestPeer peer = new TestPeer(new FakeSidechannels.Hub(), clock, dir.resolve(name));
        peer.app.start();
        return peer;
    }

    private JsonObject stored(String channel) {
        return (JsonObject) state.unconfirmed.get(RoomContract.key(channel));
    }

    @Test
    void aPersistedRoomIsRestoredByAPeerThatHadNothing() {
        demo();
        RoomPersistence.Persisted persisted = persistA.persist("Trip-NYC", false);
        assertThat(persisted.channel()).isEqualTo("trip-nyc");
        assertThat(persisted.tx()).hasValueSatisfying(tx -> assertThat(tx).matches("[0-9a-f]{64}"));
        assertThat(persisted.events()).isEqualTo(2);
        // Mixed case persists the room, not an empty snapshot (W1, W7).
        assertThat(stored("trip-nyc").object("snapshot").array("events")).hasSize(2);
        assertThat(stored("trip-nyc").string("updatedBy")).isEqualTo(a.key());
        state.confirm();

        TestPeer c = fresh("c");
        RoomPersistence.Restored restored = new RoomPersistence(c.app, new ContractSubnet(new RoomContract(), state,
                c.key())).restore("TRIP-NYC", true, false);
        assertThat(restored.source()).isEqualTo(RoomPersistence.Source.CONTRACT);
        assertThat(restored.imported()).isEqualTo(new ExpenseSplit.Imported("trip-nyc", 2, 2, 0));
        assertThat(c.app.summary("trip-nyc")).isEqualTo(a.app.summary("trip-nyc"));
        assertThat(c.reloaded().room("trip-nyc").signedEvents()).hasSize(2);
    }

    @Test
    void theConfirmedViewDoesNotSeeAnUnconfirmedSnapshot() {
        demo();
        persistA.persist("trip-nyc", false);
        TestPeer c = fresh("c");
        RoomPersistence restoring = new RoomPersistence(c.app, new ContractSubnet(new RoomContract(), state, c.key()));
        assertThatThrownBy(() -> restoring.restore("trip-nyc", true, false)).hasMessage("No persisted snapshot found.");
        assertThat(restoring.restore("trip-nyc", false, false).imported().added()).isEqualTo(2);
    }

    @Test
    void aSimulationPaysAndStoresNothing() {
        demo();
        RoomPersistence.Persisted persisted = persistA.persist("trip-nyc", true);
        assertThat(persisted.simulated()).isTrue();
        assertThat(persisted.tx()).isEmpty();
        assertThat(state.unconfirmed).isEmpty();
    }

    @Test
    void aRefusedTransactionIsReportedAndStoresNothing() {
        demo();
        subnetA.refusal = "Invalid MSB tx: Insufficient balance for transfer + fee";
        assertThatThrownBy(() -> persistA.persist("trip-nyc", false))
                .hasMessage("Persist failed: Invalid MSB tx: Insufficient balance for transfer + fee");
        assertThat(state.unconfirmed).isEmpty();
    }

    @Test
    void anEmptyRoomIsNeverPersisted() {
        assertThatThrownBy(() -> persistA.persist("nobody-here", false))
                .hasMessage("Persist failed: room \"nobody-here\" holds no expenses and no clear.");
        assertThat(state.commands).isEmpty();
    }

    @Test
    void onlyMembersOfTheStoredRoomMayOverwriteIt() {
        a.app.add("trip-nyc", "alice", "30", List.of("alice", "bob"), "dinner");
        hub.pump();
        persistA.persist("trip-nyc", false);
        // B authored nothing in the stored snapshot: its copy (with its own new expense) is refused.
        clock.advance(1000);
        b.app.add("trip-nyc", "bob", "10", List.of("alice", "bob"), "snacks");
        hub.pump();
        int paid = state.txs;
        assertThatThrownBy(() -> persistB.persist("trip-nyc", false)).hasMessageStartingWith(
                "Persist failed: Only members of room \"trip-nyc\" may overwrite its snapshot: " + b.key());
        // The simulation caught it: nothing was paid.
        assertThat(state.txs).isEqualTo(paid);
        assertThat(stored("trip-nyc").string("updatedBy")).isEqualTo(a.key());
        // Once A stored a snapshot holding B's expense, B is a member.
        persistA.persist("trip-nyc", false);
        persistB.persist("trip-nyc", false);
        assertThat(stored("trip-nyc").string("updatedBy")).isEqualTo(b.key());
        assertThat(stored("trip-nyc").object("snapshot").array("events")).hasSize(2);
    }

    @Test
    void aForgedEventInTheStoredSnapshotIsNotRestored() {
        demo();
        persistA.persist("trip-nyc", false);
        JsonObject value = stored("trip-nyc");
        JsonObject snapshot = value.object("snapshot");
        JsonArray events = snapshot.array("events");
        JsonObject first = (JsonObject) events.get(0);
        JsonObject inflated = first.with("amountCents", Json.of(999_999));
        state.unconfirmed.put(RoomContract.key("trip-nyc"), value.with("snapshot",
                snapshot.with("events", Json.array(inflated, events.get(1)))));
        state.confirm();

        TestPeer c = fresh("c");
        RoomPersistence.Restored restored = new RoomPersistence(c.app, new ContractSubnet(new RoomContract(), state,
                c.key())).restore("trip-nyc", true, false);
        assertThat(restored.imported()).isEqualTo(new ExpenseSplit.Imported("trip-nyc", 1, 1, 1));
        assertThat(c.app.list("trip-nyc")).extracting(Expense::amountCents).containsExactly(1000L);
    }

    @Test
    void restoreMergesByDefaultAndReplacesWhenAsked() {
        a.app.add("trip-nyc", "alice", "30", List.of("alice", "bob"), "dinner");
        hub.pump();
        persistA.persist("trip-nyc", false);
        state.confirm();
        clock.advance(1000);
        a.app.add("trip-nyc", "bob", "10", List.of("alice", "bob"), "snacks");

        assertThat(persistA.restore("trip-nyc", true, false).imported()).isEqualTo(
                new ExpenseSplit.Imported("trip-nyc", 0, 2, 0));
        assertThat(a.app.list("trip-nyc")).hasSize(2);

        assertThat(persistA.restore("trip-nyc", true, true).imported()).isEqualTo(
                new ExpenseSplit.Imported("trip-nyc", 1, 1, 0));
        assertThat(a.app.list("trip-nyc")).extracting(Expense::note).containsExactly("dinner");
        assertThat(a.reloaded().room("trip-nyc").signedEvents()).hasSize(1);
    }

    @Test
    void withoutAStoredSnapshotTheLocalFileIsRead() {
        demo();
        // The file holds the room; this peer's memory does not (another run of the same store
        // wrote it). The original re-imported memory and found nothing (W5).
        TestPeer c = new TestPeer(new FakeSidechannels.Hub(), clock, dir.resolve("a-copy"));
        Rooms copy = new Rooms(dir.resolve("a-copy").resolve(Rooms.FILE_NAME), clock);
        copy.room("trip-nyc");
        a.rooms.find("trip-nyc").orElseThrow().signedEvents().forEach(copy.room("trip-nyc")::add);
        copy.save();
        assertThat(c.app.list("trip-nyc")).isEmpty();

        RoomPersistence.Restored restored = new RoomPersistence(c.app, new ContractSubnet(new RoomContract(), state,
                c.key())).restore("trip-nyc", true, false);
        assertThat(restored.source()).isEqualTo(RoomPersistence.Source.LOCAL);
        assertThat(restored.imported().added()).isEqualTo(2);
        assertThat(c.app.summary("trip-nyc")).isEqualTo(a.app.summary("trip-nyc"));
    }

    @Test
    void aDeletedSnapshotFallsBackToTheLocalFile() throws Exception {
        demo();
        persistA.persist("trip-nyc", false);
        subnetA.tx("{\"op\":\"expense_delete_room\",\"channel\":\"trip-nyc\"}", false);
        assertThat(stored("trip-nyc").bool("deleted")).isTrue();
        RoomPersistence.Restored restored = persistA.restore("trip-nyc", false, false);
        assertThat(restored.source()).isEqualTo(RoomPersistence.Source.LOCAL);
        assertThat(restored.imported().total()).isEqualTo(2);
    }

    @Test
    void aSnapshotOfAnotherRoomIsRefusedAndChangesNothing() {
        demo();
        state.unconfirmed.put(RoomContract.key("trip-nyc"), Json.object().put("channel", "trip-nyc")
                .put("snapshot", Json.object().put("channel", "elsewhere").put("version", 1)
                        .put("events", Json.array()).build())
                .put("version", 1).build());
        assertThatThrownBy(() -> persistA.restore("trip-nyc", false, true)).hasMessage("Invalid snapshot.");
        assertThat(a.app.list("trip-nyc")).hasSize(2);
    }

    @Test
    void aPeerThatCannotAppendIsToldSo() {
        subnetA.writable = false;
        assertThat(persistA.writable()).isFalse();
    }
}
