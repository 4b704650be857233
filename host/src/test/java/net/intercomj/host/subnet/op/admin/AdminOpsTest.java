package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.BOOTSTRAP;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.SUBNET;
import static net.intercomj.host.subnet.op.admin.AdminFixture.hex;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOp;
import static net.intercomj.host.subnet.op.admin.AdminFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewOverlay;
import org.junit.jupiter.api.Test;

/** The handler list, and malformed ops against every admin handler in every state. */
class AdminOpsTest {

    @Test
    void allListsOneHandlerPerAdminOpType() {
        assertThat(AdminOps.all()).extracting(OpHandler::type).containsExactlyInAnyOrder("addAdmin", "updateAdmin",
                "addWriter", "addIndexer", "removeWriter", "setAutoAddWriters", "autoAddWriter", "setChatStatus", "upgradeContract");
        // An applier accepts the list (no type twice).
        assertThat(new OpApplier(SUBNET, AdminOps.all()).types()).hasSize(9);
    }

    @Test
    void malformedOpsAreRejectedWithAReasonByEveryHandlerInEveryState() {
        List<AdminFixture> states = List.of(new AdminFixture(), AdminFixture.withAdmin(),
                AdminFixture.withAdmin().autoAdd("on").writer(JOINER), new AdminFixture().waivedAdmin().autoAdd("on"));
        for (OpHandler handler : AdminOps.all()) {
            String type = handler.type();
            List<String> malformed = List.of("{\"type\":\"" + type + "\"}",
                    "{\"type\":\"" + type + "\",\"key\":null,\"value\":null}",
                    "{\"type\":\"" + type + "\",\"key\":{},\"value\":[]}",
                    "{\"type\":\"" + type + "\",\"key\":\"on\",\"value\":\"x\",\"hash\":\"" + "0".repeat(128)
                            + "\",\"nonce\":\"n\"}",
                    "{\"type\":\"" + type + "\",\"key\":\"" + "0".repeat(64) + "\",\"value\":{\"msg\":{\"type\":\""
                            + type + "\",\"key\":\"" + "0".repeat(64) + "\"},\"key\":\"" + "0".repeat(64)
                            + "\",\"dispatch\":{\"type\":\"" + type + "\",\"admin\":null}},\"hash\":\"" + "0".repeat(128)
                            + "\",\"nonce\":\"n\"}",
                    "{\"type\":\"" + type + "\",\"key\":\"on\",\"value\":{\"msg\":{\"type\":\"" + type
                            + "\",\"key\":\"on\"}},\"hash\":7,\"nonce\":5}");
            for (AdminFixture state : states) {
                for (String text : malformed) {
                    // The appender is not the bootstrap, so addAdmin is refused too.
                    AdminFixture.Outcome outcome = state.apply(handler, parse(text), JOINER);
                    assertThat(outcome.result()).as(type + " " + text).isInstanceOf(OpResult.Rejected.class);
                    assertThat(((OpResult.Rejected) outcome.result()).reason()).isNotBlank();
                    assertThat(outcome.after()).isEqualTo(outcome.before());
                }
            }
        }
    }

    @Test
    void throughTheApplierAdminOpsBeforeAnyAdminAreRejectedAndLaterOnesStillApply() {
        Map<String, String> stored = new HashMap<>();
        ViewOverlay view = new ViewOverlay(key -> Optional.ofNullable(stored.get(key)));
        OpApplier applier = new OpApplier(SUBNET, AdminOps.all());
        applier.genesisIfEmpty(view, view);
        Bytes32 writer = Bytes32.of(BOOTSTRAP.publicKey());
        int before = view.size();
        for (String type : List.of("addWriter", "addIndexer", "removeWriter", "setAutoAddWriters", "setChatStatus")) {
            String key = type.startsWith("set") ? "on" : hex(JOINER);
            LogEntry entry = LogEntry.append(SUBNET, writer, null, List.of(), 0,
                    CanonicalJson.write(msgOp(ADMIN, type, key)), BOOTSTRAP::sign);
            assertThat(applier.apply(entry, view)).as(type).isEqualTo(OpResult.rejected("the subnet has no admin"));
        }
        LogEntry update = LogEntry.append(SUBNET, writer, null, List.of(), 0,
                CanonicalJson.write(AdminFixture.updateAdmin(ADMIN, hex(JOINER))), BOOTSTRAP::sign);
        assertThat(applier.apply(update, view)).isEqualTo(OpResult.rejected("the subnet has no admin"));
        assertThat(view.size()).isEqualTo(before);
        LogEntry addAdmin = LogEntry.append(SUBNET, writer, null, List.of(), 0,
                CanonicalJson.write(AdminFixture.addAdmin(hex(ADMIN))), BOOTSTRAP::sign);
        assertThat(applier.apply(addAdmin, view)).isEqualTo(OpResult.applied("Admin added: " + hex(ADMIN)));
        LogEntry chatOn = LogEntry.append(SUBNET, writer, null, List.of(), 0,
                CanonicalJson.write(msgOp(ADMIN, "setChatStatus", "on")), BOOTSTRAP::sign);
        assertThat(applier.apply(chatOn, view)).isEqualTo(OpResult.applied("Set chat_status: on"));
    }
}
