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
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@code pinMessage} (spec §2.5.17): the admin or a moderator pins and unpins by message id. */
class PinMessageOpTest {

    private final PinMessageOp handler = new PinMessageOp();
    private final ChatFixture fixture = ChatFixture.standard();

    static ObjectNode op(PeerWallet signer, long id, boolean pinned, PeerWallet address) {
        return signed("pinMessage", signer,
                dispatch("pinMessage").put("id", id).put("pinned", pinned).put("address", hex(address)));
    }

    @Test
    void theFirstPinTakesANewSlot() {
        long id = fixture.post(ALICE, "important");
        ObjectNode op = op(ADMIN, id, true, ADMIN);
        fixture.apply(handler, op).assertApplied("Pinned message 0 by " + hex(ADMIN))
                .assertWroteExactly(keys(op, ADMIN, "pni/0", "pnl", "msg/0"));
        assertThat(fixture.view.get("pni/0")).contains("{\"msg\":0,\"pinned\":true}");
        assertThat(fixture.view.get("pnl")).contains("1");
        assertThat(fixture.json("msg/0").get("pinned").booleanValue()).isTrue();
        assertThat(fixture.json("msg/0").get("pin_id").longValue()).isZero();
        assertThat(fixture.json("msg/0").get("msg").textValue()).isEqualTo("important");
    }

    @Test
    void laterPinsOfTheSameMessageReuseItsSlotAndPinnedFalseUnpins() {
        fixture.post(ALICE, "a");
        long second = fixture.post(BOB, "b");
        fixture.apply(handler, op(ADMIN, 0, true, ADMIN)).assertApplied();
        fixture.apply(handler, op(ADMIN, second, true, ADMIN)).assertApplied();
        assertThat(fixture.json("msg/1").get("pin_id").longValue()).isEqualTo(1);
        ObjectNode unpin = op(MOD, second, false, MOD);
        fixture.apply(handler, unpin).assertApplied().assertWroteExactly(keys(unpin, MOD, "pni/1", "msg/1"));
        assertThat(fixture.view.get("pni/1")).contains("{\"msg\":1,\"pinned\":false}");
        assertThat(fixture.json("msg/1").get("pinned").booleanValue()).isFalse();
        assertThat(fixture.json("msg/1").get("pin_id").longValue()).isEqualTo(1);
        assertThat(fixture.view.get("pnl")).contains("2");
    }

    @Test
    void usersCannotPinAndAModeratorsAddressNeedsTheModeratorsSignature() {
        long id = fixture.post(ALICE, "me!");
        fixture.apply(handler, op(ALICE, id, true, ALICE)).assertRejected("is not a moderator");
        fixture.apply(handler, op(ALICE, id, true, MOD)).assertRejected("nor by the moderator");
        assertThat(fixture.json("msg/0").get("pinned").booleanValue()).isFalse();
    }

    @Test
    void theMessageMustExist() {
        fixture.apply(handler, op(ADMIN, 3, true, ADMIN)).assertRejected("message 3 does not exist");
    }

    @Test
    void withoutAnAdminTheAdminPathRejectsAndModeratorsStillPin() {
        ChatFixture noAdmin = new ChatFixture().chatOn().mod(MOD);
        long id = noAdmin.post(ALICE, "x");
        noAdmin.apply(handler, op(ADMIN, id, true, ADMIN)).assertRejected("the subnet has no admin");
        noAdmin.apply(handler, op(MOD, id, true, MOD)).assertApplied();
    }

    @Test
    void theSameOpAppliedTwiceIsRejectedTheSecondTime() {
        long id = fixture.post(ALICE, "x");
        ObjectNode op = op(MOD, id, true, MOD);
        fixture.apply(handler, op).assertApplied();
        fixture.apply(handler, op).assertRejected("already used").assertWroteExactly(List.of());
    }

    @Test
    void aSignatureMadeForAnotherOpTypeIsRejected() {
        long id = fixture.post(ALICE, "x");
        ObjectNode asUnpin = signed("unpinMessage", ADMIN,
                dispatch("pinMessage").put("id", id).put("pinned", true).put("address", hex(ADMIN)));
        fixture.apply(handler, relabelled(asUnpin, "pinMessage")).assertRejected("not signed by the admin");
        fixture.apply(new UnpinMessageOp(), relabelled(op(ADMIN, id, true, ADMIN), "unpinMessage"))
                .assertRejected("value.dispatch.type must be unpinMessage");
    }

    @Test
    void aStoredMessageWithAnInvalidPinIdIsRejectedNotThrown() {
        ObjectNode broken = ChatFixture.msgDispatch(ALICE, "x").put("pin_id", "zero");
        fixture.seed("msg/0", CanonicalJson.write(broken));
        fixture.apply(handler, op(ADMIN, 0, true, ADMIN)).assertRejected("invalid pin_id");
        fixture.seed("msg/1", "\"not an object\"");
        fixture.apply(handler, op(ADMIN, 1, true, ADMIN)).assertRejected("not a message object");
    }

    @Test
    void badFieldsAreRejectedWithTheFieldNamed() {
        long id = fixture.post(ALICE, "x");
        ObjectNode valid = op(ADMIN, id, true, ADMIN);
        fixture.apply(handler, withField(valid, "pinned", "\"true\"")).assertRejected("value.dispatch.pinned");
        fixture.apply(handler, withField(valid, "pinned", "null")).assertRejected("value.dispatch.pinned");
        fixture.apply(handler, withField(valid, "id", "\"0\"")).assertRejected("value.dispatch.id");
        fixture.apply(handler, withField(valid, "id", "-3")).assertRejected("value.dispatch.id");
        fixture.apply(handler, withField(valid, "address", "1")).assertRejected("value.dispatch.address");
        assertThat(fixture.view.get("pnl")).isEmpty();
    }
}
