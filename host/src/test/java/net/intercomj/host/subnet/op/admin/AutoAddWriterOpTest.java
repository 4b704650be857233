package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.BOOTSTRAP;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER2;
import static net.intercomj.host.subnet.op.admin.AdminFixture.OTHER_SUBNET;
import static net.intercomj.host.subnet.op.admin.AdminFixture.STRANGER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.autoAddWriter;
import static net.intercomj.host.subnet.op.admin.AdminFixture.hex;
import static net.intercomj.host.subnet.op.admin.AdminFixture.keys;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOp;
import static net.intercomj.host.subnet.op.admin.AdminFixture.relabelled;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;

/** {@code autoAddWriter} (spec §2.5.7, §2.3, §9 item 9). */
class AutoAddWriterOpTest {

    private static final String OFF = "auto_add_writers is off";
    private static final String NOT_SIGNED = "not signed by the writer key it adds";

    private final AutoAddWriterOp op = new AutoAddWriterOp();

    private static AdminFixture autoAddOn() {
        return AdminFixture.withAdmin().autoAdd("on");
    }

    @Test
    void whileOnAJoinersOwnRequestMakesItAWriter() {
        AdminFixture fixture = autoAddOn();
        ObjectNode request = autoAddWriter(JOINER, hex(JOINER));
        fixture.apply(op, request)
                .assertApplied("Writer auto added: " + hex(JOINER))
                .assertWroteExactly(keys(request, JOINER, ViewKeys.writer(hex(JOINER)), Membership.WRITER_COUNT));
        assertThat(fixture.view.get(ViewKeys.writer(hex(JOINER)))).contains("{\"indexer\":false}");
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("2");
        assertThat(fixture.view.get(ViewKeys.nonceUsed(hex(JOINER), request.get("nonce").textValue()))).contains("\"\"");
        assertThat(Membership.indexers(fixture.view)).containsExactly(hex(BOOTSTRAP));
    }

    @Test
    void anyWriterMayAppendTheRequestAndNoAdminIsNeeded() {
        AdminFixture fixture = new AdminFixture().autoAdd("on").writer(JOINER2);
        fixture.apply(op, autoAddWriter(JOINER, hex(JOINER)), JOINER2).assertApplied("Writer auto added: " + hex(JOINER));
    }

    @Test
    void onlyWhileAutoAddIsOn() {
        new AdminFixture().apply(op, autoAddWriter(JOINER, hex(JOINER))).assertRejected(OFF);
        AdminFixture fixture = AdminFixture.withAdmin().autoAdd("off");
        fixture.apply(op, autoAddWriter(JOINER, hex(JOINER))).assertRejected(OFF);
        for (String json : List.of("\"ON\"", "true", "\"yes\"", "null", "1")) {
            fixture.seed(ViewKeys.AUTO_ADD_WRITERS, json);
            fixture.apply(op, autoAddWriter(JOINER, hex(JOINER))).assertRejected(OFF);
        }
        // Turned on by the admin, the same kind of request then applies.
        fixture.apply(new SetAutoAddWritersOp(), msgOp(ADMIN, "setAutoAddWriters", "on"))
                .assertApplied("Set auto_add_writers: on");
        fixture.apply(op, autoAddWriter(JOINER, hex(JOINER))).assertApplied("Writer auto added: " + hex(JOINER));
    }

    @Test
    void aRequestSignedByAnyOtherKeyIsRefused() {
        // Fix of spec §9 item 9: in the original any writer could add any key.
        AdminFixture fixture = autoAddOn().writer(JOINER2);
        for (var signer : List.of(STRANGER, JOINER2, BOOTSTRAP, ADMIN)) {
            fixture.apply(op, autoAddWriter(signer, hex(JOINER))).assertRejected(NOT_SIGNED);
        }
        // Nor by its key for another subnet, or as another op type.
        fixture.apply(op, autoAddWriter(OTHER_SUBNET, JOINER, hex(JOINER))).assertRejected(NOT_SIGNED);
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("key", hex(JOINER));
        ObjectNode signedAsAddWriter = OpSignature.sign(AdminFixture.SUBNET, "addWriter", hex(JOINER), value, JOINER::sign);
        fixture.apply(op, relabelled(signedAsAddWriter, "autoAddWriter")).assertRejected(NOT_SIGNED);
        // An unsigned request, the original's shape.
        fixture.apply(op, JsonNodeFactory.instance.objectNode().put("type", "autoAddWriter").put("key", hex(JOINER))
                .set("value", value)).assertRejected(NOT_SIGNED);
        assertThat(fixture.view.get(ViewKeys.writer(hex(JOINER)))).isEmpty();
    }

    @Test
    void aBannedKeyIsRefused() {
        AdminFixture fixture = autoAddOn().seed(ViewKeys.banned(hex(JOINER)), "true");
        fixture.apply(op, autoAddWriter(JOINER, hex(JOINER))).assertRejected("banned: " + hex(JOINER));
        // Any stored value bans, even false or "" (presence is what counts).
        fixture.seed(ViewKeys.banned(hex(JOINER)), "\"\"");
        fixture.apply(op, autoAddWriter(JOINER, hex(JOINER))).assertRejected("banned: " + hex(JOINER));
        // Another key is not affected.
        fixture.apply(op, autoAddWriter(JOINER2, hex(JOINER2))).assertApplied("Writer auto added: " + hex(JOINER2));
    }

    @Test
    void anExistingWriterIsRefusedRatherThanAddedAgain() {
        // The original logged "Writer auto added" even when it added nothing.
        AdminFixture fixture = autoAddOn().writer(JOINER);
        fixture.apply(op, autoAddWriter(JOINER, hex(JOINER))).assertRejected("already a writer: " + hex(JOINER));
        fixture.apply(op, autoAddWriter(BOOTSTRAP, hex(BOOTSTRAP))).assertRejected("already a writer: " + hex(BOOTSTRAP));
        assertThat(fixture.view.get(Membership.WRITER_COUNT)).contains("2");
    }

    @Test
    void theSameRequestCannotAddTheKeyAgainAfterItWasRemoved() {
        AdminFixture fixture = autoAddOn();
        ObjectNode request = autoAddWriter(JOINER, hex(JOINER));
        fixture.apply(op, request).assertApplied("Writer auto added: " + hex(JOINER));
        fixture.apply(new RemoveWriterOp(), msgOp(ADMIN, "removeWriter", hex(JOINER)))
                .assertApplied("Writer removed: " + hex(JOINER));
        fixture.apply(op, request).assertRejected("signature or nonce already used");
        // A fresh request from the key itself is fine.
        fixture.apply(op, autoAddWriter(JOINER, hex(JOINER))).assertApplied("Writer auto added: " + hex(JOINER));
    }

    @Test
    void theKeyMustBeAWholeLowercaseWriterKeyRepeatedInTheValue() {
        AdminFixture fixture = autoAddOn();
        String key = hex(JOINER);
        for (String bad : List.of("", "on", key.toUpperCase(Locale.ROOT), key + "00", key.substring(2))) {
            fixture.apply(op, autoAddWriter(JOINER, bad))
                    .assertRejected("key must be a writer key of 64 lowercase hex characters");
        }
        ObjectNode mismatched = autoAddWriter(JOINER, key);
        ((ObjectNode) mismatched.get("value")).put("key", hex(JOINER2));
        fixture.apply(op, mismatched).assertRejected("value.key must equal key");
        ObjectNode noValue = autoAddWriter(JOINER, key);
        noValue.remove("value");
        fixture.apply(op, noValue).assertRejected("value.key must equal key");
        // Signed over a value naming another key.
        ObjectNode otherValue = OpSignature.sign(AdminFixture.SUBNET, "autoAddWriter", key,
                JsonNodeFactory.instance.objectNode().put("key", hex(JOINER2)), JOINER::sign);
        fixture.apply(op, otherValue).assertRejected("value.key must equal key");
        assertThat(fixture.view.get(ViewKeys.writer(key))).isEmpty();
    }
}
