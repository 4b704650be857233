package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /expense_persist}, {@code /expense_restore} and their bridge types: the texts and reply shapes. */
class PersistCommandsTest {

    private static final long T0 = 1_795_382_579_129L;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final ContractSubnet.State state = new ContractSubnet.State();
    private TestPeer peer;
    private ContractSubnet subnet;
    private RoomPersistence persistence;

    @BeforeEach
    void peer() {
        peer = new TestPeer(new FakeSidechannels.Hub(), clock, dir);
        peer.app.start();
        subnet = new ContractSubnet(new RoomContract(), state, peer.key());
        persistence = new RoomPersistence(peer.app, subnet);
        peer.app.add("Trip-NYC", "alice", "30", List.of("alice", "bob"), "dinner");
    }

    private static List<String> run(TerminalCommand command, String line) throws Exception {
        List<String> out = new ArrayList<>();
        command.execute(CommandArgs.parse(line), out::add);
        return out;
    }

    private static JsonObject reply(BridgeReply reply, String type) {
        assertThat(reply).isInstanceOf(BridgeReply.Success.class);
        assertThat(((BridgeReply.Success) reply).type()).isEqualTo(type);
        return (JsonObject) Json.parse(((BridgeReply.Success) reply).fieldsJson());
    }

    private static String error(BridgeReply reply) {
        assertThat(reply).isInstanceOf(BridgeReply.Failure.class);
        return ((BridgeReply.Failure) reply).message();
    }

    @Test
    void theTerminalPersistsAndRestores() throws Exception {
        ExpensePersistCommand persist = new ExpensePersistCommand(peer.app, persistence);
        ExpenseRestoreCommand restore = new ExpenseRestoreCommand(peer.app, persistence);
        assertThat(run(persist, "/expense_persist --channel \"TRIP-NYC\" --sim 1"))
                .containsExactly("[expense:trip-nyc] persist simulated. events=1; nothing was paid.");
        assertThat(run(restore, "/expense_restore --channel trip-nyc --confirmed 0"))
                .containsExactly("[expense:trip-nyc] restored from local snapshot added=0 total=1 replace=0");
        assertThat(run(persist, "/expense_persist --channel trip-nyc"))
                .singleElement().asString().matches("\\[expense:trip-nyc] persisted\\. tx=[0-9a-f]{64}");
        assertThat(run(restore, "/expense_restore --channel trip-nyc --unconfirmed --replace 1"))
                .containsExactly("[expense:trip-nyc] restored added=1 total=1 source=view replace=1");
        state.confirm();
        assertThat(run(restore, "/expense_restore --channel trip-nyc"))
                .containsExactly("[expense:trip-nyc] restored added=0 total=1 source=signed replace=0");
        assertThat(run(restore, "/expense_restore --channel elsewhere"))
                .containsExactly("[expense:elsewhere] no persisted snapshot found.");
    }

    @Test
    void theTerminalRefusesAPeerThatCannotAppend() {
        subnet.writable = false;
        assertThatThrownBy(() -> run(new ExpensePersistCommand(peer.app, persistence), "/expense_persist --channel trip-nyc"))
                .hasMessage("Peer is not writable; cannot persist contract state.");
        assertThat(state.commands).isEmpty();
    }

    @Test
    void theBridgePersistsAndRestores() {
        ExpensePersistHandler persist = new ExpensePersistHandler(persistence);
        ExpenseRestoreHandler restore = new ExpenseRestoreHandler(persistence);
        JsonObject simulated = reply(persist.handle(new BridgeCall("expense_persist",
                "{\"type\":\"expense_persist\",\"channel\":\" Trip-NYC \",\"sim\":\"yes\"}")), "expense_persisted");
        assertThat(simulated.toJson()).isEqualTo(
                "{\"channel\":\"trip-nyc\",\"sim\":true,\"tx\":null,\"result\":{\"events\":1}}");
        JsonObject persisted = reply(persist.handle(new BridgeCall("expense_persist",
                "{\"type\":\"expense_persist\",\"channel\":\"trip-nyc\"}")), "expense_persisted");
        assertThat(persisted.bool("sim")).isFalse();
        assertThat(persisted.string("tx")).matches("[0-9a-f]{64}");

        JsonObject restored = reply(restore.handle(new BridgeCall("expense_restore",
                "{\"type\":\"expense_restore\",\"channel\":\"TRIP-NYC\",\"confirmed\":false,\"replace\":1}")),
                "expense_restored");
        assertThat(restored.toJson()).isEqualTo("{\"channel\":\"trip-nyc\",\"added\":1,\"total\":1,\"confirmed\":false,"
                + "\"replace\":true,\"source\":\"contract\",\"refused\":0}");
        // Confirmed is the default: nothing is confirmed yet, so the local file answers.
        JsonObject local = reply(restore.handle(new BridgeCall("expense_restore",
                "{\"type\":\"expense_restore\",\"channel\":\"trip-nyc\"}")), "expense_restored");
        assertThat(local.string("source")).isEqualTo("local");
        assertThat(local.bool("confirmed")).isTrue();
        assertThat(local.bool("replace")).isFalse();
    }

    @Test
    void theBridgeNamesWhatWentWrong() {
        ExpensePersistHandler persist = new ExpensePersistHandler(persistence);
        ExpenseRestoreHandler restore = new ExpenseRestoreHandler(persistence);
        assertThat(error(restore.handle(new BridgeCall("expense_restore",
                "{\"type\":\"expense_restore\",\"channel\":\"nowhere\"}")))).isEqualTo("No persisted snapshot found.");
        assertThat(error(persist.handle(new BridgeCall("expense_persist",
                "{\"type\":\"expense_persist\",\"channel\":5}")))).isEqualTo("Missing channel.");
        subnet.refusal = "No MSB validator is connected";
        assertThat(error(persist.handle(new BridgeCall("expense_persist",
                "{\"type\":\"expense_persist\",\"channel\":\"trip-nyc\"}"))))
                .isEqualTo("Persist failed: No MSB validator is connected");
        subnet.writable = false;
        assertThat(error(persist.handle(new BridgeCall("expense_persist",
                "{\"type\":\"expense_persist\",\"channel\":\"trip-nyc\"}")))).isEqualTo("Peer is not writable.");
    }
}
