package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.BOOTSTRAP;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER2;
import static net.intercomj.host.subnet.op.admin.AdminFixture.hex;
import static net.intercomj.host.subnet.op.admin.AdminFixture.keys;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;

/** {@code addWriter} (spec §2.5.3). */
class AddWriterOpTest {

    private final AddWriterOp op = new AddWriterOp();

    @Test
    void theAdminAddsAWriterWritingItsMembershipTheCountAndTheMarkers() {
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode add = msgOp(ADMIN, "addWriter", hex(JOINER));
        fixture.apply(op, add)
                .assertApplied("Writer added: " + hex(JOINER))
                .assertWroteExactly(keys(add, ADMIN, ViewKeys.writer(hex(JOINER)), Membership.WRITER_COUNT));
        assertThat(fixture.view.get(ViewKeys.writer(hex(JOINER)))).contains("{\"indexer\":false}");
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("2");
        assertThat(Membership.indexers(fixture.view)).containsExactly(hex(BOOTSTRAP));

        ObjectNode second = msgOp(ADMIN, "addWriter", hex(JOINER2));
        fixture.apply(op, second)
                .assertApplied("Writer added: " + hex(JOINER2))
                .assertWroteExactly(keys(second, ADMIN, ViewKeys.writer(hex(JOINER2)), Membership.WRITER_COUNT));
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("3");
    }

    @Test
    void anExistingWriterOrIndexerIsNotAddedAgain() {
        AdminFixture fixture = AdminFixture.withAdmin().writer(JOINER);
        fixture.apply(op, msgOp(ADMIN, "addWriter", hex(JOINER))).assertRejected("already a writer: " + hex(JOINER));
        // An indexer is not demoted to a plain writer.
        fixture.apply(op, msgOp(ADMIN, "addWriter", hex(BOOTSTRAP))).assertRejected("already a writer: " + hex(BOOTSTRAP));
        assertThat(fixture.view.get(ViewKeys.writer(hex(BOOTSTRAP)))).contains("{\"indexer\":true}");
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("2");
    }

    @Test
    void theKeyMustBeAWholeLowercaseWriterKey() {
        AdminFixture fixture = AdminFixture.withAdmin();
        String key = hex(JOINER);
        for (String bad : List.of("on", "ab", key.toUpperCase(Locale.ROOT), key + "00", key.substring(2))) {
            fixture.apply(op, msgOp(ADMIN, "addWriter", bad))
                    .assertRejected("key must be a writer key of 64 lowercase hex characters");
        }
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("1");
    }
}
