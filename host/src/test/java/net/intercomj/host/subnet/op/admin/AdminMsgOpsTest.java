package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN2;
import static net.intercomj.host.subnet.op.admin.AdminFixture.BOOTSTRAP;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER2;
import static net.intercomj.host.subnet.op.admin.AdminFixture.OTHER_SUBNET;
import static net.intercomj.host.subnet.op.admin.AdminFixture.STRANGER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.hex;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOp;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOpWithNonce;
import static net.intercomj.host.subnet.op.admin.AdminFixture.parse;
import static net.intercomj.host.subnet.op.admin.AdminFixture.relabelled;
import static net.intercomj.host.subnet.op.admin.AdminFixture.updateAdmin;
import static net.intercomj.host.subnet.op.admin.AdminFixture.withMsgField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks every msg-signed admin op shares (spec §2.4 A, §2.5.3–2.5.6, 2.5.8): the inner
 * {@code msg} repeats the op's type and key, the current admin signed it for this subnet and this
 * op type (§9 item 2), and neither its signature nor its nonce was used before (§9 item 12).
 */
class AdminMsgOpsTest {

    private static final String NO_ADMIN = "the subnet has no admin";
    private static final String NOT_SIGNED = "not signed by the admin";
    private static final String REPLAYED = "signature or nonce already used";
    private static final String BAD_KEY = "key must be a string of 1 to 256 characters";

    /** One msg-signed op type: its handler, a key it applies, and a state in which it applies. */
    record Case(String type, Supplier<OpHandler> handler, String key, String otherKey, Supplier<AdminFixture> state) {
        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("addWriter", AddWriterOp::new, hex(JOINER), hex(JOINER2), AdminFixture::withAdmin),
                new Case("addIndexer", AddIndexerOp::new, hex(JOINER), hex(JOINER2), AdminFixture::withAdmin),
                new Case("removeWriter", RemoveWriterOp::new, hex(JOINER), hex(JOINER2),
                        () -> AdminFixture.withAdmin().writer(JOINER).writer(JOINER2)),
                new Case("setAutoAddWriters", SetAutoAddWritersOp::new, "on", "off", AdminFixture::withAdmin),
                new Case("setChatStatus", SetChatStatusOp::new, "on", "off", AdminFixture::withAdmin))
                .map(Arguments::of);
    }

    private static OpResult.Applied applied(AdminFixture.Outcome outcome) {
        assertThat(outcome.result()).isInstanceOf(OpResult.Applied.class);
        return (OpResult.Applied) outcome.result();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theAdminsOpAppliesAndLeavesBothReplayMarkers(Case c) {
        AdminFixture fixture = c.state().get();
        ObjectNode op = msgOp(ADMIN, c.type(), c.key());
        AdminFixture.Outcome outcome = fixture.apply(c.handler().get(), op);
        applied(outcome);
        assertThat(outcome.writes().keySet()).containsAll(AdminFixture.markers(op, ADMIN));
        for (String marker : AdminFixture.markers(op, ADMIN)) {
            assertThat(fixture.view.get(marker)).contains("\"\"");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void anOpSignedByAnyoneButTheAdminIsRefused(Case c) {
        AdminFixture fixture = c.state().get();
        for (var signer : List.of(STRANGER, ADMIN2, BOOTSTRAP, JOINER)) {
            fixture.apply(c.handler().get(), msgOp(signer, c.type(), c.key())).assertRejected(NOT_SIGNED);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theInnerMsgMustRepeatTheKeyAndTheType(Case c) {
        AdminFixture fixture = c.state().get();
        ObjectNode op = msgOp(ADMIN, c.type(), c.key());
        fixture.apply(c.handler().get(), withMsgField(op, "key", c.otherKey())).assertRejected("value.msg.key must equal key");
        fixture.apply(c.handler().get(), withMsgField(op, "type", "addAdmin"))
                .assertRejected("value.msg.type must be " + c.type());
        // Signed consistently, but inner and outer disagree: still refused by the shape check.
        ObjectNode mismatched = AdminFixture.msgOp(ADMIN, c.type(), c.key());
        mismatched.put("key", c.otherKey());
        fixture.apply(c.handler().get(), mismatched).assertRejected("value.msg.key must equal key");
        ObjectNode noMsg = op.deepCopy();
        noMsg.set("value", noMsg.objectNode());
        fixture.apply(c.handler().get(), noMsg).assertRejected("value.msg.type must be " + c.type());
        ObjectNode keyAsNumber = op.deepCopy();
        ((ObjectNode) keyAsNumber.get("value").get("msg")).put("key", 1);
        fixture.apply(c.handler().get(), keyAsNumber).assertRejected("value.msg.key must equal key");
        // And the untouched op still applies afterwards: the refusals used nothing up.
        applied(fixture.apply(c.handler().get(), op));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theSameOpTwiceIsAReplay(Case c) {
        AdminFixture fixture = c.state().get();
        ObjectNode op = msgOp(ADMIN, c.type(), c.key());
        applied(fixture.apply(c.handler().get(), op));
        fixture.apply(c.handler().get(), op).assertRejected(REPLAYED);
        // The same signature in upper case is the same signature.
        ObjectNode upper = op.deepCopy().put("hash", op.get("hash").textValue().toUpperCase(Locale.ROOT));
        fixture.apply(c.handler().get(), upper).assertRejected(REPLAYED);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aNonceIsUsedOnceEvenUnderANewSignature(Case c) {
        // Fix of spec §9 item 12: the admin's nonce is tracked, not only the signature.
        AdminFixture fixture = c.state().get();
        String nonce = "ab".repeat(32);
        applied(fixture.apply(c.handler().get(), msgOpWithNonce(ADMIN, c.type(), c.key(), nonce)));
        ObjectNode sameNonce = msgOpWithNonce(ADMIN, c.type(), c.otherKey(), nonce);
        fixture.apply(c.handler().get(), sameNonce).assertRejected(REPLAYED);
        assertThat(fixture.view.get(ViewKeys.signatureUsed(sameNonce.get("hash").textValue()))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSignatureForAnotherSubnetIsRefused(Case c) {
        c.state().get().apply(c.handler().get(), msgOp(OTHER_SUBNET, ADMIN, c.type(), c.key())).assertRejected(NOT_SIGNED);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSignatureForAnotherOpTypeIsRefused(Case c) {
        // Fix of spec §9 item 2: the same {msg, nonce, hash} re-labelled as another type.
        AdminFixture fixture = c.state().get();
        for (String other : List.of("addWriter", "addIndexer", "removeWriter", "setAutoAddWriters", "setChatStatus")) {
            if (!other.equals(c.type())) {
                ObjectNode signedForOther = msgOp(ADMIN, other, c.key());
                fixture.apply(c.handler().get(), relabelled(signedForOther, c.type())).assertRejected(NOT_SIGNED);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void beforeAnyAdminExistsItIsRefusedWithoutThrowing(Case c) {
        AdminFixture fixture = new AdminFixture().writer(JOINER).writer(JOINER2);
        fixture.apply(c.handler().get(), msgOp(ADMIN, c.type(), c.key())).assertRejected(NO_ADMIN);
        fixture.apply(c.handler().get(), msgOp(BOOTSTRAP, c.type(), c.key())).assertRejected(NO_ADMIN);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void afterTheAdminWasWaivedItIsRefused(Case c) {
        AdminFixture fixture = c.state().get();
        fixture.apply(new UpdateAdminOp(), updateAdmin(ADMIN, null)).assertApplied("Changed admin " + hex(ADMIN) + " to null");
        fixture.apply(c.handler().get(), msgOp(ADMIN, c.type(), c.key())).assertRejected(NO_ADMIN);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theKeyMustBeAStringOf1To256Characters(Case c) {
        AdminFixture fixture = c.state().get();
        fixture.apply(c.handler().get(), msgOp(ADMIN, c.type(), "")).assertRejected(BAD_KEY);
        fixture.apply(c.handler().get(), msgOp(ADMIN, c.type(), "a".repeat(257))).assertRejected(BAD_KEY);
        ObjectNode noKey = msgOp(ADMIN, c.type(), c.key());
        noKey.remove("key");
        fixture.apply(c.handler().get(), noKey).assertRejected(BAD_KEY);
        ObjectNode numberKey = msgOp(ADMIN, c.type(), c.key());
        numberKey.put("key", 5);
        fixture.apply(c.handler().get(), numberKey).assertRejected(BAD_KEY);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void brokenSignaturesAndNoncesAreRefused(Case c) {
        AdminFixture fixture = c.state().get();
        ObjectNode op = msgOp(ADMIN, c.type(), c.key());
        for (String hash : List.of("", "zz", "00".repeat(64), op.get("hash").textValue().substring(2),
                op.get("hash").textValue() + "00")) {
            fixture.apply(c.handler().get(), op.deepCopy().put("hash", hash)).assertRejected(NOT_SIGNED);
        }
        fixture.apply(c.handler().get(), op.deepCopy().put("hash", 12)).assertRejected(NOT_SIGNED);
        ObjectNode noHash = op.deepCopy();
        noHash.remove("hash");
        fixture.apply(c.handler().get(), noHash).assertRejected(NOT_SIGNED);
        ObjectNode noNonce = op.deepCopy();
        noNonce.remove("nonce");
        fixture.apply(c.handler().get(), noNonce).assertRejected(NOT_SIGNED);
        fixture.apply(c.handler().get(), op.deepCopy().put("nonce", 7)).assertRejected(NOT_SIGNED);
        fixture.apply(c.handler().get(), op.deepCopy().put("nonce", "other")).assertRejected(NOT_SIGNED);
        // A correct signature over an empty or over-long nonce.
        fixture.apply(c.handler().get(), msgOpWithNonce(ADMIN, c.type(), c.key(), "")).assertRejected(NOT_SIGNED);
        fixture.apply(c.handler().get(), msgOpWithNonce(ADMIN, c.type(), c.key(), "n".repeat(257))).assertRejected(NOT_SIGNED);
        applied(fixture.apply(c.handler().get(), msgOpWithNonce(ADMIN, c.type(), c.key(), "n".repeat(256))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void malformedOpsAreRefusedNeverThrown(Case c) {
        String type = c.type();
        List<String> malformed = List.of("{\"type\":\"" + type + "\"}",
                "{\"type\":\"" + type + "\",\"key\":\"on\"}",
                "{\"type\":\"" + type + "\",\"key\":\"on\",\"value\":[]}",
                "{\"type\":\"" + type + "\",\"key\":\"on\",\"value\":null}",
                "{\"type\":\"" + type + "\",\"key\":\"on\",\"value\":{\"msg\":\"x\"}}",
                "{\"type\":\"" + type + "\",\"key\":\"on\",\"value\":{\"msg\":{\"type\":\"" + type + "\",\"key\":\"on\"}}}",
                "{\"type\":\"" + type + "\",\"key\":\"on\",\"value\":{\"msg\":{\"type\":\"" + type
                        + "\",\"key\":\"on\"}},\"hash\":null,\"nonce\":null}",
                "{\"type\":\"" + type + "\",\"key\":\"on\",\"value\":{\"msg\":{\"type\":\"" + type
                        + "\",\"key\":\"on\"}},\"hash\":{},\"nonce\":[]}");
        for (AdminFixture state : List.of(new AdminFixture(), c.state().get(), new AdminFixture().waivedAdmin())) {
            for (String text : malformed) {
                AdminFixture.Outcome outcome = state.apply(c.handler().get(), parse(text));
                assertThat(outcome.result()).as(text).isInstanceOf(OpResult.Rejected.class);
                assertThat(outcome.after()).isEqualTo(outcome.before());
            }
        }
    }

    @Test
    void aSetChatStatusOpRelabelledSetAutoAddWritersIsRefused() {
        // The spec's §9 item 2 example: in the original the signature covered only {type, key} of msg and
        // the nonce, so rewriting both types turned "chat on" into "auto-add writers on".
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode chatOn = msgOp(ADMIN, "setChatStatus", "on");
        fixture.apply(new SetAutoAddWritersOp(), relabelled(chatOn, "setAutoAddWriters")).assertRejected(NOT_SIGNED);
        assertThat(fixture.view.get(ViewKeys.AUTO_ADD_WRITERS)).isEmpty();
        // Neither before nor after the original was applied.
        fixture.apply(new SetChatStatusOp(), chatOn).assertApplied("Set chat_status: on");
        fixture.apply(new SetAutoAddWritersOp(), relabelled(chatOn, "setAutoAddWriters")).assertRejected(NOT_SIGNED);
        assertThat(fixture.view.get(ViewKeys.AUTO_ADD_WRITERS)).isEmpty();
    }
}
