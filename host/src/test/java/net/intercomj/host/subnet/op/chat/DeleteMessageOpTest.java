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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@code deleteMessage} (spec §2.5.16): admin, moderator or author deletes a message. */
class DeleteMessageOpTest {

    private final DeleteMessageOp handler = new DeleteMessageOp();
    private final ChatFixture fixture = ChatFixture.standard();

    static ObjectNode op(PeerWallet signer, long id, PeerWallet address) {
        return signed("deleteMessage", signer, dispatch("deleteMessage").put("id", id).put("address", hex(address)));
    }

    @Test
    void theAdminDeletesAMessageKeepingItsFieldsButNotItsText() {
        long id = fixture.post(ALICE, "oops");
        JsonNode before = fixture.json(ViewKeys.message(id));
        ObjectNode op = op(ADMIN, id, ADMIN);
        fixture.apply(handler, op).assertApplied("Deleted message 0 of user " + hex(ALICE) + " by " + hex(ADMIN))
                .assertWroteExactly(keys(op, ADMIN, "msg/0", "delm/0", "delml"));
        ObjectNode expected = ((ObjectNode) before).deepCopy();
        expected.putNull("msg");
        expected.putArray("attachments");
        expected.put("deleted_by", hex(ADMIN));
        assertThat(fixture.json("msg/0")).isEqualTo(expected);
        assertThat(fixture.view.get("delm/0")).contains("0");
        assertThat(fixture.view.get("delml")).contains("1");
    }

    @Test
    void deletedByIsTheAdminWhenTheAdminSignedWhateverTheAddress() {
        long id = fixture.post(ALICE, "oops");
        fixture.apply(handler, op(ADMIN, id, BOB)).assertApplied("Deleted message 0 of user " + hex(ALICE) + " by "
                + hex(BOB));
        assertThat(fixture.json("msg/0").get("deleted_by").textValue()).isEqualTo(hex(ADMIN));
    }

    @Test
    void aModeratorDeletesUsersMessagesButNotTheAdmins() {
        long alices = fixture.post(ALICE, "spam");
        long admins = fixture.post(ADMIN, "rules");
        ObjectNode op = op(MOD, alices, MOD);
        fixture.apply(handler, op).assertApplied().assertWroteExactly(keys(op, MOD, "msg/0", "delm/0", "delml"));
        assertThat(fixture.json("msg/0").get("deleted_by").textValue()).isEqualTo(hex(MOD));
        fixture.apply(handler, op(MOD, admins, MOD)).assertRejected("cannot delete the admin's message");
    }

    @Test
    void anAuthorDeletesTheirOwnMessageOnly() {
        long alices = fixture.post(ALICE, "mine");
        long bobs = fixture.post(BOB, "his");
        ObjectNode op = op(ALICE, alices, ALICE);
        fixture.apply(handler, op).assertApplied().assertWroteExactly(keys(op, ALICE, "msg/0", "delm/0", "delml"));
        assertThat(fixture.json("msg/0").get("deleted_by").textValue()).isEqualTo(hex(ALICE));
        fixture.apply(handler, op(ALICE, bobs, ALICE)).assertRejected("neither a moderator nor the message's author");
        fixture.apply(handler, op(ALICE, bobs, BOB)).assertRejected("nor by the author");
        fixture.apply(handler, op(BOB, bobs, MOD)).assertRejected("nor by the moderator");
        assertThat(fixture.json("msg/1").get("deleted_by").isNull()).isTrue();
    }

    @Test
    void theAdminsOwnMessageIsDeletedOnlyWithTheAdminsSignature() {
        long id = fixture.post(ADMIN, "mine");
        fixture.apply(handler, op(ALICE, id, ADMIN)).assertRejected("not signed by the admin");
        fixture.apply(handler, op(ADMIN, id, ADMIN)).assertApplied();
    }

    @Test
    void theMessageMustExistAndNotBeDeletedYet() {
        fixture.apply(handler, op(ADMIN, 7, ADMIN)).assertRejected("message 7 does not exist");
        long id = fixture.post(ALICE, "x");
        fixture.apply(handler, op(ALICE, id, ALICE)).assertApplied();
        fixture.apply(handler, op(ADMIN, id, ADMIN)).assertRejected("message 0 is already deleted");
        assertThat(fixture.view.get("delml")).contains("1");
    }

    @Test
    void withoutAnAdminTheAdminPathRejectsAndAuthorsStillDelete() {
        long id = fixture.post(ALICE, "x");
        fixture.seed(ViewKeys.ADMIN, "null");
        fixture.apply(handler, op(ADMIN, id, ADMIN)).assertRejected("the subnet has no admin");
        fixture.apply(handler, op(ALICE, id, ALICE)).assertApplied();
        ChatFixture noAdmin = new ChatFixture().chatOn();
        noAdmin.apply(handler, op(ADMIN, 0, ADMIN)).assertRejected("message 0 does not exist");
        long other = noAdmin.post(BOB, "y");
        noAdmin.apply(handler, op(ADMIN, other, ADMIN)).assertRejected("the subnet has no admin");
    }

    @Test
    void theSameOpAppliedTwiceIsRejectedTheSecondTime() {
        long id = fixture.post(ALICE, "x");
        ObjectNode op = op(ADMIN, id, ADMIN);
        fixture.apply(handler, op).assertApplied();
        fixture.apply(handler, op).assertRejected("already used").assertWroteExactly(List.of());
    }

    @Test
    void aDeletionRelabelledAsAnUnpinIsRejected() {
        long id = fixture.post(ALICE, "pinned");
        fixture.apply(new PinMessageOp(), PinMessageOpTest.op(ADMIN, id, true, ADMIN)).assertApplied();
        JsonNode pin = fixture.json(ViewKeys.pin(0));
        // spec §9 item 2 (a): a deletion the admin signed for a missing message is never marked used ...
        ObjectNode deleteMissing = op(ADMIN, 0, ADMIN);
        ChatFixture empty = ChatFixture.standard();
        empty.apply(handler, deleteMissing).assertRejected("does not exist");
        // ... and must not work as an unpin of pin 0
        fixture.apply(new UnpinMessageOp(), relabelled(deleteMissing, "unpinMessage"))
                .assertRejected("value.dispatch.type must be unpinMessage");
        ObjectNode retyped = withField(relabelled(deleteMissing, "unpinMessage"), "type", "\"unpinMessage\"");
        fixture.apply(new UnpinMessageOp(), retyped).assertRejected("not signed by the admin");
        assertThat(fixture.json(ViewKeys.pin(0))).isEqualTo(pin);
        assertThat(fixture.json("msg/0").get("pinned").booleanValue()).isTrue();
    }

    @Test
    void badFieldsAreRejectedWithTheFieldNamed() {
        long id = fixture.post(ALICE, "x");
        ObjectNode valid = op(ADMIN, id, ADMIN);
        for (String bad : List.of("-1", "1.5", "\"0\"", "null", "9007199254740992", "[0]")) {
            fixture.apply(handler, withField(valid, "id", bad)).assertRejected("value.dispatch.id");
        }
        fixture.apply(handler, withField(valid, "address", "\"" + hex(ADMIN) + "00\"")).assertRejected(
                "value.dispatch.address");
        fixture.apply(handler, withField(valid, "pinned", "true")).assertRejected("unexpected field pinned");
        assertThat(fixture.json("msg/0").get("deleted_by").isNull()).isTrue();
    }
}
