package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.contract.AppVersion;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The distribution's sample app ({@code dist/src/main/dist/apps/sample}) against the same contract
 * written in Java: the same ops give the same outcomes and the same writes.
 */
@Timeout(120)
class JsSampleAppTest {

    static final Path SAMPLE = Path.of("..", "dist", "src", "main", "dist", "apps", "sample");

    private static JsApp sample;

    @BeforeAll
    static void load() {
        assertThat(SAMPLE.resolve("contract.js")).exists();
        sample = JsApp.load(SAMPLE);
    }

    @AfterAll
    static void close() {
        sample.close();
    }

    /** The sample contract, in Java. */
    static final class JavaSample implements ContractApp {

        private static final String KEY = "app/sample/";

        @Override
        public void define(ContractDefinition contract) {
            contract.addFunction("bump", call -> {
                String key = KEY + "bumps/" + call.address();
                long count = call.get(key).map(Json::asLong).orElse(0L);
                call.check(count < 3, "429");
                call.put(key, Json.of(count + 1));
            });
            contract.addSchema("note", schema("title", Json.object().put("type", "string").put("min", 1).put("max", 64)
                    .build(), "text", Json.object().put("type", "string").put("max", 2000).build()), call -> {
                        JsonObject note = call.value().asObject().with("by", Json.of(call.address()))
                                .with("at", call.get(KEY + "currentTime").orElse(Json.NULL));
                        call.put(KEY + "notes/" + call.value().asObject().string("title"), note);
                    });
            contract.addSchema("spend", schema("amount", Json.object().put("type", "number").put("integer", true)
                    .put("positive", true).build()), call -> {
                        String key = KEY + "balance/" + call.address();
                        long balance = call.get(key).map(Json::asLong).orElse(100L);
                        long amount = call.value().asObject().integer("amount");
                        call.check(amount <= balance, "insufficient balance");
                        call.put(key, Json.of(balance - amount));
                    });
            contract.addFunction("forge", call -> call.put("msg/0",
                    Json.object().put("msg", "forged").put("address", call.address()).build()));
            contract.addFeature("timer_feature", call -> {
                if (!call.op().string("key").equals("currentTime")) {
                    return;
                }
                call.check(call.value() instanceof net.intercomj.api.json.JsonNumber n && n.isIntegral()
                        && n.value().abs().compareTo(java.math.BigDecimal.valueOf(9007199254740991L)) <= 0,
                        "currentTime is a whole number of milliseconds");
                call.put(KEY + "currentTime", call.value());
            });
            contract.messageHandler(call -> {
                String msg = call.op().string("msg");
                call.check(!msg.toLowerCase().contains("spam"), "no spam here");
                call.put(KEY + "lastMessage", Json.object().put("msg", msg).put("address", call.address())
                        .put("at", call.get(KEY + "currentTime").orElse(Json.NULL)).build());
            });
        }

        private static JsonObject schema(Object... namesAndRules) {
            JsonObject.Builder value = Json.object().put("$$type", "object").put("$$strict", true);
            for (int i = 0; i < namesAndRules.length; i += 2) {
                value.put((String) namesAndRules[i], (Json) namesAndRules[i + 1]);
            }
            return Json.object().put("value", value.build()).build();
        }
    }

    /** The same ops on both; returns the JavaScript app's subnet after asserting they agree. */
    private static JsSubnet both(Consumer<JsSubnet> ops) {
        JsSubnet js = new JsSubnet(ContractRuntime.of(sample));
        JsSubnet java = new JsSubnet(ContractRuntime.of(new JavaSample()));
        ops.accept(js);
        ops.accept(java);
        assertThat(js.outcomes()).isEqualTo(java.outcomes());
        assertThat(js.writes()).isEqualTo(java.writes());
        return js;
    }

    @Test
    void functionsRunAndWriteAsTheJavaContractDoes() {
        JsSubnet js = both(subnet -> {
            assertThat(subnet.tx("bump", "null")).isEqualTo(TxOutcome.ok());
            assertThat(subnet.tx("bump", "null")).isEqualTo(TxOutcome.ok());
            assertThat(subnet.tx(JsSubnet.BOB, "bump", "{\"any\":1}")).isEqualTo(TxOutcome.ok());
            assertThat(subnet.tx("spend", "{\"amount\":30}")).isEqualTo(TxOutcome.ok());
            assertThat(subnet.tx("spend", "{\"amount\":70}")).isEqualTo(TxOutcome.ok());
        });
        assertThat(js.get("app/sample/bumps/" + JsSubnet.ALICE)).contains("2");
        assertThat(js.get("app/sample/bumps/" + JsSubnet.BOB)).contains("1");
        assertThat(js.get("app/sample/balance/" + JsSubnet.ALICE)).contains("0");
    }

    @Test
    void aSchemaRejectsWhatItDoesNotDescribeAndTheTxIsNotIndexed() {
        JsSubnet js = both(subnet -> {
            assertThat(subnet.tx("note", "{\"title\":\"a\",\"text\":\"b\"}")).isEqualTo(TxOutcome.ok());
            // $$strict: an unlisted property
            assertThat(subnet.tx("note", "{\"title\":\"a\",\"text\":\"b\",\"extra\":1}"))
                    .isInstanceOfSatisfying(TxOutcome.NotIndexed.class,
                            n -> assertThat(n.reason()).startsWith("Invalid schema."));
            assertThat(subnet.tx("note", "{\"title\":\"\",\"text\":\"b\"}")).isInstanceOf(TxOutcome.NotIndexed.class);
            assertThat(subnet.tx("spend", "{\"amount\":1.5}")).isInstanceOf(TxOutcome.NotIndexed.class);
            assertThat(subnet.tx("spend", "{\"amount\":\"5\"}")).isInstanceOf(TxOutcome.NotIndexed.class);
        });
        assertThat(js.get("app/sample/notes/a"))
                .contains("{\"at\":null,\"by\":\"" + JsSubnet.ALICE + "\",\"text\":\"b\",\"title\":\"a\"}");
    }

    @Test
    void unknownTypesAndFeatureTypesAreNotIndexed() {
        both(subnet -> {
            assertThat(subnet.tx("nope", "null")).isEqualTo(new TxOutcome.NotIndexed(ContractRuntime.UNKNOWN_TYPE));
            assertThat(subnet.tx("timer_feature", "1")).isEqualTo(new TxOutcome.NotIndexed(ContractRuntime.UNKNOWN_TYPE));
            // a method of the base class is no operation either
            assertThat(subnet.tx("put", "null")).isEqualTo(new TxOutcome.NotIndexed(ContractRuntime.UNKNOWN_TYPE));
        });
    }

    @Test
    void aFailedAssertionIndexesItsMessageOrItsNumberAndDropsTheWrites() {
        JsSubnet js = both(subnet -> {
            assertThat(subnet.tx("spend", "{\"amount\":150}")).isEqualTo(TxOutcome.failed("insufficient balance"));
            for (int i = 0; i < 3; i++) {
                assertThat(subnet.tx("bump", "null")).isEqualTo(TxOutcome.ok());
            }
            assertThat(subnet.tx("bump", "null")).isEqualTo(TxOutcome.failed(429));
        });
        assertThat(js.get("app/sample/balance/" + JsSubnet.ALICE)).isEmpty();
        assertThat(js.get("app/sample/bumps/" + JsSubnet.ALICE)).contains("3");
    }

    @Test
    void writingAReservedKeyFailsWithTheOriginalsMessage() {
        JsSubnet js = both(subnet -> assertThat(subnet.tx("forge", "null"))
                .isEqualTo(TxOutcome.failed("put(key,value): msg/0is reserved")));
        assertThat(js.writes()).isEmpty();
    }

    @Test
    void featureDataIsStoredAndUsedByLaterOps() {
        JsSubnet js = both(subnet -> {
            assertThat(subnet.feature("timer_feature", "currentTime", "1700000000000")).isEmpty();
            assertThat(subnet.feature("timer_feature", "other", "1")).isEmpty();
            assertThat(subnet.feature("timer_feature", "currentTime", "\"soon\""))
                    .contains("currentTime is a whole number of milliseconds");
            assertThat(subnet.feature("other_feature", "currentTime", "5")).isEmpty();
            assertThat(subnet.tx("note", "{\"title\":\"t\",\"text\":\"x\"}")).isEqualTo(TxOutcome.ok());
        });
        assertThat(js.get("app/sample/currentTime")).contains("1700000000000");
        assertThat(js.get("app/sample/notes/t")).hasValueSatisfying(v -> assertThat(v).startsWith("{\"at\":1700000000000,"));
    }

    @Test
    void theChatHookAcceptsAndRefusesMessages() {
        JsSubnet js = both(subnet -> {
            assertThat(subnet.feature("timer_feature", "currentTime", "42")).isEmpty();
            assertThat(subnet.message("hello")).isEmpty();
            assertThat(subnet.message(JsSubnet.BOB, "cheap SPAM here")).contains("no spam here");
        });
        assertThat(js.get("app/sample/lastMessage"))
                .contains("{\"address\":\"" + JsSubnet.ALICE + "\",\"at\":42,\"msg\":\"hello\"}");
    }

    @Test
    void theProtocolMapsCommandsToOperations() {
        assertThat(sample.mapTxCommand("bump")).contains(new TxCommand("bump", Json.NULL));
        assertThat(sample.mapTxCommand(" note shopping milk and eggs ")).contains(new TxCommand("note",
                Json.object().put("title", "shopping").put("text", "milk and eggs").build()));
        assertThat(sample.mapTxCommand("spend 5")).contains(new TxCommand("spend", Json.object().put("amount", 5).build()));
        assertThat(sample.mapTxCommand("{\"type\":\"spend\",\"value\":{\"amount\":2}}"))
                .contains(new TxCommand("spend", Json.object().put("amount", 2).build()));
        assertThat(sample.mapTxCommand("dance")).isEmpty();
        assertThat(sample.mapTxCommand("{not json")).isEmpty();
        java.util.List<String> printed = new java.util.ArrayList<>();
        assertThat(sample.customCommand("/sample --x 1", printed::add)).isEmpty();
        assertThat(printed).containsExactly("sample app, arguments: {\"x\":\"1\"}");
        printed.clear();
        assertThat(sample.customCommand("/other", printed::add)).isEmpty();
        assertThat(printed).isEmpty();
    }

    @Test
    void theVersionHashIsThatOfItsTwoFiles() throws Exception {
        assertThat(sample.id()).isEqualTo("sample");
        assertThat(sample.versionHash()).matches("[0-9a-f]{64}").isEqualTo(AppVersion.ofJsApp(SAMPLE));
        assertThat(Files.readString(SAMPLE.resolve("contract.js"))).contains("from 'trac-peer'");
        assertThat(Optional.of(sample.folder())).contains(SAMPLE);
    }
}
