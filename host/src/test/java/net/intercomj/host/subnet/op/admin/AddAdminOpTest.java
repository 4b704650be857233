package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN2;
import static net.intercomj.host.subnet.op.admin.AdminFixture.BOOTSTRAP;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.STRANGER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.addAdmin;
import static net.intercomj.host.subnet.op.admin.AdminFixture.hex;
import static net.intercomj.host.subnet.op.admin.AdminFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;

/** {@code addAdmin} (spec §2.5.1, §9 item 10). */
class AddAdminOpTest {

    private static final String BAD_KEY = "key must be a public key of 64 lowercase hex characters";
    private static final String NOT_BOOTSTRAP = "only the subnet bootstrap writer may set the initial admin";
    private static final String ALREADY_SET = "the admin is already set";

    private final AddAdminOp op = new AddAdminOp();

    @Test
    void theBootstrapWriterSetsTheFirstAdminWritingOnlyAdmin() {
        AdminFixture fixture = new AdminFixture();
        fixture.apply(op, addAdmin(hex(ADMIN)))
                .assertApplied("Admin added: " + hex(ADMIN))
                .assertWroteExactly(List.of(ViewKeys.ADMIN));
        assertThat(fixture.view.get(ViewKeys.ADMIN)).contains("\"" + hex(ADMIN) + "\"");
    }

    @Test
    void itNeedsNoSignatureAndLeavesNoReplayMarker() {
        AdminFixture fixture = new AdminFixture();
        // An unsigned op, with stray hash and nonce fields, is still taken from the bootstrap's log.
        AdminFixture.Outcome outcome = fixture.apply(op,
                addAdmin(hex(ADMIN)).put("hash", "00".repeat(64)).put("nonce", "n"));
        outcome.assertApplied("Admin added: " + hex(ADMIN)).assertWroteExactly(List.of(ViewKeys.ADMIN));
    }

    @Test
    void aWriterOtherThanTheBootstrapIsRefused() {
        AdminFixture fixture = new AdminFixture().writer(JOINER);
        fixture.apply(op, addAdmin(hex(ADMIN)), JOINER).assertRejected(NOT_BOOTSTRAP);
        // Nor may it name itself, nor may a key that is not even a writer.
        fixture.apply(op, addAdmin(hex(JOINER)), JOINER).assertRejected(NOT_BOOTSTRAP);
        fixture.apply(op, addAdmin(hex(STRANGER)), STRANGER).assertRejected(NOT_BOOTSTRAP);
        assertThat(fixture.view.get(ViewKeys.ADMIN)).isEmpty();
    }

    @Test
    void theAdminIsSetOnlyOnce() {
        AdminFixture fixture = new AdminFixture();
        fixture.apply(op, addAdmin(hex(ADMIN))).assertApplied("Admin added: " + hex(ADMIN));
        fixture.apply(op, addAdmin(hex(ADMIN2))).assertRejected(ALREADY_SET);
        fixture.apply(op, addAdmin(hex(ADMIN))).assertRejected(ALREADY_SET);
        assertThat(fixture.view.get(ViewKeys.ADMIN)).contains("\"" + hex(ADMIN) + "\"");
    }

    @Test
    void aWaivedAdminCountsAsSet() {
        AdminFixture fixture = new AdminFixture().waivedAdmin();
        fixture.apply(op, addAdmin(hex(ADMIN))).assertRejected(ALREADY_SET);
        assertThat(fixture.view.get(ViewKeys.ADMIN)).contains("null");
    }

    @Test
    void onlyAWholeLowercasePublicKeyIsAccepted() {
        // The original accepted any even-length hex, even "" (spec §9 item 10).
        String key = hex(ADMIN);
        List<String> bad = List.of("", "ab", key.substring(2), key + "00", key.substring(1), key.toUpperCase(Locale.ROOT),
                key.substring(0, 63) + "A", "g" + key.substring(1), " " + key, key + " ", key + "\n", "0x" + key.substring(2));
        AdminFixture fixture = new AdminFixture();
        for (String badKey : bad) {
            fixture.apply(op, addAdmin(badKey)).assertRejected(BAD_KEY);
        }
        for (String json : List.of("{\"type\":\"addAdmin\"}", "{\"type\":\"addAdmin\",\"key\":null}",
                "{\"type\":\"addAdmin\",\"key\":12}", "{\"type\":\"addAdmin\",\"key\":[\"" + key + "\"]}",
                "{\"type\":\"addAdmin\",\"value\":{\"key\":\"" + key + "\"}}")) {
            fixture.apply(op, parse(json)).assertRejected(BAD_KEY);
        }
        assertThat(fixture.view.get(ViewKeys.ADMIN)).isEmpty();
        // Still possible afterwards with a good key.
        fixture.apply(op, addAdmin(key)).assertApplied("Admin added: " + key);
    }

    @Test
    void aBadKeyFromAnotherWriterIsRefusedWithoutThrowing() {
        new AdminFixture().writer(JOINER).apply(op, addAdmin(""), JOINER).assertRejected(BAD_KEY);
        new AdminFixture().writer(JOINER).apply(op, addAdmin(hex(BOOTSTRAP)), JOINER).assertRejected(NOT_BOOTSTRAP);
    }
}
