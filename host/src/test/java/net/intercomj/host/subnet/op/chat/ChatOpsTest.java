package net.intercomj.host.subnet.op.chat;

import static net.intercomj.host.subnet.op.chat.ChatFixture.ADMIN;
import static net.intercomj.host.subnet.op.chat.ChatFixture.ALICE;
import static net.intercomj.host.subnet.op.chat.ChatFixture.BOB;
import static net.intercomj.host.subnet.op.chat.ChatFixture.SUBNET;
import static net.intercomj.host.subnet.op.chat.ChatFixture.WRITER;
import static net.intercomj.host.subnet.op.chat.ChatFixture.hex;
import static net.intercomj.host.subnet.op.chat.ChatFixture.msgDispatch;
import static net.intercomj.host.subnet.op.chat.ChatFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;

/** The handler list, and malformed ops against every handler. */
class ChatOpsTest {

    @Test
    void allListsOneHandlerPerChatOpType() {
        assertThat(ChatOps.all(ContractCalls.NONE)).extracting(OpHandler::type).containsExactlyInAnyOrder("msg", "setNick",
                "muteStatus", "setMod", "deleteMessage", "pinMessage", "unpinMessage", "enableWhitelist",
                "setWhitelistStatus", "enableTransactions");
    }

    @Test
    void malformedOpsAreRejectedWithAReasonByEveryHandlerInEveryState() {
        List<ChatFixture> states = List.of(new ChatFixture(), ChatFixture.standard(),
                new ChatFixture().chatOn().seed(ViewKeys.ADMIN, "null").seed("msg/0", "{}").seed("pni/0", "{}"));
        for (OpHandler handler : ChatOps.all(ContractCalls.NONE)) {
            String type = handler.type();
            List<String> malformed = List.of("{\"type\":\"" + type + "\"}",
                    "{\"type\":\"" + type + "\",\"value\":[]}",
                    "{\"type\":\"" + type + "\",\"value\":{\"dispatch\":\"x\"},\"hash\":\"" + "0".repeat(128)
                            + "\",\"nonce\":\"n\"}",
                    "{\"type\":\"" + type + "\",\"value\":{\"dispatch\":{\"type\":\"" + type + "\"}},\"hash\":\""
                            + "0".repeat(128) + "\",\"nonce\":\"n\"}",
                    "{\"type\":\"" + type + "\",\"value\":{\"dispatch\":{\"type\":\"" + type + "\",\"id\":0,"
                            + "\"address\":\"" + hex(ALICE) + "\"}},\"hash\":7,\"nonce\":\"n\"}",
                    "{\"type\":\"" + type + "\",\"value\":null,\"hash\":\"" + "0".repeat(128) + "\",\"nonce\":5}");
            for (ChatFixture state : states) {
                for (String text : malformed) {
                    ChatFixture.Outcome outcome = state.apply(handler, parse(text));
                    assertThat(outcome.result()).as(type + " " + text).isInstanceOf(OpResult.Rejected.class);
                    assertThat(((OpResult.Rejected) outcome.result()).reason()).isNotBlank();
                }
            }
        }
    }

    @Test
    void throughTheApplierAMsgOverEightKilobytesIsRejectedAndOneUnderIsApplied() {
        OpApplier applier = new OpApplier(SUBNET, ChatOps.all(ContractCalls.NONE));
        ChatFixture fixture = ChatFixture.standard().seed(ViewKeys.writer(hex(WRITER)), "{\"indexer\":false}");
        ObjectNode small = signed("msg", ALICE, msgDispatch(ALICE, "hi"));
        ObjectNode large = signed("msg", ALICE, msgDispatch(ALICE, "x".repeat(8200)));
        assertThat(applier.apply(entry(large), fixture.view)).isInstanceOf(OpResult.Rejected.class);
        assertThat(fixture.view.get("msgl")).isEmpty();
        assertThat(applier.apply(entry(small), fixture.view)).isEqualTo(OpResult.applied("#1 | " + hex(ALICE) + ": hi"));
        assertThat(applier.apply(entry(small), fixture.view)).isInstanceOf(OpResult.Rejected.class);
        assertThat(fixture.view.get("msgl")).contains("1");
    }

    @Test
    void throughTheApplierARejectedOpLeavesNoReplayMarker() {
        OpApplier applier = new OpApplier(SUBNET, ChatOps.all(ContractCalls.NONE));
        ChatFixture fixture = new ChatFixture().admin(ADMIN).seed(ViewKeys.writer(hex(WRITER)), "{\"indexer\":false}");
        ObjectNode post = signed("msg", ALICE, msgDispatch(ALICE, "early"));
        assertThat(applier.apply(entry(post), fixture.view)).isEqualTo(OpResult.rejected("chat is off"));
        fixture.chatOn();
        assertThat(applier.apply(entry(post), fixture.view)).isInstanceOf(OpResult.Applied.class);
    }

    @Test
    void aNewSignatureOverAReusedNonceIsRejected() {
        ChatFixture fixture = ChatFixture.standard();
        ObjectNode first = signed("msg", ALICE, msgDispatch(ALICE, "one"));
        fixture.apply(new MsgOp(ContractCalls.NONE), first).assertApplied();
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.set("dispatch", msgDispatch(ALICE, "two"));
        String nonce = first.get("nonce").textValue();
        ObjectNode second = JsonNodeFactory.instance.objectNode().put("type", "msg");
        second.set("value", value);
        second.put("hash", HexFormat.of().formatHex(ALICE.sign(OpSignature.signedBytes(SUBNET, "msg", nonce, value))));
        second.put("nonce", nonce);
        fixture.apply(new MsgOp(ContractCalls.NONE), second).assertRejected("already used");
        // another signer may use the same nonce
        ObjectNode bobs = JsonNodeFactory.instance.objectNode().put("type", "msg");
        ObjectNode bobsValue = JsonNodeFactory.instance.objectNode();
        bobsValue.set("dispatch", msgDispatch(BOB, "three"));
        bobs.set("value", bobsValue);
        bobs.put("hash", HexFormat.of().formatHex(BOB.sign(OpSignature.signedBytes(SUBNET, "msg", nonce, bobsValue))));
        bobs.put("nonce", nonce);
        fixture.apply(new MsgOp(ContractCalls.NONE), bobs).assertApplied();
    }

    private static LogEntry entry(ObjectNode op) {
        return LogEntry.append(SUBNET, Bytes32.of(WRITER.publicKey()), null, List.of(), 0, CanonicalJson.write(op),
                WRITER::sign);
    }

    private static JsonNode parse(String text) {
        try {
            return CanonicalJson.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
