package net.intercomj.host.subnet.op.chat;

import static net.intercomj.host.subnet.op.chat.ChatFixture.ADMIN;
import static net.intercomj.host.subnet.op.chat.ChatFixture.ALICE;
import static net.intercomj.host.subnet.op.chat.ChatFixture.MOD;
import static net.intercomj.host.subnet.op.chat.ChatFixture.OTHER_SUBNET;
import static net.intercomj.host.subnet.op.chat.ChatFixture.dispatch;
import static net.intercomj.host.subnet.op.chat.ChatFixture.hex;
import static net.intercomj.host.subnet.op.chat.ChatFixture.keys;
import static net.intercomj.host.subnet.op.chat.ChatFixture.relabelled;
import static net.intercomj.host.subnet.op.chat.ChatFixture.signed;
import static net.intercomj.host.subnet.op.chat.ChatFixture.withField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four admin-only switches (spec §2.5.9 to §2.5.12): {@code enableTransactions},
 * {@code enableWhitelist}, {@code setWhitelistStatus} and {@code setMod}.
 */
class AdminOnlyOpsTest {

    /** One op: its handler, a valid dispatch, the key it writes with its value, its log line and bad field values. */
    record Case(OpHandler handler, Supplier<ObjectNode> dispatch, String key, String value, String logLine,
            List<String[]> badFields) {
        String type() {
            return handler.type();
        }

        @Override
        public String toString() {
            return type();
        }
    }

    private static final List<String[]> BAD_ADDRESS = List.of(new String[] {"address", "\"" + "AB".repeat(32) + "\""},
            new String[] {"address", "\"abcd\""}, new String[] {"address", "null"}, new String[] {"address", "7"});

    static Stream<Case> cases() {
        String alice = hex(ALICE);
        return Stream.of(
                new Case(new EnableTransactionsOp(),
                        () -> dispatch("enableTransactions").put("enabled", false).put("address", hex(ADMIN)),
                        ViewKeys.TRANSACTIONS_ENABLED, "false", "Changed transactions enabled false",
                        List.of(new String[] {"enabled", "\"false\""}, new String[] {"enabled", "0"},
                                new String[] {"enabled", "null"})),
                new Case(new EnableWhitelistOp(),
                        () -> dispatch("enableWhitelist").put("enabled", true).put("address", hex(ADMIN)),
                        ViewKeys.WHITELIST_ENABLED, "true", "Changed whitelist enabled true",
                        List.of(new String[] {"enabled", "\"true\""}, new String[] {"enabled", "1"},
                                new String[] {"enabled", "[]"})),
                new Case(new SetWhitelistStatusOp(),
                        () -> dispatch("setWhitelistStatus").put("user", alice).put("status", true)
                                .put("address", hex(ADMIN)),
                        ViewKeys.whitelisted(alice), "true", "Changed whitelist status " + alice + " to true",
                        List.of(new String[] {"status", "\"yes\""}, new String[] {"user", "\"" + alice.toUpperCase() + "\""},
                                new String[] {"user", "\"" + alice.substring(2) + "\""}, new String[] {"user", "{}"})),
                new Case(new SetModOp(),
                        () -> dispatch("setMod").put("user", alice).put("mod", true).put("address", hex(ADMIN)),
                        ViewKeys.mod(alice), "true", "Changed mod status " + alice + " to true",
                        List.of(new String[] {"mod", "1"}, new String[] {"mod", "\"true\""},
                                new String[] {"user", "\"alice\""})));
    }

    private static ObjectNode op(Case c, PeerWallet signer) {
        return signed(c.type(), signer, c.dispatch().get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theAdminsOpWritesExactlyItsKeyAndTheReplayMarkers(Case c) {
        ChatFixture fixture = ChatFixture.standard();
        ObjectNode op = op(c, ADMIN);
        fixture.apply(c.handler(), op).assertApplied(c.logLine()).assertWroteExactly(keys(op, ADMIN, c.key()));
        assertThat(fixture.view.get(c.key())).contains(c.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aModeratorOrUserCannotDoIt(Case c) {
        ChatFixture fixture = ChatFixture.standard();
        fixture.apply(c.handler(), op(c, MOD)).assertRejected("not signed by the admin");
        fixture.apply(c.handler(), signed(c.type(), ALICE, c.dispatch().get())).assertRejected("not signed by the admin");
        assertThat(fixture.view.get(c.key())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withoutAnAdminItIsRejectedNotThrown(Case c) {
        ChatFixture fixture = new ChatFixture().chatOn();
        fixture.apply(c.handler(), op(c, ADMIN)).assertRejected("the subnet has no admin");
        fixture.seed(ViewKeys.ADMIN, "null");
        fixture.apply(c.handler(), op(c, ADMIN)).assertRejected("the subnet has no admin");
        assertThat(fixture.view.get(c.key())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theSameOpAppliedTwiceIsRejectedTheSecondTime(Case c) {
        ChatFixture fixture = ChatFixture.standard();
        ObjectNode op = op(c, ADMIN);
        fixture.apply(c.handler(), op).assertApplied();
        fixture.apply(c.handler(), op).assertRejected("already used").assertWroteExactly(List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aSignatureForAnotherSubnetOrAnotherOpTypeIsRejected(Case c) {
        ChatFixture fixture = ChatFixture.standard();
        fixture.apply(c.handler(), signed(OTHER_SUBNET, c.type(), ADMIN, c.dispatch().get()))
                .assertRejected("not signed by the admin");
        // the admin's signature over this very value, made for another op type
        fixture.apply(c.handler(), relabelled(signed("setChatStatus", ADMIN, c.dispatch().get()), c.type()))
                .assertRejected("not signed by the admin");
        assertThat(fixture.view.get(c.key())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badFieldsAreRejectedWithTheFieldNamed(Case c) {
        ChatFixture fixture = ChatFixture.standard();
        ObjectNode valid = op(c, ADMIN);
        for (String[] bad : Stream.concat(c.badFields().stream(), BAD_ADDRESS.stream()).toList()) {
            fixture.apply(c.handler(), withField(valid, bad[0], bad[1])).assertRejected("value.dispatch." + bad[0]);
        }
        ObjectNode missing = valid.deepCopy();
        ((ObjectNode) missing.get("value").get("dispatch")).remove("address");
        fixture.apply(c.handler(), missing).assertRejected("value.dispatch.address is missing");
        fixture.apply(c.handler(), withField(valid, "extra", "1")).assertRejected("unexpected field extra");
        fixture.apply(c.handler(), withField(valid, "type", "\"other\"")).assertRejected("value.dispatch.type must be");
        ObjectNode extraTop = valid.deepCopy().put("key", "x");
        fixture.apply(c.handler(), extraTop).assertRejected("unexpected field key");
        fixture.apply(c.handler(), valid.deepCopy().put("nonce", "")).assertRejected("nonce must be");
        fixture.apply(c.handler(), valid.deepCopy().put("hash", "00")).assertRejected("hash must be");
        assertThat(fixture.view.get(c.key())).isEmpty();
        fixture.apply(c.handler(), valid).assertApplied();
    }

    // ---- spec §9 item 2: same dispatch shape, other op type

    @Test
    void anEnableWhitelistPayloadRelabelledAsEnableTransactionsIsRejected() {
        ChatFixture fixture = ChatFixture.standard();
        ObjectNode whitelistOff = signed("enableWhitelist", ADMIN,
                dispatch("enableWhitelist").put("enabled", false).put("address", hex(ADMIN)));
        fixture.apply(new EnableTransactionsOp(), relabelled(whitelistOff, "enableTransactions"))
                .assertRejected("value.dispatch.type must be enableTransactions");
        // the dispatch re-typed as well: the signature no longer matches
        ObjectNode retyped = withField(relabelled(whitelistOff, "enableTransactions"), "type", "\"enableTransactions\"");
        fixture.apply(new EnableTransactionsOp(), retyped).assertRejected("not signed by the admin");
        assertThat(fixture.view.get(ViewKeys.TRANSACTIONS_ENABLED)).isEmpty();
        // the original still applies afterwards
        fixture.apply(new EnableWhitelistOp(), whitelistOff).assertApplied("Changed whitelist enabled false");
    }

    @Test
    void anEnableTransactionsOpWhoseDispatchNamesEnableWhitelistIsRejectedEvenWhenSignedAsSuch() {
        ChatFixture fixture = ChatFixture.standard();
        ObjectNode op = signed("enableTransactions", ADMIN,
                dispatch("enableWhitelist").put("enabled", false).put("address", hex(ADMIN)));
        fixture.apply(new EnableTransactionsOp(), op).assertRejected("value.dispatch.type must be enableTransactions");
    }

    @Test
    void theAdminAddressFieldIsInformational() {
        ChatFixture fixture = ChatFixture.standard();
        ObjectNode op = signed("enableTransactions", ADMIN,
                dispatch("enableTransactions").put("enabled", true).put("address", hex(ALICE)));
        fixture.apply(new EnableTransactionsOp(), op).assertApplied("Changed transactions enabled true");
        assertThat(fixture.view.get(ViewKeys.TRANSACTIONS_ENABLED)).contains("true");
    }
}
