package net.intercomj.host.subnet.op.chat;

import static net.intercomj.host.subnet.op.chat.ChatFixture.ADMIN;
import static net.intercomj.host.subnet.op.chat.ChatFixture.ALICE;
import static net.intercomj.host.subnet.op.chat.ChatFixture.BOB;
import static net.intercomj.host.subnet.op.chat.ChatFixture.MOD;
import static net.intercomj.host.subnet.op.chat.ChatFixture.MOD2;
import static net.intercomj.host.subnet.op.chat.ChatFixture.dispatch;
import static net.intercomj.host.subnet.op.chat.ChatFixture.hex;
import static net.intercomj.host.subnet.op.chat.ChatFixture.keys;
import static net.intercomj.host.subnet.op.chat.ChatFixture.relabelled;
import static net.intercomj.host.subnet.op.chat.ChatFixture.signed;
import static net.intercomj.host.subnet.op.chat.ChatFixture.withField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@code setNick} (spec §2.5.14): self, admin or moderator renames; unique nicks; chat on. */
class SetNickOpTest {

    private final SetNickOp handler = new SetNickOp();
    private final ChatFixture fixture = ChatFixture.standard().mod(MOD2);

    private static ObjectNode op(PeerWallet signer, String nick, PeerWallet address, PeerWallet initiator) {
        return signed("setNick", signer,
                dispatch("setNick").put("nick", nick).put("address", hex(address)).put("initiator", hex(initiator)));
    }

    private static ObjectNode self(PeerWallet user, String nick) {
        return op(user, nick, user, user);
    }

    @Test
    void aUserSetsTheirNickWritingTheNickAndItsReverseIndex() {
        ObjectNode op = self(ALICE, "alice");
        fixture.apply(handler, op).assertApplied("Changed nick to alice (" + hex(ALICE) + ")")
                .assertWroteExactly(keys(op, ALICE, ViewKeys.nick(hex(ALICE)), ViewKeys.nickOwner("alice")));
        assertThat(fixture.view.get(ViewKeys.nick(hex(ALICE)))).contains("\"alice\"");
        assertThat(fixture.view.get(ViewKeys.nickOwner("alice"))).contains("\"" + hex(ALICE) + "\"");
    }

    @Test
    void aNewNickReleasesTheOldOne() {
        fixture.apply(handler, self(ALICE, "a1")).assertApplied();
        ObjectNode rename = self(ALICE, "a2");
        ChatFixture.Outcome outcome = fixture.apply(handler, rename).assertApplied()
                .assertWroteExactly(keys(rename, ALICE, ViewKeys.nick(hex(ALICE)), ViewKeys.nickOwner("a2"),
                        ViewKeys.nickOwner("a1")));
        assertThat(outcome.writes().get(ViewKeys.nickOwner("a1"))).isEqualTo(Optional.empty());
        assertThat(fixture.view.get(ViewKeys.nickOwner("a1"))).isEmpty();
        fixture.apply(handler, self(BOB, "a1")).assertApplied();
    }

    @Test
    void nicksAreUniqueEvenForTheirOwner() {
        fixture.apply(handler, self(ALICE, "alice")).assertApplied();
        fixture.apply(handler, self(BOB, "alice")).assertRejected("nick alice is taken");
        fixture.apply(handler, self(ALICE, "alice")).assertRejected("nick alice is taken");
    }

    @Test
    void theAdminRenamesAnyone() {
        ObjectNode op = op(ADMIN, "renamed", MOD, ADMIN);
        fixture.apply(handler, op).assertApplied("Changed nick to renamed (" + hex(MOD) + ")")
                .assertWroteExactly(keys(op, ADMIN, ViewKeys.nick(hex(MOD)), ViewKeys.nickOwner("renamed")));
    }

    @Test
    void aModeratorRenamesAUserButNotAModeratorOrTheAdmin() {
        ObjectNode op = op(MOD, "tidy", ALICE, MOD);
        fixture.apply(handler, op).assertApplied()
                .assertWroteExactly(keys(op, MOD, ViewKeys.nick(hex(ALICE)), ViewKeys.nickOwner("tidy")));
        fixture.apply(handler, op(MOD, "m2", MOD2, MOD)).assertRejected("another moderator's nick");
        fixture.apply(handler, op(MOD, "boss", ADMIN, MOD)).assertRejected("the admin's nick");
    }

    @Test
    void nobodyElseRenamesAUser() {
        fixture.apply(handler, op(BOB, "x", ALICE, BOB)).assertRejected("is not a moderator");
        fixture.apply(handler, op(BOB, "x", ALICE, MOD)).assertRejected("nor by the moderator");
        assertThat(fixture.view.get(ViewKeys.nick(hex(ALICE)))).isEmpty();
    }

    @Test
    void chatMustBeOn() {
        ChatFixture off = new ChatFixture().admin(ADMIN);
        off.apply(handler, self(ALICE, "alice")).assertRejected("chat is off");
        off.seed(ViewKeys.CHAT_STATUS, "\"off\"");
        off.apply(handler, self(ALICE, "alice")).assertRejected("chat is off");
    }

    @Test
    void withoutAnAdminUsersStillSetTheirNickAndAdminSignaturesReject() {
        ChatFixture noAdmin = new ChatFixture().chatOn();
        noAdmin.apply(handler, op(ADMIN, "x", ALICE, ADMIN)).assertRejected("not signed by address");
        noAdmin.apply(handler, self(ALICE, "alice")).assertApplied();
    }

    @Test
    void theSameOpAppliedTwiceIsRejectedTheSecondTime() {
        ObjectNode op = self(ALICE, "alice");
        fixture.apply(handler, op).assertApplied();
        fixture.apply(handler, op).assertRejected("already used").assertWroteExactly(List.of());
    }

    @Test
    void aSignatureMadeForAnotherOpTypeIsRejected() {
        ObjectNode asMsg = signed("msg", ALICE, dispatch("setNick").put("nick", "alice").put("address", hex(ALICE))
                .put("initiator", hex(ALICE)));
        fixture.apply(handler, relabelled(asMsg, "setNick")).assertRejected("not signed by address");
    }

    @Test
    void theNickIsAtMost32BytesOfUtf8WithoutControlCharacters() {
        fixture.apply(handler, self(ALICE, "é".repeat(16))).assertApplied();
        fixture.apply(handler, self(BOB, "€".repeat(11))).assertRejected("value.dispatch.nick");
        fixture.apply(handler, self(BOB, "x".repeat(33))).assertRejected("at most 32 bytes");
        fixture.apply(handler, self(BOB, "")).assertRejected("value.dispatch.nick");
        fixture.apply(handler, self(BOB, "two\nlines")).assertRejected("control characters");
    }

    @Test
    void theSignedValueIsAtMost256BytesOfJson() {
        // 32 quotes are 32 bytes of nick but 64 bytes once escaped in JSON
        fixture.apply(handler, self(BOB, "\"".repeat(32))).assertRejected("value must be at most 256 bytes");
        fixture.apply(handler, self(BOB, "\"".repeat(28))).assertApplied();
    }

    @Test
    void badFieldsAreRejectedWithTheFieldNamed() {
        ObjectNode valid = self(ALICE, "alice");
        fixture.apply(handler, withField(valid, "nick", "7")).assertRejected("value.dispatch.nick");
        fixture.apply(handler, withField(valid, "nick", "null")).assertRejected("value.dispatch.nick");
        fixture.apply(handler, withField(valid, "address", "\"ab\"")).assertRejected("value.dispatch.address");
        fixture.apply(handler, withField(valid, "initiator", "true")).assertRejected("value.dispatch.initiator");
        ObjectNode missing = valid.deepCopy();
        ((ObjectNode) missing.get("value").get("dispatch")).remove("initiator");
        fixture.apply(handler, missing).assertRejected("value.dispatch.initiator is missing");
        assertThat(fixture.view.get(ViewKeys.nick(hex(ALICE)))).isEmpty();
    }
}
