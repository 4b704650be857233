package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.keys;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOp;
import static net.intercomj.host.subnet.op.admin.AdminFixture.relabelled;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;

/** {@code setChatStatus}: the admin sets {@code chat_status} (spec §2.5.6, §2.5.8). */
class SetChatStatusOpTest {

    private final SetChatStatusOp op = new SetChatStatusOp();

    @Test
    void theAdminTurnsItOnAndOffWritingOnlyTheFlagAndTheMarkers() {
        AdminFixture fixture = AdminFixture.withAdmin();
        assertThat(fixture.view.get(ViewKeys.CHAT_STATUS)).isEmpty();
        ObjectNode on = msgOp(ADMIN, "setChatStatus", "on");
        fixture.apply(op, on)
                .assertApplied("Set chat_status: on")
                .assertWroteExactly(keys(on, ADMIN, ViewKeys.CHAT_STATUS));
        assertThat(fixture.view.get(ViewKeys.CHAT_STATUS)).contains("\"on\"");
        ObjectNode off = msgOp(ADMIN, "setChatStatus", "off");
        fixture.apply(op, off)
                .assertApplied("Set chat_status: off")
                .assertWroteExactly(keys(off, ADMIN, ViewKeys.CHAT_STATUS));
        assertThat(fixture.view.get(ViewKeys.CHAT_STATUS)).contains("\"off\"");
        // Setting the same value again is a new op, applied.
        fixture.apply(op, msgOp(ADMIN, "setChatStatus", "off")).assertApplied("Set chat_status: off");
    }

    @Test
    void onlyOnOrOffIsAccepted() {
        AdminFixture fixture = AdminFixture.withAdmin();
        for (String bad : List.of("ON", "Off", "yes", "true", "1", " on", "on ")) {
            fixture.apply(op, msgOp(ADMIN, "setChatStatus", bad)).assertRejected("key must be on or off");
        }
        assertThat(fixture.view.get(ViewKeys.CHAT_STATUS)).isEmpty();
    }

    @Test
    void aSetAutoAddWritersOpRelabelledSetChatStatusIsRefused() {
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode signedForOther = msgOp(ADMIN, "setAutoAddWriters", "on");
        fixture.apply(op, relabelled(signedForOther, "setChatStatus")).assertRejected("not signed by the admin");
        assertThat(fixture.view.get(ViewKeys.CHAT_STATUS)).isEmpty();
    }
}
