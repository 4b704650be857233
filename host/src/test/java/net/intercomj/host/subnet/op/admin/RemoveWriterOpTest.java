package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.BOOTSTRAP;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER2;
import static net.intercomj.host.subnet.op.admin.AdminFixture.STRANGER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.hex;
import static net.intercomj.host.subnet.op.admin.AdminFixture.keys;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOp;
import static net.intercomj.host.subnet.op.admin.AdminFixture.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;

/** {@code removeWriter} (spec §2.5.5, §9 item 4). */
class RemoveWriterOpTest {

    private static final String LAST_INDEXER = "Not allowed to remove the last indexer";

    private final RemoveWriterOp op = new RemoveWriterOp();

    @Test
    void theAdminRemovesAWriterDeletingItsMembershipAndCountingDown() {
        AdminFixture fixture = AdminFixture.withAdmin().writer(JOINER).writer(JOINER2);
        ObjectNode remove = msgOp(ADMIN, "removeWriter", hex(JOINER));
        AdminFixture.Outcome outcome = fixture.apply(op, remove)
                .assertApplied("Writer removed: " + hex(JOINER))
                .assertWroteExactly(keys(remove, ADMIN, ViewKeys.writer(hex(JOINER)), Membership.WRITER_COUNT));
        assertThat(outcome.writes().get(ViewKeys.writer(hex(JOINER)))).isEqualTo(Optional.empty());
        assertThat(fixture.view.get(ViewKeys.writer(hex(JOINER)))).isEmpty();
        assertThat(fixture.view.get(ViewKeys.writer(hex(JOINER2)))).isPresent();
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("2");
        assertThat(Membership.indexers(fixture.view)).containsExactly(hex(BOOTSTRAP));
    }

    @Test
    void removingAnIndexerAlsoTakesItOffTheIndexers() {
        AdminFixture fixture = AdminFixture.withAdmin().indexer(JOINER);
        assertThat(Membership.indexers(fixture.view)).isEqualTo(sorted(List.of(hex(BOOTSTRAP), hex(JOINER))));
        ObjectNode remove = msgOp(ADMIN, "removeWriter", hex(JOINER));
        fixture.apply(op, remove)
                .assertApplied("Writer removed: " + hex(JOINER))
                .assertWroteExactly(keys(remove, ADMIN, ViewKeys.writer(hex(JOINER)), Membership.WRITER_COUNT,
                        Membership.INDEXERS));
        assertThat(Membership.indexers(fixture.view)).containsExactly(hex(BOOTSTRAP));
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("1");
    }

    @Test
    void theLastIndexerIsNotRemovedAndNothingIsThrown() {
        AdminFixture fixture = AdminFixture.withAdmin().writer(JOINER);
        fixture.apply(op, msgOp(ADMIN, "removeWriter", hex(BOOTSTRAP))).assertRejected(LAST_INDEXER);
        assertThat(fixture.view.get(ViewKeys.writer(hex(BOOTSTRAP)))).contains("{\"indexer\":true}");
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("2");
        // A plain writer may still go while the bootstrap is the only indexer.
        fixture.apply(op, msgOp(ADMIN, "removeWriter", hex(JOINER))).assertApplied("Writer removed: " + hex(JOINER));
    }

    @Test
    void withASecondIndexerTheBootstrapMayGoButThenTheOtherIsTheLast() {
        AdminFixture fixture = AdminFixture.withAdmin().indexer(JOINER);
        fixture.apply(op, msgOp(ADMIN, "removeWriter", hex(BOOTSTRAP))).assertApplied("Writer removed: " + hex(BOOTSTRAP));
        assertThat(Membership.indexers(fixture.view)).containsExactly(hex(JOINER));
        fixture.apply(op, msgOp(ADMIN, "removeWriter", hex(JOINER))).assertRejected(LAST_INDEXER);
        assertThat(Membership.indexers(fixture.view)).containsExactly(hex(JOINER));
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("1");
    }

    @Test
    void aKeyThatIsNotAWriterIsRefused() {
        AdminFixture fixture = AdminFixture.withAdmin();
        fixture.apply(op, msgOp(ADMIN, "removeWriter", hex(STRANGER))).assertRejected("not a writer: " + hex(STRANGER));
        fixture.apply(op, msgOp(ADMIN, "removeWriter", "on")).assertRejected("not a writer: on");
        // A removed writer is not a writer any more.
        fixture.writer(JOINER);
        fixture.apply(op, msgOp(ADMIN, "removeWriter", hex(JOINER))).assertApplied("Writer removed: " + hex(JOINER));
        fixture.apply(op, msgOp(ADMIN, "removeWriter", hex(JOINER))).assertRejected("not a writer: " + hex(JOINER));
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("1");
    }
}
