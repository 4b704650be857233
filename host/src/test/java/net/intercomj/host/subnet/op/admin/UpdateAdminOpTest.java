package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN2;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.OTHER_SUBNET;
import static net.intercomj.host.subnet.op.admin.AdminFixture.STRANGER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.SUBNET;
import static net.intercomj.host.subnet.op.admin.AdminFixture.addAdmin;
import static net.intercomj.host.subnet.op.admin.AdminFixture.hex;
import static net.intercomj.host.subnet.op.admin.AdminFixture.keys;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOp;
import static net.intercomj.host.subnet.op.admin.AdminFixture.updateAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;

/** {@code updateAdmin} (spec §2.5.2). */
class UpdateAdminOpTest {

    private static final String NO_ADMIN = "the subnet has no admin";
    private static final String NOT_SIGNED = "not signed by the admin";
    private static final String REPLAYED = "signature or nonce already used";
    private static final String BAD_ADMIN =
            "value.dispatch.admin must be a public key of 64 lowercase hex characters, or null";

    private final UpdateAdminOp op = new UpdateAdminOp();

    @Test
    void theAdminHandsTheRoleOnWritingAdminAndTheReplayMarkers() {
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode update = updateAdmin(ADMIN, hex(ADMIN2));
        fixture.apply(op, update)
                .assertApplied("Changed admin " + hex(ADMIN) + " to " + hex(ADMIN2))
                .assertWroteExactly(keys(update, ADMIN, ViewKeys.ADMIN));
        assertThat(fixture.view.get(ViewKeys.ADMIN)).contains("\"" + hex(ADMIN2) + "\"");
        assertThat(fixture.view.get(ViewKeys.signatureUsed(update.get("hash").textValue()))).contains("\"\"");
        assertThat(fixture.view.get(ViewKeys.nonceUsed(hex(ADMIN), update.get("nonce").textValue()))).contains("\"\"");
        // The old admin's signatures no longer authorise; the new admin's do.
        fixture.apply(new SetChatStatusOp(), msgOp(ADMIN, "setChatStatus", "on")).assertRejected(NOT_SIGNED);
        fixture.apply(op, updateAdmin(ADMIN, hex(ADMIN))).assertRejected(NOT_SIGNED);
        fixture.apply(new SetChatStatusOp(), msgOp(ADMIN2, "setChatStatus", "on")).assertApplied("Set chat_status: on");
    }

    @Test
    void nullWaivesTheAdminForGood() {
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode waive = updateAdmin(ADMIN, null);
        fixture.apply(op, waive)
                .assertApplied("Changed admin " + hex(ADMIN) + " to null")
                .assertWroteExactly(keys(waive, ADMIN, ViewKeys.ADMIN));
        assertThat(fixture.view.get(ViewKeys.ADMIN)).contains("null");
        // Later admin ops are refused, whoever signs them.
        fixture.apply(new AddWriterOp(), msgOp(ADMIN, "addWriter", hex(JOINER))).assertRejected(NO_ADMIN);
        fixture.apply(new SetChatStatusOp(), msgOp(ADMIN, "setChatStatus", "on")).assertRejected(NO_ADMIN);
        fixture.apply(op, updateAdmin(ADMIN, hex(ADMIN))).assertRejected(NO_ADMIN);
        fixture.apply(op, updateAdmin(ADMIN2, hex(ADMIN2))).assertRejected(NO_ADMIN);
        // And the bootstrap cannot name a new one.
        fixture.apply(new AddAdminOp(), addAdmin(hex(ADMIN2))).assertRejected("the admin is already set");
        assertThat(fixture.view.get(ViewKeys.ADMIN)).contains("null");
    }

    @Test
    void beforeAnyAdminItIsRefused() {
        new AdminFixture().apply(op, updateAdmin(ADMIN, hex(ADMIN2))).assertRejected(NO_ADMIN);
    }

    @Test
    void onlyTheCurrentAdminsSignatureForThisSubnetAndTypeCounts() {
        AdminFixture fixture = AdminFixture.withAdmin();
        fixture.apply(op, updateAdmin(STRANGER, hex(STRANGER))).assertRejected(NOT_SIGNED);
        fixture.apply(op, updateAdmin(ADMIN2, hex(ADMIN2))).assertRejected(NOT_SIGNED);
        fixture.apply(op, updateAdmin(OTHER_SUBNET, "updateAdmin", ADMIN, hex(STRANGER))).assertRejected(NOT_SIGNED);
        fixture.apply(op, updateAdmin(SUBNET, "setMod", ADMIN, hex(STRANGER))).assertRejected(NOT_SIGNED);
        fixture.apply(op, updateAdmin(SUBNET, "enableTransactions", ADMIN, null)).assertRejected(NOT_SIGNED);
        // The signature covers the new admin: changing it after signing breaks it.
        ObjectNode tampered = updateAdmin(ADMIN, hex(ADMIN2));
        ((ObjectNode) tampered.get("value").get("dispatch")).put("admin", hex(STRANGER));
        fixture.apply(op, tampered).assertRejected(NOT_SIGNED);
        ObjectNode unsigned = updateAdmin(ADMIN, hex(ADMIN2));
        unsigned.remove("hash");
        fixture.apply(op, unsigned).assertRejected(NOT_SIGNED);
        ObjectNode noNonce = updateAdmin(ADMIN, hex(ADMIN2));
        noNonce.remove("nonce");
        fixture.apply(op, noNonce).assertRejected(NOT_SIGNED);
        assertThat(fixture.view.get(ViewKeys.ADMIN)).contains("\"" + hex(ADMIN) + "\"");
    }

    @Test
    void theDispatchMustBeAnUpdateAdminWithAWholeKeyOrNull() {
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode wrongType = updateAdmin(ADMIN, hex(ADMIN2));
        ((ObjectNode) wrongType.get("value").get("dispatch")).put("type", "setMod");
        fixture.apply(op, wrongType).assertRejected("value.dispatch.type must be updateAdmin");
        ObjectNode noDispatch = updateAdmin(ADMIN, hex(ADMIN2));
        noDispatch.set("value", noDispatch.objectNode());
        fixture.apply(op, noDispatch).assertRejected("value.dispatch.type must be updateAdmin");
        String key = hex(ADMIN2);
        for (String bad : List.of("", "ab", key.toUpperCase(Locale.ROOT), key + "00", key.substring(2))) {
            fixture.apply(op, updateAdmin(ADMIN, bad)).assertRejected(BAD_ADMIN);
        }
        ObjectNode missing = updateAdmin(ADMIN, hex(ADMIN2));
        ((ObjectNode) missing.get("value").get("dispatch")).remove("admin");
        fixture.apply(op, missing).assertRejected(BAD_ADMIN);
        ObjectNode number = updateAdmin(ADMIN, hex(ADMIN2));
        ((ObjectNode) number.get("value").get("dispatch")).put("admin", 7);
        fixture.apply(op, number).assertRejected(BAD_ADMIN);
        assertThat(fixture.view.get(ViewKeys.ADMIN)).contains("\"" + hex(ADMIN) + "\"");
    }

    @Test
    void anAppliedUpdateCannotBeReplayedEvenAfterTheRoleComesBack() {
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode toAdmin2 = updateAdmin(ADMIN, hex(ADMIN2));
        fixture.apply(op, toAdmin2).assertApplied("Changed admin " + hex(ADMIN) + " to " + hex(ADMIN2));
        fixture.apply(op, updateAdmin(ADMIN2, hex(ADMIN))).assertApplied("Changed admin " + hex(ADMIN2) + " to " + hex(ADMIN));
        fixture.apply(op, toAdmin2).assertRejected(REPLAYED);
        ObjectNode upper = toAdmin2.deepCopy().put("hash", toAdmin2.get("hash").textValue().toUpperCase(Locale.ROOT));
        fixture.apply(op, upper).assertRejected(REPLAYED);
        assertThat(fixture.view.get(ViewKeys.ADMIN)).contains("\"" + hex(ADMIN) + "\"");
    }
}
