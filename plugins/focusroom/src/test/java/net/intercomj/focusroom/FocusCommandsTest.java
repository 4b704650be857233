package net.intercomj.focusroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.json.Json;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal commands of spec §1.8. */
class FocusCommandsTest {

    private static final long T0 = 1_772_113_842_441L;

    @TempDir
    Path dir;

    private final FakeSidechannels.Hub hub = new FakeSidechannels.Hub();
    private final List<String> values = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    private final CommandOutput out = new CommandOutput() {
        @Override
        public void println(String line) {
            lines.add(line);
        }

        @Override
        public void printValue(String json, String text) {
            values.add(json);
            lines.add(text);
        }
    };

    private void run(TerminalCommand command, String line) throws Exception {
        command.execute(CommandArgs.parse(line), out);
    }

    @Test
    void theCommandsRunTheActionsAndPrintRoomObjectsOrTheFailure() throws Exception {
        TestPeer host = new TestPeer(hub, new MutableClock(T0), dir.resolve("h"));
        run(new FocusStartCommand(host.app), "/focus_start --channel r --min 3 --text \"deep work\"");
        assertThat(Json.parse(values.get(0)).asObject().string("goal")).isEqualTo("deep work");
        assertThat(Json.parse(values.get(0)).asObject().integer("endsAt") - T0).isEqualTo(180_000);
        assertThat(lines.get(0)).startsWith("{\n  \"room\": \"r\",\n");
        run(new FocusStartCommand(host.app), "/focus_start --room r");
        assertThat(lines.getLast()).isEqualTo("focus_start failed: room is already active");
        run(new FocusCheckinCommand(host.app), "/focus_checkin --name r --message \"on track\"");
        assertThat(Json.parse(values.getLast()).asObject().array("checkins").size()).isEqualTo(1);
        run(new FocusExtendCommand(host.app), "/focus_extend --room r --duration 2");
        assertThat(Json.parse(values.getLast()).asObject().integer("endsAt") - T0).isEqualTo(300_000);
        run(new FocusJoinCommand(host.app), "/focus_join");
        assertThat(lines.getLast()).isEqualTo("focus_join failed: room is required");
        run(new FocusRoomsCommand(host.app), "/focus_rooms");
        assertThat(values.getLast()).isEqualTo("[{\"room\":\"r\",\"status\":\"active\",\"participants\":1,\"goal\":\"deep work\","
                + "\"endsAt\":" + (T0 + 300_000) + "}]");
        run(new FocusStatusCommand(host.app), "/focus_status --room nope");
        assertThat(values.getLast()).isEqualTo("null");
        run(new FocusStatusCommand(host.app), "/focus_status r");
        assertThat(Json.parse(values.getLast()).asObject().string("room")).isEqualTo("r");
        run(new FocusStatusCommand(host.app), "/focus_status");
        assertThat(Json.parse(values.getLast()).asArray().size()).isEqualTo(1);
        run(new FocusEndCommand(host.app), "/focus_end --room r --status \"wrapped\"");
        assertThat(Json.parse(values.getLast()).asObject().string("endedReason")).isEqualTo("manual");
        run(new FocusStreaksCommand(host.app), "/focus_streaks");
        assertThat(values.getLast()).isEqualTo("[{\"peer\":\"" + host.key() + "\",\"sessions\":1}]");
        run(new FocusHistoryCommand(host.app), "/focus_history");
        assertThat(Json.parse(values.getLast()).asArray().get(0).asObject().string("summary")).isEqualTo("wrapped");
        assertThat(new FocusStartCommand(host.app).section()).isEqualTo("FocusRoom");
    }
}
