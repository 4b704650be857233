package net.intercomj.host.subnet.op.chat;

import static net.intercomj.host.subnet.op.chat.ChatFixture.ADMIN;
import static net.intercomj.host.subnet.op.chat.ChatFixture.ALICE;
import static net.intercomj.host.subnet.op.chat.ChatFixture.BOB;
import static net.intercomj.host.subnet.op.chat.ChatFixture.MOD;
import static net.intercomj.host.subnet.op.chat.ChatFixture.dispatch;
import static net.intercomj.host.subnet.op.chat.ChatFixture.hex;
import static net.intercomj.host.subnet.op.chat.ChatFixture.keys;
import static net.intercomj.host.subnet.op.chat.ChatFixture.relabelled;
import static net.intercomj.host.subnet.op.chat.ChatFixture.signed;
import static net.intercomj.host.subnet.op.chat.ChatFixture.withField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@code unpinMessage} (spec §2.5.18): the admin or a moderator releases a pin slot (by slot id). */
class UnpinMessageOpTest {

    private final UnpinMessageOp handler = new UnpinMessageOp();
    private final ChatFixture fixture = ChatFixture.standard();

    static ObjectNode op(PeerWallet signer, long pinId, PeerWallet address) {
        return signed("unpinMessage", signer, dispatch("unpinMessage").put("id", pinId).put("address", hex(address)));
    }

    /** Posts two messages and pins the second: pin slot 0 holds message 1. */
    private void pinSecondMessage() {
        fixture.post(ALICE, "a");
        fixture.post(BOB, "b");
        fixture.apply(new PinMessageOp(), PinMessageOpTest.op(ADMIN, 1, true, ADMIN)).assertApplied();
    }

    @Test
    void unpinningASlotUnpinsItsMessageAndFreesItsPinId() {
        pinSecondMessage();
        ObjectNode op = op(ADMIN, 0, ADMIN);
        fixture.apply(handler, op).assertApplied("Unpinned message 1 by " + hex(ADMIN))
                .assertWroteExactly(keys(op, ADMIN, "msg/1", "pni/0"));
        assertThat(fixture.json("msg/1").get("pinned").booleanValue()).isFalse();
        assertThat(fixture.json("msg/1").get("pin_id").isNull()).isTrue();
        assertThat(fixture.view.get("pni/0")).contains("{\"msg\":1,\"pinned\":false}");
        // pinning again takes a new slot
        fixture.apply(new PinMessageOp(), PinMessageOpTest.op(ADMIN, 1, true, ADMIN)).assertApplied();
        assertThat(fixture.json("msg/1").get("pin_id").longValue()).isEqualTo(1);
    }

    @Test
    void unpinningAnOldSlotLeavesAMessagePinnedAgainUnderANewerOne() {
        pinSecondMessage();
        fixture.apply(handler, op(ADMIN, 0, ADMIN)).assertApplied();
        fixture.apply(new PinMessageOp(), PinMessageOpTest.op(ADMIN, 1, true, ADMIN)).assertApplied();
        // The original reset message 1 here although slot 1 still pins it.
        fixture.apply(handler, op(ADMIN, 0, ADMIN)).assertApplied();
        assertThat(fixture.json("msg/1").get("pinned").booleanValue()).isTrue();
        assertThat(fixture.json("msg/1").get("pin_id").longValue()).isEqualTo(1);
        assertThat(fixture.view.get("pni/1")).contains("{\"msg\":1,\"pinned\":true}");
    }

    @Test
    void aSlotWhoseMessageIsGoneOnlyRecordsTheReplayMarkers() {
        fixture.seed(ViewKeys.pin(5), "{\"msg\":99,\"pinned\":true}");
        ObjectNode op = op(MOD, 5, MOD);
        fixture.apply(handler, op).assertApplied("Unpinned message 99 by " + hex(MOD))
                .assertWroteExactly(keys(op, MOD));
        assertThat(fixture.view.get(ViewKeys.pin(5))).contains("{\"msg\":99,\"pinned\":true}");
    }

    @Test
    void aModeratorUnpinsAndUsersCannot() {
        pinSecondMessage();
        fixture.apply(handler, op(ALICE, 0, ALICE)).assertRejected("is not a moderator");
        fixture.apply(handler, op(ALICE, 0, MOD)).assertRejected("nor by the moderator");
        ObjectNode op = op(MOD, 0, MOD);
        fixture.apply(handler, op).assertApplied().assertWroteExactly(keys(op, MOD, "msg/1", "pni/0"));
    }

    @Test
    void theSlotMustExistAndNameAMessage() {
        fixture.apply(handler, op(ADMIN, 0, ADMIN)).assertRejected("pin 0 does not exist");
        fixture.seed(ViewKeys.pin(1), "{\"msg\":\"x\"}");
        fixture.apply(handler, op(ADMIN, 1, ADMIN)).assertRejected("pin 1 names no valid message id");
    }

    @Test
    void withoutAnAdminTheAdminPathRejectsNotThrows() {
        ChatFixture noAdmin = new ChatFixture().chatOn();
        noAdmin.seed(ViewKeys.pin(0), "{\"msg\":0,\"pinned\":true}");
        noAdmin.apply(handler, op(ADMIN, 0, ADMIN)).assertRejected("the subnet has no admin");
        noAdmin.apply(handler, op(MOD, 0, MOD)).assertRejected("the subnet has no admin, and address");
    }

    @Test
    void theSameOpAppliedTwiceIsRejectedTheSecondTime() {
        pinSecondMessage();
        ObjectNode op = op(ADMIN, 0, ADMIN);
        fixture.apply(handler, op).assertApplied();
        fixture.apply(handler, op).assertRejected("already used").assertWroteExactly(List.of());
    }

    @Test
    void anUnpinRelabelledAsADeletionIsRejected() {
        pinSecondMessage();
        ObjectNode unpin = op(ADMIN, 1, ADMIN);
        fixture.apply(new DeleteMessageOp(), relabelled(unpin, "deleteMessage"))
                .assertRejected("value.dispatch.type must be deleteMessage");
        ObjectNode retyped = withField(relabelled(unpin, "deleteMessage"), "type", "\"deleteMessage\"");
        fixture.apply(new DeleteMessageOp(), retyped).assertRejected("not signed by the admin");
        assertThat(fixture.json("msg/1").get("deleted_by").isNull()).isTrue();
    }

    @Test
    void badFieldsAreRejectedWithTheFieldNamed() {
        pinSecondMessage();
        ObjectNode valid = op(ADMIN, 0, ADMIN);
        for (String bad : List.of("-1", "0.0", "\"0\"", "null", "true")) {
            fixture.apply(handler, withField(valid, "id", bad)).assertRejected("value.dispatch.id");
        }
        fixture.apply(handler, withField(valid, "address", "\"\"")).assertRejected("value.dispatch.address");
        assertThat(fixture.json("msg/1").get("pinned").booleanValue()).isTrue();
        fixture.apply(handler, valid).assertApplied();
    }
}
