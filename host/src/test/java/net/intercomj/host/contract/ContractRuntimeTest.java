package net.intercomj.host.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractCall;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.ContractFailure;
import net.intercomj.api.contract.OpKind;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** The Java contract runtime: dispatch by type, the call's context, failures, the chat hook and feature handlers. */
class ContractRuntimeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Bytes32 SUBNET = Bytes32.fromHex("a1".repeat(32));
    private static final PeerWallet WRITER = PeerWallet.generate();
    private static final String ALICE = "ab".repeat(32);
    private static final String VALIDATOR = "cd".repeat(32);
    private static final String HASH = "ef".repeat(32);

    private final Map<String, String> stored = new HashMap<>();
    private final ViewOverlay view = new ViewOverlay(key -> Optional.ofNullable(stored.get(key)));
    private final List<ContractCall> calls = new ArrayList<>();

    private OpContext context() {
        LogEntry entry = LogEntry.append(SUBNET, Bytes32.of(WRITER.publicKey()), null, List.of(), 0, "{}",
                WRITER::sign);
        return new OpContext(SUBNET, entry, view);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static JsonNode tx(String type, String valueJson) {
        return json("{'type':'tx','key':'" + HASH + "','value':{'msbsl':1,'dispatch':{'type':'" + type
                + "','value':" + valueJson + "},'ipk':'" + ALICE + "','wp':'" + VALIDATOR + "'}}");
    }

    private static JsonNode feature(String type, String valueJson) {
        return json("{'type':'feature','key':'timer_now','value':{'dispatch':{'type':'" + type
                + "','key':'now','hash':'00','value':" + valueJson + ",'nonce':'n1','address':'" + ALICE + "'}}}");
    }

    private static JsonNode message(String text) {
        return json("{'type':'msg','value':{'dispatch':{'type':'msg','msg':'" + text + "','address':'" + ALICE
                + "','attachments':[],'deleted_by':null,'reply_to':null,'pinned':false,'pin_id':null}},"
                + "'hash':'00','nonce':'n1'}");
    }

    private ContractRuntime runtime(ContractApp app) {
        return ContractRuntime.of(app);
    }

    private static final JsonObject SET_SCHEMA = Json.object()
            .put("value", Json.object().put("$$type", "object").put("key", "string").put("n", "number").build())
            .build();

    /** A small app: {@code set} (schema-checked), {@code fail}, {@code boom}, {@code forge}, a feature and a chat hook. */
    private ContractApp app() {
        return new ContractApp() {
            @Override
            public void define(ContractDefinition contract) {
                contract.addSchema("set", SET_SCHEMA, call -> {
                    calls.add(call);
                    JsonObject value = call.value().asObject();
                    long before = call.get("app/t/count").map(Json::asLong).orElse(0L);
                    call.put("app/t/" + value.string("key"), value.get("n").orElseThrow());
                    call.put("app/t/count", Json.of(before + 1));
                    // reads see the call's own writes
                    call.check(call.get("app/t/count").orElseThrow().asLong() == before + 1, "read-your-writes");
                });
                contract.addFunction("fail", call -> {
                    call.put("app/t/partial", Json.of(true));
                    call.check(false, call.value().asString());
                });
                contract.addFunction("boom", call -> {
                    throw new IllegalStateException("boom");
                });
                contract.addFunction("forge", call -> call.put(call.value().asString(), Json.of("x")));
                contract.addFeature("timer_feature", call -> {
                    calls.add(call);
                    call.put("app/t/now", call.value());
                });
                contract.messageHandler(call -> {
                    calls.add(call);
                    call.check(!call.op().string("msg").contains("spam"), "no spam");
                    call.put("app/t/last", Json.of(call.op().string("msg")));
                });
            }
        };
    }

    @Test
    void aRegisteredFunctionRunsWithTheTransactionsContextAndWrites() {
        ContractRuntime runtime = runtime(app());
        OpContext context = context();
        assertThat(runtime.tx(tx("set", "{'key':'a','n':5}"), context)).isEqualTo(TxOutcome.ok());
        assertThat(context.get("app/t/a")).contains(json("5"));
        assertThat(context.get("app/t/count")).contains(json("1"));
        ContractCall call = calls.getFirst();
        assertThat(call.kind()).isEqualTo(OpKind.TX);
        assertThat(call.address()).isEqualTo(ALICE);
        assertThat(call.validatorAddress()).contains(VALIDATOR);
        assertThat(call.tx()).contains(HASH);
        assertThat(call.op()).isEqualTo(Json.parse("{\"type\":\"set\",\"value\":{\"key\":\"a\",\"n\":5}}"));
    }

    @Test
    void everyCallGetsAContextOfItsOwn() {
        ContractRuntime runtime = runtime(app());
        runtime.tx(tx("set", "{'key':'a','n':1}"), context());
        runtime.tx(tx("set", "{'key':'b','n':2}"), context());
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).isNotSameAs(calls.get(1));
        assertThat(calls.get(0).value().asObject().string("key")).isEqualTo("a");
    }

    @Test
    void typesTheContractDoesNotRunAsTransactionsAreNotIndexed() {
        ContractRuntime runtime = runtime(app());
        assertThat(runtime.tx(tx("nope", "null"), context()))
                .isEqualTo(TxOutcome.notIndexed(ContractRuntime.UNKNOWN_TYPE));
        assertThat(runtime.tx(tx("timer_feature", "1"), context()))
                .isEqualTo(TxOutcome.notIndexed(ContractRuntime.UNKNOWN_TYPE));
    }

    @Test
    void aDispatchFailingItsSchemaIsNotIndexedAndTheFunctionNeverRuns() {
        ContractRuntime runtime = runtime(app());
        TxOutcome outcome = runtime.tx(tx("set", "{'key':'a','n':'5'}"), context());
        assertThat(outcome).isInstanceOf(TxOutcome.NotIndexed.class);
        assertThat(((TxOutcome.NotIndexed) outcome).reason()).startsWith("Invalid schema.").contains("value.n");
        assertThat(calls).isEmpty();
    }

    @Test
    void aCheckThatFailsIndexesTheMessageAsTheError() {
        OpContext context = context();
        assertThat(runtime(app()).tx(tx("fail", "'not enough funds'"), context))
                .isEqualTo(TxOutcome.failed("not enough funds"));
    }

    @Test
    void anIntegerFailureMessageIsIndexedAsANumberAsTheOriginalDid() {
        assertThat(runtime(app()).tx(tx("fail", "'42'"), context())).isEqualTo(TxOutcome.failed(42));
        assertThat(runtime(app()).tx(tx("fail", "'-7'"), context())).isEqualTo(TxOutcome.failed(-7));
        assertThat(runtime(app()).tx(tx("fail", "'4 2'"), context())).isEqualTo(TxOutcome.failed("4 2"));
    }

    @Test
    void anExceptionFailsTheTransactionInsteadOfStoppingTheSubnet() {
        assertThat(runtime(app()).tx(tx("boom", "null"), context()))
                .isEqualTo(TxOutcome.failed("Error in contract: java.lang.IllegalStateException: boom"));
    }

    @Test
    void writingAReservedKeyFailsWithTheOriginalsMessage() {
        // msg/ and umsgl/ were writable in the original (spec §9 item 8)
        for (String key : List.of("msg/0", "umsgl/" + ALICE, "admin", "sh/00", "wri/" + ALICE, "txl")) {
            assertThat(runtime(app()).tx(tx("forge", "'" + key + "'"), context()))
                    .as(key).isEqualTo(TxOutcome.failed("put(key,value): " + key + "is reserved"));
        }
        assertThat(runtime(app()).tx(tx("forge", "'app/x/msg/0'"), context())).isEqualTo(TxOutcome.ok());
    }

    @Test
    void aFeatureHandlerGetsTheFeaturesValueAndAddress() {
        OpContext context = context();
        assertThat(runtime(app()).feature(feature("timer_feature", "1700000000000"), context)).isEmpty();
        assertThat(context.get("app/t/now")).contains(json("1700000000000"));
        ContractCall call = calls.getFirst();
        assertThat(call.kind()).isEqualTo(OpKind.FEATURE);
        assertThat(call.address()).isEqualTo(ALICE);
        assertThat(call.validatorAddress()).isEmpty();
        assertThat(call.tx()).isEmpty();
        assertThat(call.op().string("key")).isEqualTo("now");
    }

    @Test
    void aFeatureWithoutAHandlerDoesNothingAndAFunctionIsNoFeatureHandler() {
        OpContext context = context();
        assertThat(runtime(app()).feature(feature("other_feature", "1"), context)).isEmpty();
        assertThat(runtime(app()).feature(feature("set", "1"), context)).isEmpty();
        assertThat(calls).isEmpty();
    }

    @Test
    void aFailingFeatureHandlerReportsWhy() {
        ContractRuntime runtime = runtime(contract -> contract.addFeature("timer_feature", call -> {
            throw new ContractFailure("stale reading");
        }));
        assertThat(runtime.feature(feature("timer_feature", "1"), context())).contains("stale reading");
    }

    @Test
    void theChatHookSeesTheMessageAndMayRefuseIt() {
        ContractRuntime runtime = runtime(app());
        OpContext context = context();
        assertThat(runtime.message(message("hello"), context)).isEmpty();
        assertThat(context.get("app/t/last")).contains(json("'hello'"));
        ContractCall call = calls.getFirst();
        assertThat(call.kind()).isEqualTo(OpKind.MESSAGE);
        assertThat(call.address()).isEqualTo(ALICE);
        assertThat(call.value()).isEqualTo(Json.NULL);
        assertThat(runtime.message(message("buy spam"), context())).contains("no spam");
    }

    @Test
    void withoutAChatHookEveryMessagePasses() {
        ContractRuntime runtime = runtime(contract -> contract.addFunction("f", call -> { }));
        assertThat(runtime.message(message("hello"), context())).isEmpty();
    }
}
