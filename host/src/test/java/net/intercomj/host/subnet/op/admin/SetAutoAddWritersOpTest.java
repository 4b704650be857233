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

/** {@code setAutoAddWriters}: the admin sets {@code auto_add_writers} (spec §2.5.6, §2.5.8). */
class SetAutoAddWritersOpTest {

    private final SetAutoAddWritersOp op = new SetAutoAddWritersOp();

    @Test
    void theAdminTurnsItOnAndOffWritingOnlyTheFlagAndTheMarkers() {
        AdminFixture fixture = AdminFixture.withAdmin();
        assertThat(fixture.view.get(ViewKeys.AUTO_ADD_WRITERS)).isEmpty();
        ObjectNode on = msgOp(ADMIN, "setAutoAddWriters", "on");
        fixture.apply(op, on)
                .assertApplied("Set auto_add_writers: on")
                .assertWroteExactly(keys(on, ADMIN, ViewKeys.AUTO_ADD_WRITERS));
        assertThat(fixture.view.get(ViewKeys.AUTO_ADD_WRITERS)).contains("\"on\"");
        ObjectNode off = msgOp(ADMIN, "setAutoAddWriters", "off");
        fixture.apply(op, off)
                .assertApplied("Set auto_add_writers: off")
                .assertWroteExactly(keys(off, ADMIN, ViewKeys.AUTO_ADD_WRITERS));
        assertThat(fixture.view.get(ViewKeys.AUTO_ADD_WRITERS)).contains("\"off\"");
        // Setting the same value again is a new op, applied.
        fixture.apply(op, msgOp(ADMIN, "setAutoAddWriters", "off")).assertApplied("Set auto_add_writers: off");
    }

    @Test
    void onlyOnOrOffIsAccepted() {
        AdminFixture fixture = AdminFixture.withAdmin();
        for (String bad : List.of("ON", "Off", "yes", "true", "1", " on", "on ")) {
            fixture.apply(op, msgOp(ADMIN, "setAutoAddWriters", bad)).assertRejected("key must be on or off");
        }
        assertThat(fixture.view.get(ViewKeys.AUTO_ADD_WRITERS)).isEmpty();
    }

    @Test
    void aSetChatStatusOpRelabelledSetAutoAddWritersIsRefused() {
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode signedForOther = msgOp(ADMIN, "setChatStatus", "on");
        fixture.apply(op, relabelled(signedForOther, "setAutoAddWriters")).assertRejected("not signed by the admin");
        assertThat(fixture.view.get(ViewKeys.AUTO_ADD_WRITERS)).isEmpty();
    }
}
