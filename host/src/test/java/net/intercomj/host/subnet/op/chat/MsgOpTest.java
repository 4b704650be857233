package net.intercomj.host.subnet.op.chat;

import static net.intercomj.host.subnet.op.chat.ChatFixture.ADMIN;
import static net.intercomj.host.subnet.op.chat.ChatFixture.ALICE;
import static net.intercomj.host.subnet.op.chat.ChatFixture.BOB;
import static net.intercomj.host.subnet.op.chat.ChatFixture.hex;
import static net.intercomj.host.subnet.op.chat.ChatFixture.keys;
import static net.intercomj.host.subnet.op.chat.ChatFixture.msgDispatch;
import static net.intercomj.host.subnet.op.chat.ChatFixture.relabelled;
import static net.intercomj.host.subnet.op.chat.ChatFixture.signed;
import static net.intercomj.host.subnet.op.chat.ChatFixture.withField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@code msg} (spec §2.5.15): posting, with chat, mute and whitelist rules. */
class MsgOpTest {

    private final MsgOp handler = new MsgOp(ContractCalls.NONE);
    private final ChatFixture fixture = ChatFixture.standard();

    private static ObjectNode post(PeerWallet author, String text) {
        return signed("msg", author, msgDispatch(author, text));
    }

    @Test
    void aPostWritesTheMessageItsUserIndexAndBothCounters() {
        ObjectNode op = post(ALICE, "hello");
        String alice = hex(ALICE);
        fixture.apply(handler, op).assertApplied("#1 | " + alice + ": hello")
                .assertWroteExactly(keys(op, ALICE, "msg/0", "umsg/" + alice + "/0", "msgl", "umsgl/" + alice));
        assertThat(fixture.json("msg/0")).isEqualTo(op.get("value").get("dispatch"));
        assertThat(fixture.view.get("umsg/" + alice + "/0")).contains("\"msg/0\"");
        assertThat(fixture.view.get("msgl")).contains("1");
        assertThat(fixture.view.get("umsgl/" + alice)).contains("1");
    }

    /** A contract whose chat hook writes the last message and refuses any containing "spam". */
    private static final ContractCalls HOOK = new ContractCalls() {
        @Override
        public Optional<String> feature(JsonNode op, OpContext context) {
            return Optional.empty();
        }

        @Override
        public TxOutcome tx(JsonNode op, OpContext context) {
            return TxOutcome.ok();
        }

        @Override
        public Optional<String> message(JsonNode op, OpContext context) {
            String text = op.get("value").get("dispatch").get("msg").textValue();
            context.put("app/last", text);
            return text.contains("spam") ? Optional.of("no spam") : Optional.empty();
        }
    };

    @Test
    void theContractsChatHookRunsBeforeTheMessageIsStoredAndItsWritesAreKept() {
        ObjectNode op = post(ALICE, "hello");
        fixture.apply(new MsgOp(HOOK), op).assertApplied()
                .assertWroteExactly(keys(op, ALICE, "msg/0", "umsg/" + hex(ALICE) + "/0", "msgl",
                        "umsgl/" + hex(ALICE), "app/last"));
        assertThat(fixture.view.get("app/last")).contains("\"hello\"");
    }

    @Test
    void aMessageTheHookRefusesIsNotPostedAndLeavesNothing() {
        fixture.apply(new MsgOp(HOOK), post(ALICE, "buy spam"))
                .assertRejected("the contract's message handler refused the message: no spam");
        assertThat(fixture.view.get("msgl")).isEmpty();
        assertThat(fixture.view.get("app/last")).isEmpty();
    }

    @Test
    void countersAdvanceAndTheLogShowsTheNick() {
        fixture.apply(handler, post(BOB, "first")).assertApplied();
        fixture.seed(ViewKeys.nick(hex(ALICE)), "\"alice\"");
        fixture.apply(handler, post(ALICE, "second")).assertApplied("#2 | alice: second");
        fixture.apply(handler, post(ALICE, "third")).assertApplied("#3 | alice: third");
        assertThat(fixture.view.get("umsg/" + hex(ALICE) + "/1")).contains("\"msg/2\"");
        assertThat(fixture.view.get("umsgl/" + hex(ALICE))).contains("2");
        assertThat(fixture.view.get("umsgl/" + hex(BOB))).contains("1");
        assertThat(fixture.view.get("msgl")).contains("3");
    }

    @Test
    void onlyTheAddressMaySignItsPosts() {
        fixture.apply(handler, signed("msg", BOB, msgDispatch(ALICE, "forged"))).assertRejected("not signed by address");
        fixture.apply(handler, signed("msg", ADMIN, msgDispatch(ALICE, "forged"))).assertRejected("not signed by address");
        assertThat(fixture.view.get("msgl")).isEmpty();
    }

    @Test
    void chatMustBeOn() {
        ChatFixture off = new ChatFixture().admin(ADMIN);
        off.apply(handler, post(ALICE, "hi")).assertRejected("chat is off");
        off.seed(ViewKeys.CHAT_STATUS, "\"off\"");
        off.apply(handler, post(ALICE, "hi")).assertRejected("chat is off");
        off.apply(handler, post(ADMIN, "hi")).assertRejected("chat is off");
    }

    @Test
    void mutedUsersCannotPostButTheAdminIsExempt() {
        fixture.seed(ViewKeys.muted(hex(ALICE)), "true").seed(ViewKeys.muted(hex(BOB)), "false")
                .seed(ViewKeys.muted(hex(ADMIN)), "true");
        fixture.apply(handler, post(ALICE, "hi")).assertRejected(hex(ALICE) + " is muted");
        fixture.apply(handler, post(BOB, "hi")).assertApplied();
        fixture.apply(handler, post(ADMIN, "hi")).assertApplied();
    }

    @Test
    void withTheWhitelistOnOnlyWhitelistedUsersAndTheAdminPost() {
        fixture.seed(ViewKeys.WHITELIST_ENABLED, "true").seed(ViewKeys.whitelisted(hex(BOB)), "true");
        fixture.apply(handler, post(ALICE, "hi")).assertRejected("not on the whitelist");
        fixture.seed(ViewKeys.whitelisted(hex(ALICE)), "false");
        fixture.apply(handler, post(ALICE, "hi")).assertRejected("not on the whitelist");
        fixture.apply(handler, post(BOB, "hi")).assertApplied();
        fixture.apply(handler, post(ADMIN, "hi")).assertApplied();
        fixture.seed(ViewKeys.WHITELIST_ENABLED, "false");
        fixture.apply(handler, post(ALICE, "hi")).assertApplied();
    }

    @Test
    void withoutAnAdminUsersStillPostAndNothingThrows() {
        ChatFixture noAdmin = new ChatFixture().chatOn();
        noAdmin.apply(handler, post(ALICE, "hi")).assertApplied();
        noAdmin.seed(ViewKeys.ADMIN, "null").seed(ViewKeys.WHITELIST_ENABLED, "true");
        noAdmin.apply(handler, post(ADMIN, "hi")).assertRejected("not on the whitelist");
    }

    @Test
    void theSameOpAppliedTwiceIsRejectedTheSecondTime() {
        ObjectNode op = post(ALICE, "once");
        fixture.apply(handler, op).assertApplied();
        fixture.apply(handler, op).assertRejected("already used").assertWroteExactly(List.of());
        assertThat(fixture.view.get("msgl")).contains("1");
    }

    @Test
    void aSignatureMadeForAnotherOpTypeIsRejected() {
        ObjectNode asNick = signed("setNick", ALICE, msgDispatch(ALICE, "hi"));
        fixture.apply(handler, relabelled(asNick, "msg")).assertRejected("not signed by address");
        ObjectNode mislabelled = signed("msg", ALICE, msgDispatch(ALICE, "hi").put("type", "setNick"));
        fixture.apply(handler, mislabelled).assertRejected("value.dispatch.type must be msg");
    }

    @Test
    void aNewMessageMustStartUndeletedAndUnpinned() {
        fixture.apply(handler, signed("msg", ALICE, msgDispatch(ALICE, "x").put("deleted_by", hex(ALICE))))
                .assertRejected("deleted_by must be null");
        fixture.apply(handler, signed("msg", ALICE, msgDispatch(ALICE, "x").put("pinned", true)))
                .assertRejected("pinned must be false");
        fixture.apply(handler, signed("msg", ALICE, msgDispatch(ALICE, "x").put("pin_id", 0)))
                .assertRejected("pin_id must be null");
        assertThat(fixture.view.get("msgl")).isEmpty();
    }

    @Test
    void repliesAndAttachmentsAreAccepted() {
        ObjectNode dispatch = msgDispatch(ALICE, "see this").put("reply_to", 0);
        dispatch.putArray("attachments").add("https://example.org/a.png").add("b");
        fixture.apply(handler, signed("msg", ALICE, dispatch)).assertApplied();
        assertThat(fixture.json("msg/0").get("attachments")).hasSize(2);
    }

    @Test
    void badFieldsAreRejectedWithTheFieldNamed() {
        ObjectNode valid = post(ALICE, "hello");
        String[][] bad = {{"msg", "\"\""}, {"msg", "5"}, {"msg", "null"}, {"address", "\"ALICE\""},
            {"attachments", "\"a\""}, {"attachments", "[1]"}, {"attachments", "[\"\"]"}, {"attachments", "null"},
            {"deleted_by", "\"zz\""}, {"reply_to", "-1"}, {"reply_to", "1.5"}, {"reply_to", "\"1\""},
            {"reply_to", "9007199254740992"}, {"pinned", "\"false\""}, {"pinned", "0"}, {"pin_id", "-1"}};
        for (String[] field : bad) {
            fixture.apply(handler, withField(valid, field[0], field[1])).assertRejected("value.dispatch." + field[0]);
        }
        ObjectNode missing = valid.deepCopy();
        ((ObjectNode) missing.get("value").get("dispatch")).remove("reply_to");
        fixture.apply(handler, missing).assertRejected("value.dispatch.reply_to is missing");
        fixture.apply(handler, withField(valid, "extra", "{}")).assertRejected("value.dispatch has an unexpected field");
        ObjectNode extraValue = valid.deepCopy();
        ((ObjectNode) extraValue.get("value")).put("more", 1);
        fixture.apply(handler, extraValue).assertRejected("value has an unexpected field more");
        fixture.apply(handler, valid.deepCopy().put("address", "x")).assertRejected("the op has an unexpected field");
        assertThat(fixture.view.get("msgl")).isEmpty();
        fixture.apply(handler, valid).assertApplied();
    }

    @Test
    void aMsgOpIsAtMost8192Bytes() {
        assertThat(handler.maxBytes()).isEqualTo(8192);
    }
}
