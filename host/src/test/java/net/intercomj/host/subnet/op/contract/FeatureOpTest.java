package net.intercomj.host.subnet.op.contract;

import static net.intercomj.host.subnet.op.contract.ContractFixture.ADMIN;
import static net.intercomj.host.subnet.op.contract.ContractFixture.OTHER_SUBNET;
import static net.intercomj.host.subnet.op.contract.ContractFixture.STRANGER;
import static net.intercomj.host.subnet.op.contract.ContractFixture.SUBNET;
import static net.intercomj.host.subnet.op.contract.ContractFixture.WRITER;
import static net.intercomj.host.subnet.op.contract.ContractFixture.hex;
import static net.intercomj.host.subnet.op.contract.ContractFixture.quoted;
import static net.intercomj.host.subnet.op.contract.ContractFixture.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.contract.ContractFixture.FakeContract;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@code feature}: admin-signed data handed to the contract's feature handler (spec §1.6, §2.5.19). */
class FeatureOpTest {

    private static final JsonNode NOW = JsonNodeFactory.instance.numberNode(1_700_000_000_000L);

    private final FakeContract contract = new FakeContract();
    private final FeatureOp handler = new FeatureOp(contract);

    /** The timer's feature op, as the original's {@code Feature.append('currentTime', value)} appends it. */
    private static ObjectNode timer(PeerWallet signer, JsonNode value) {
        return FeatureOp.sign(SUBNET, "timer", "currentTime", value, hex(signer), signer::sign);
    }

    /** The replay markers of a feature op signed by {@code signer}. */
    private static List<String> markers(JsonNode op, PeerWallet signer) {
        JsonNode dispatch = op.get("value").get("dispatch");
        return List.of(ViewKeys.signatureUsed(dispatch.get("hash").textValue()),
                ViewKeys.nonceUsed(hex(signer), dispatch.get("nonce").textValue()));
    }

    private static List<String> keys(JsonNode op, PeerWallet signer, String... more) {
        List<String> keys = new ArrayList<>(markers(op, signer));
        keys.addAll(List.of(more));
        return keys;
    }

    /** {@code op} with {@code value.dispatch.hash} replaced by {@code signer}'s signature over {@code signed}. */
    private static ObjectNode withHash(ObjectNode op, PeerWallet signer, byte[] signed) {
        return with(op, "value.dispatch.hash", quoted(HexFormat.of().formatHex(signer.sign(signed))));
    }

    private static String nonce(JsonNode op) {
        return op.get("value").get("dispatch").get("nonce").textValue();
    }

    // ---- applied

    @Test
    void theOpHasTheOriginalsShape() {
        ObjectNode op = timer(ADMIN, NOW);
        assertThat(op.get("type").textValue()).isEqualTo("feature");
        assertThat(op.get("key").textValue()).isEqualTo("timer_currentTime");
        JsonNode dispatch = op.get("value").get("dispatch");
        assertThat(dispatch.get("type").textValue()).isEqualTo("timer_feature");
        assertThat(dispatch.get("key").textValue()).isEqualTo("currentTime");
        assertThat(dispatch.get("value")).isEqualTo(NOW);
        assertThat(dispatch.get("address").textValue()).isEqualTo(hex(ADMIN));
        assertThat(dispatch.get("nonce").textValue()).matches("[0-9a-f]{64}");
        assertThat(dispatch.get("hash").textValue()).matches("[0-9a-f]{128}");
        assertThat(handler.type()).isEqualTo("feature");
        assertThat(handler.maxBytes()).isEqualTo(4096);
    }

    @Test
    void withNoContractTheAdminsFeatureIsAppliedWritingOnlyTheReplayMarkers() {
        ContractFixture fixture = ContractFixture.withAdmin();
        ObjectNode op = timer(ADMIN, NOW);
        fixture.apply(new FeatureOp(ContractCalls.NONE), op).assertApplied().assertWroteExactly(markers(op, ADMIN));
    }

    @Test
    void theHandlerGetsTheOpAndItsWritesLandInTheViewWithTheOp() {
        ContractFixture fixture = ContractFixture.withAdmin().seed("app/timer/count", "4");
        contract.onFeature = (op, context) -> {
            context.put("app/timer/now", op.get("value").get("dispatch").get("value"));
            context.put("app/timer/count", context.counter("app/timer/count") + 1);
        };
        ObjectNode op = timer(ADMIN, NOW);
        fixture.apply(handler, op).assertApplied()
                .assertWroteExactly(keys(op, ADMIN, "app/timer/now", "app/timer/count"));
        assertThat(contract.featureOps).containsExactly(op);
        assertThat(contract.featureOps.get(0)).isSameAs(op);
        assertThat(contract.contexts.get(0).subnet()).isEqualTo(SUBNET);
        assertThat(contract.contexts.get(0).writer()).isEqualTo(Bytes32.of(WRITER.publicKey()));
        assertThat(fixture.get("app/timer/now")).contains("1700000000000");
        assertThat(fixture.get("app/timer/count")).contains("5");
    }

    @Test
    void aNullValueIsAFeatureValueToo() {
        ContractFixture fixture = ContractFixture.withAdmin();
        ObjectNode op = timer(ADMIN, null);
        fixture.apply(handler, op).assertApplied();
        assertThat(contract.featureOps.get(0).get("value").get("dispatch").get("value").isNull()).isTrue();
    }

    @Test
    void aRejectedFeatureNeverReachesTheHandlerAndLeavesNothing() {
        ContractFixture fixture = ContractFixture.withAdmin();
        contract.onFeature = (op, context) -> context.put("app/x", "written");
        fixture.apply(handler, timer(STRANGER, NOW)).assertRejected("not signed by the admin");
        assertThat(contract.featureOps).isEmpty();
        assertThat(fixture.get("app/x")).isEmpty();
    }

    @Test
    void throughTheApplierAFailingHandlerRejectsTheOpAndItsWritesAreDropped() {
        ContractFixture fixture = ContractFixture.withAdmin();
        contract.onFeature = (op, context) -> {
            context.put("app/x", "written");
            throw new IllegalStateException("handler bug");
        };
        OpApplier applier = StandardOps.applier(SUBNET, contract, AcceptingProofs.ACCEPT);
        ObjectNode op = timer(ADMIN, NOW);
        OpResult result = fixture.apply(applier, CanonicalJson.write(op));
        assertThat(result).isInstanceOf(OpResult.Rejected.class);
        assertThat(((OpResult.Rejected) result).reason()).startsWith("feature failed:").contains("handler bug");
        assertThat(fixture.get("app/x")).isEmpty();
        for (String marker : markers(op, ADMIN)) {
            assertThat(fixture.get(marker)).as(marker).isEmpty();
        }
        // the same op once the handler works: applied, writes kept
        contract.onFeature = (o, context) -> context.put("app/x", "written");
        assertThat(fixture.apply(applier, CanonicalJson.write(op))).isEqualTo(OpResult.applied(null));
        assertThat(fixture.get("app/x")).contains("\"written\"");
    }

    @Test
    void aHandlerThatReportsAFailureRejectsTheOpKeepingNoneOfItsWritesNorTheMarkers() {
        ContractFixture fixture = ContractFixture.withAdmin();
        contract.onFeature = (op, context) -> context.put("app/x", "written");
        contract.featureFailure = Optional.of("bad reading");
        ObjectNode op = timer(ADMIN, NOW);
        fixture.apply(handler, op).assertRejected("the contract's feature handler failed: bad reading");
        assertThat(fixture.get("app/x")).isEmpty();
        for (String marker : markers(op, ADMIN)) {
            assertThat(fixture.get(marker)).as(marker).isEmpty();
        }
    }

    // ---- shape

    @Test
    void everyShapeCheckRejectsWithItsReason() {
        ContractFixture fixture = ContractFixture.withAdmin();
        ObjectNode valid = timer(ADMIN, NOW);
        String keyText = "must be a string of 1 to 256 characters";
        String[][] cases = {
            {"nonce", "\"x\"", "the op has an unexpected field nonce"},
            {"type", "\"tx\"", "type must be feature"},
            {"key", null, "key is missing"},
            {"key", "\"\"", "key " + keyText},
            {"key", "7", "key " + keyText},
            {"key", quoted("k".repeat(257)), "key " + keyText},
            {"value", null, "value is missing"},
            {"value", "[]", "value must be an object"},
            {"value.extra", "1", "value has an unexpected field extra"},
            {"value.dispatch", "\"x\"", "value.dispatch must be an object"},
            {"value.dispatch.type", null, "value.dispatch.type is missing"},
            {"value.dispatch.key", null, "value.dispatch.key is missing"},
            {"value.dispatch.hash", null, "value.dispatch.hash is missing"},
            {"value.dispatch.value", null, "value.dispatch.value is missing"},
            {"value.dispatch.nonce", null, "value.dispatch.nonce is missing"},
            {"value.dispatch.address", null, "value.dispatch.address is missing"},
            {"value.dispatch.extra", "1", "value.dispatch has an unexpected field extra"},
            {"value.dispatch.type", "\"\"", "value.dispatch.type " + keyText},
            {"value.dispatch.type", "5", "value.dispatch.type " + keyText},
            {"value.dispatch.type", quoted("t".repeat(249) + "_feature"), "value.dispatch.type " + keyText},
            {"value.dispatch.type", "\"timer\"", "value.dispatch.type must be <featureKey>_feature"},
            {"value.dispatch.type", "\"_feature\"", "value.dispatch.type must be <featureKey>_feature"},
            {"value.dispatch.type", "\"timer_feature_x\"", "value.dispatch.type must be <featureKey>_feature"},
            {"value.dispatch.key", "5", "value.dispatch.key must be a string"},
            {"value.dispatch.key", "null", "value.dispatch.key must be a string"},
            {"value.dispatch.key", "\"otherTime\"", "key must be <featureKey>_<value.dispatch.key>: timer_otherTime"},
            {"key", "\"clock_currentTime\"", "key must be <featureKey>_<value.dispatch.key>: timer_currentTime"},
            {"value.dispatch.hash", "\"00\"", "value.dispatch.hash must be a signature of 128 lowercase hex characters"},
            {"value.dispatch.hash", quoted("AB".repeat(64)),
                "value.dispatch.hash must be a signature of 128 lowercase hex characters"},
            {"value.dispatch.nonce", "\"\"", "value.dispatch.nonce " + keyText},
            {"value.dispatch.nonce", "5", "value.dispatch.nonce " + keyText},
            {"value.dispatch.nonce", quoted("n".repeat(257)), "value.dispatch.nonce " + keyText},
            {"value.dispatch.address", "\"abcd\"",
                "value.dispatch.address must be a public key of 64 lowercase hex characters"},
            {"value.dispatch.address", quoted(hex(ADMIN).toUpperCase()),
                "value.dispatch.address must be a public key of 64 lowercase hex characters"},
            {"value.dispatch.address", "null",
                "value.dispatch.address must be a public key of 64 lowercase hex characters"},
        };
        for (String[] c : cases) {
            ObjectNode op = with(valid, c[0], c[1]);
            assertThat(fixture.apply(handler, op).result()).as(c[0] + " = " + c[1]).isEqualTo(OpResult.rejected(c[2]));
        }
        assertThat(fixture.view.writes()).doesNotContainKeys(markers(valid, ADMIN).toArray(String[]::new));
        assertThat(contract.featureOps).isEmpty();
        fixture.apply(handler, valid).assertApplied();
    }

    @Test
    void aFeatureKeyWithUnderscoresAndAnEmptyKeyAreAccepted() {
        ContractFixture fixture = ContractFixture.withAdmin();
        fixture.apply(handler, FeatureOp.sign(SUBNET, "price_feed", "", NOW, hex(ADMIN), ADMIN::sign)).assertApplied();
        assertThat(contract.featureOps.get(0).get("key").textValue()).isEqualTo("price_feed_");
    }

    // ---- the admin's signature

    @Test
    void withoutAnAdminItIsRejected() {
        ContractFixture fixture = new ContractFixture();
        fixture.apply(handler, timer(ADMIN, NOW)).assertRejected("the subnet has no admin");
        fixture.seed(ViewKeys.ADMIN, "null");
        fixture.apply(handler, timer(ADMIN, NOW)).assertRejected("the subnet has no admin");
        assertThat(contract.featureOps).isEmpty();
    }

    @Test
    void anyoneElsesSignatureIsRejectedEvenWithTheAdminAsAddress() {
        ContractFixture fixture = ContractFixture.withAdmin();
        fixture.apply(handler, timer(STRANGER, NOW)).assertRejected("not signed by the admin");
        ObjectNode posing = FeatureOp.sign(SUBNET, "timer", "currentTime", NOW, hex(ADMIN), STRANGER::sign);
        fixture.apply(handler, posing).assertRejected("not signed by the admin");
        assertThat(contract.featureOps).isEmpty();
    }

    @Test
    void theAdminsSignatureForAnotherSubnetTypeOrNonceIsRejected() {
        ContractFixture fixture = ContractFixture.withAdmin();
        ObjectNode op = timer(ADMIN, NOW);
        fixture.apply(handler, FeatureOp.sign(OTHER_SUBNET, "timer", "currentTime", NOW, hex(ADMIN), ADMIN::sign))
                .assertRejected("not signed by the admin");
        for (String type : List.of("msg", "tx", "setChatStatus")) {
            byte[] signed = OpSignature.signedBytes(SUBNET, type, nonce(op), FeatureOp.signedValue(op));
            fixture.apply(handler, withHash(op, ADMIN, signed)).assertRejected("not signed by the admin");
        }
        ObjectNode otherNonce = with(op, "value.dispatch.nonce", quoted("f".repeat(64)));
        fixture.apply(handler, otherNonce).assertRejected("not signed by the admin");
        assertThat(contract.featureOps).isEmpty();
        fixture.apply(handler, op).assertApplied();
    }

    @Test
    void theOriginalsSignatureOverValueAndNonceIsNotEnough() {
        ContractFixture fixture = ContractFixture.withAdmin();
        ObjectNode op = timer(ADMIN, NOW);
        byte[] original = (CanonicalJson.write(NOW) + nonce(op)).getBytes(StandardCharsets.UTF_8);
        fixture.apply(handler, withHash(op, ADMIN, original)).assertRejected("not signed by the admin");
        assertThat(contract.featureOps).isEmpty();
    }

    @Test
    void theAdminsValueCannotBeRewrappedUnderAnotherKeyTypeOrAddress() {
        // spec §9 item 3: the original signed only value and nonce
        ContractFixture fixture = ContractFixture.withAdmin();
        ObjectNode op = timer(ADMIN, NOW);
        ObjectNode otherKey = with(with(op, "value.dispatch.key", "\"deadline\""), "key", "\"timer_deadline\"");
        ObjectNode otherFeature = with(with(op, "value.dispatch.type", "\"clock_feature\""), "key",
                "\"clock_currentTime\"");
        ObjectNode otherAddress = with(op, "value.dispatch.address", quoted(hex(STRANGER)));
        ObjectNode otherValue = with(op, "value.dispatch.value", "1");
        for (ObjectNode rewrapped : List.of(otherKey, otherFeature, otherAddress, otherValue)) {
            fixture.apply(handler, rewrapped).assertRejected("not signed by the admin");
        }
        assertThat(contract.featureOps).isEmpty();
    }

    // ---- replays

    @Test
    void theSameOpTwiceIsRejectedTheSecondTime() {
        ContractFixture fixture = ContractFixture.withAdmin();
        ObjectNode op = timer(ADMIN, NOW);
        fixture.apply(handler, op).assertApplied();
        fixture.apply(handler, op).assertRejected("signature or nonce already used").assertWroteExactly(List.of());
        assertThat(contract.featureOps).hasSize(1);
    }

    @Test
    void aNewSignatureOverAReusedNonceIsRejected() {
        ContractFixture fixture = ContractFixture.withAdmin();
        ObjectNode first = timer(ADMIN, NOW);
        fixture.apply(handler, first).assertApplied();
        ObjectNode second = FeatureOp.sign(SUBNET, "timer", "currentTime", JsonNodeFactory.instance.numberNode(1),
                hex(ADMIN), nonce(first), ADMIN::sign);
        fixture.apply(handler, second).assertRejected("signature or nonce already used");
        assertThat(contract.featureOps).hasSize(1);
    }

    // ---- size

    @Test
    void throughTheApplierAFeatureOfExactly4096BytesIsAppliedAndOneByteMoreIsRejected() {
        ContractFixture fixture = ContractFixture.withAdmin();
        OpApplier applier = StandardOps.applier(SUBNET, contract, AcceptingProofs.ACCEPT);
        int base = CanonicalJson.write(timer(ADMIN, JsonNodeFactory.instance.textNode(""))).length();
        ObjectNode over = timer(ADMIN, JsonNodeFactory.instance.textNode("x".repeat(4097 - base)));
        ObjectNode exact = timer(ADMIN, JsonNodeFactory.instance.textNode("x".repeat(4096 - base)));
        assertThat(CanonicalJson.write(over)).hasSize(4097);
        assertThat(CanonicalJson.write(exact)).hasSize(4096);
        assertThat(fixture.apply(applier, CanonicalJson.write(over)))
                .isEqualTo(OpResult.rejected("feature op of 4097 bytes is over its limit of 4096"));
        assertThat(contract.featureOps).isEmpty();
        assertThat(fixture.apply(applier, CanonicalJson.write(exact))).isEqualTo(OpResult.applied(null));
        assertThat(contract.featureOps).hasSize(1);
    }
}
