package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.BOOTSTRAP;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER2;
import static net.intercomj.host.subnet.op.admin.AdminFixture.hex;
import static net.intercomj.host.subnet.op.admin.AdminFixture.indexersJson;
import static net.intercomj.host.subnet.op.admin.AdminFixture.keys;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOp;
import static net.intercomj.host.subnet.op.admin.AdminFixture.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;

/** {@code addIndexer} (spec §2.5.4). */
class AddIndexerOpTest {

    private final AddIndexerOp op = new AddIndexerOp();

    @Test
    void anExistingWriterIsPromotedAndListedAmongTheIndexers() {
        AdminFixture fixture = AdminFixture.withAdmin().writer(JOINER);
        ObjectNode promote = msgOp(ADMIN, "addIndexer", hex(JOINER));
        fixture.apply(op, promote)
                .assertApplied("Indexer added: " + hex(JOINER))
                .assertWroteExactly(keys(promote, ADMIN, ViewKeys.writer(hex(JOINER)), Membership.INDEXERS));
        assertThat(fixture.view.get(ViewKeys.writer(hex(JOINER)))).contains("{\"indexer\":true}");
        // Promoted, not counted twice.
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("2");
        List<String> indexers = sorted(List.of(hex(BOOTSTRAP), hex(JOINER)));
        assertThat(Membership.indexers(fixture.view)).isEqualTo(indexers);
        assertThat(fixture.view.get(Membership.INDEXERS)).contains(indexersJson(indexers));
    }

    @Test
    void aKeyThatIsNotYetAWriterBecomesAWriterAndAnIndexer() {
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode add = msgOp(ADMIN, "addIndexer", hex(JOINER));
        fixture.apply(op, add)
                .assertApplied("Indexer added: " + hex(JOINER))
                .assertWroteExactly(keys(add, ADMIN, ViewKeys.writer(hex(JOINER)), Membership.WRITER_COUNT,
                        Membership.INDEXERS));
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("2");
        fixture.apply(op, msgOp(ADMIN, "addIndexer", hex(JOINER2))).assertApplied("Indexer added: " + hex(JOINER2));
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("3");
        assertThat(Membership.indexers(fixture.view)).isEqualTo(sorted(List.of(hex(BOOTSTRAP), hex(JOINER), hex(JOINER2))));
    }

    @Test
    void anIndexerIsNotAddedAgain() {
        AdminFixture fixture = AdminFixture.withAdmin();
        fixture.apply(op, msgOp(ADMIN, "addIndexer", hex(BOOTSTRAP))).assertRejected("already an indexer: " + hex(BOOTSTRAP));
        assertThat(Membership.indexers(fixture.view)).containsExactly(hex(BOOTSTRAP));
    }

    @Test
    void theKeyMustBeAWholeLowercaseWriterKey() {
        AdminFixture fixture = AdminFixture.withAdmin().writer(JOINER);
        for (String bad : List.of("on", hex(JOINER).toUpperCase(Locale.ROOT), hex(JOINER) + "00")) {
            fixture.apply(op, msgOp(ADMIN, "addIndexer", bad))
                    .assertRejected("key must be a writer key of 64 lowercase hex characters");
        }
        assertThat(Membership.indexers(fixture.view)).containsExactly(hex(BOOTSTRAP));
    }
}
