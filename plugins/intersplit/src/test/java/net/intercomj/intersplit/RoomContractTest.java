package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;

import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.subnet.TxResult;
import org.junit.jupiter.api.Test;

/** The contract's commands and rules, run as the host runs a paid transaction ({@link ContractSubnet}). */
class RoomContractTest {

    private static final String ALICE = "a1".repeat(32);
    private static final String MALLORY = "0e".repeat(32);

    private final RoomContract contract = new RoomContract();
    private final ContractSubnet.State state = new ContractSubnet.State();
    private final ContractSubnet alice = new ContractSubnet(contract, state, ALICE);
    private final ContractSubnet mallory = new ContractSubnet(contract, state, MALLORY);

    private static String snapshot(String channel, String... authors) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < authors.length; i++) {
            events.append(i == 0 ? "" : ",").append("{\"txId\":\"t").append(i).append("\",\"by\":\"").append(authors[i])
                    .append("\"}");
        }
        return "{\"channel\":\"" + channel + "\",\"version\":1,\"events\":[" + events + "],\"clear\":null}";
    }

    private static String upsert(String channel, String snapshot) {
        return "{\"op\":\"expense_upsert_room\",\"channel\":\"" + channel + "\",\"snapshot\":" + snapshot + "}";
    }

    /** The contract's refusal of {@code command}, simulated as {@code subnet}'s peer. */
    private static String refusal(ContractSubnet subnet, String command) throws Exception {
        TxResult result = subnet.tx(command, true);
        assertThat(result).isInstanceOf(TxResult.Simulated.class);
        return ((TxResult.Simulated) result).error().orElseThrow(() -> new AssertionError("not refused: " + command));
    }

    @Test
    void theOriginalsCommandsMapToTheirFunctions() {
        String text = upsert("trip", snapshot("trip", ALICE));
        assertThat(contract.mapTxCommand(" " + text + " ")).contains(new TxCommand("expenseUpsertRoom", Json.parse(text)));
        assertThat(contract.mapTxCommand("{\"op\":\"expense_delete_room\",\"channel\":\"trip\"}"))
                .map(TxCommand::type).contains("expenseDeleteRoom");
        assertThat(contract.mapTxCommand("{\"op\":\"expense_read_room\",\"channel\":\"trip\"}")).isEmpty();
        assertThat(contract.mapTxCommand("tally 5")).isEmpty();
        assertThat(contract.mapTxCommand("[1]")).isEmpty();
        assertThat(contract.mapTxCommand("{\"op\":5}")).isEmpty();
    }

    @Test
    void theSchemasAreStrict() {
        assertThat(RoomContract.UPSERT_SCHEMA.object("value").bool("$$strict")).isTrue();
        assertThat(RoomContract.DELETE_SCHEMA.object("value").has("snapshot")).isFalse();
    }

    @Test
    void anUpsertStoresTheSnapshotUnderTheCanonicalChannel() throws Exception {
        assertThat(alice.tx(upsert(" Trip-NYC ", snapshot("TRIP-nyc", ALICE)), false)).isInstanceOf(TxResult.Broadcast.class);
        JsonObject stored = (JsonObject) state.unconfirmed.get("expense/room/trip-nyc");
        assertThat(stored.string("channel")).isEqualTo("trip-nyc");
        assertThat(stored.string("updatedBy")).isEqualTo(ALICE);
        assertThat(stored.string("updatedTx")).matches("[0-9a-f]{64}");
        assertThat(stored.object("snapshot")).isEqualTo(Json.parse(snapshot("TRIP-nyc", ALICE)));
    }

    @Test
    void badInputIsRefusedWithItsReason() throws Exception {
        assertThat(refusal(alice, upsert("   ", snapshot("x", ALICE)))).isEqualTo("Channel is required.");
        assertThat(refusal(alice, upsert("trip", "[1,2]"))).isEqualTo("Invalid snapshot payload.");
        assertThat(refusal(alice, upsert("trip", snapshot("other", ALICE))))
                .isEqualTo("The snapshot is of room \"other\", not \"trip\".");
        // Paid anyway (a peer records the failure), it writes nothing.
        assertThat(alice.tx(upsert("trip", "[1,2]"), false)).isInstanceOf(TxResult.Broadcast.class);
        assertThat(state.failures).containsExactly("Invalid snapshot payload.");
        assertThat(state.unconfirmed).isEmpty();
    }

    @Test
    void aNonMemberCanNeitherOverwriteNorDeleteARoom() throws Exception {
        alice.tx(upsert("trip", snapshot("trip", ALICE)), false);
        String expected = "Only members of room \"trip\" may overwrite its snapshot: " + MALLORY + " authored nothing in it.";
        assertThat(refusal(mallory, upsert("trip", snapshot("trip", MALLORY)))).isEqualTo(expected);
        assertThat(refusal(mallory, "{\"op\":\"expense_delete_room\",\"channel\":\"trip\"}")).isEqualTo(expected);
        mallory.tx(upsert("trip", snapshot("trip", MALLORY)), false);
        assertThat(((JsonObject) state.unconfirmed.get("expense/room/trip")).string("updatedBy")).isEqualTo(ALICE);
        // The original let any writer do both (spec §2.12 W7).
    }

    @Test
    void aMemberDeletesAndThenTheRoomIsOpenAgain() throws Exception {
        alice.tx(upsert("trip", snapshot("trip", ALICE)), false);
        alice.tx("{\"op\":\"expense_delete_room\",\"channel\":\"trip\"}", false);
        JsonObject deleted = (JsonObject) state.unconfirmed.get("expense/room/trip");
        assertThat(deleted.bool("deleted")).isTrue();
        assertThat(deleted.get("snapshot")).contains(Json.NULL);
        assertThat(deleted.string("deletedBy")).isEqualTo(ALICE);
        mallory.tx(upsert("trip", snapshot("trip", MALLORY)), false);
        assertThat(((JsonObject) state.unconfirmed.get("expense/room/trip")).string("updatedBy")).isEqualTo(MALLORY);
    }

    @Test
    void whoStoredTheSnapshotIsAMemberToo() throws Exception {
        // Mallory stores a snapshot of alice's events: mallory authored none, yet stored it.
        mallory.tx(upsert("trip", snapshot("trip", ALICE)), false);
        mallory.tx(upsert("trip", snapshot("trip", ALICE, ALICE)), false);
        alice.tx(upsert("trip", snapshot("trip", ALICE)), false);
        assertThat(((JsonObject) state.unconfirmed.get("expense/room/trip")).string("updatedBy")).isEqualTo(ALICE);
    }
}
