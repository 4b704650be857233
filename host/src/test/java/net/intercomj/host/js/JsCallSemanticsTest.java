package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One call of a GraalJS contract: its fields, values crossing to JSON and back, and how each outcome maps. */
@Timeout(120)
class JsCallSemanticsTest {

    @TempDir
    static Path folder;

    private static JsApp app;
    private static ContractRuntime runtime;

    private static final String CONTRACT = """
            import { Contract } from 'trac-peer';
            export default class C extends Contract {
                constructor(protocol, options) {
                    super(protocol, options);
                    for (const f of ['values', 'readBack', 'bigint', 'undef', 'never', 'throwString', 'throwType',
                            'assertDefault', 'assertError', 'assertEqual', 'assertStrict', 'delReserved', 'delete',
                            'outside', 'slow', 'returnsFalse', 'returnsError', 'returnsOther', 'keys']) {
                        this.addFunction(f);
                    }
                    const contract = this;
                    this.addFeature('f_feature', async function () {
                        await contract.put('app/c/feature', { self: this === contract.features, fields: contract.fields() });
                    });
                    this.messageHandler(async function () {
                        await this.put('app/c/msg', { self: this === contract, fields: this.fields() });
                    });
                    this.get('app/c/x').catch(e => { this.initError = e.message; });
                }
                fields() {
                    return { op: this.op, value: this.value, address: this.address, validator: this.validator_address,
                        tx: this.tx, feature: this.isFeature(), message: this.isMessage(), storage: this.storage !== null };
                }
                async values() {
                    await this.put('app/c/values', { int: 42, neg: -7, dbl: 0.1, sum: 0.1 + 0.2, big: 1e21, negZero: -0,
                        nan: NaN, inf: Infinity, nested: [1, 'two', null, true, { a: [] }], fn: () => 1,
                        date: new Date(0), unicode: 'é\\u2028😀', typeOfIn: typeof this.value.n, inBig: this.value.big });
                }
                async readBack() {
                    const v = await this.get('app/c/values');
                    await this.put('app/c/readBack', [typeof v.int, Number.isInteger(v.int), v.sum, v.nested[4].a.length,
                        await this.get('app/c/none')]);
                }
                async bigint() { await this.put('app/c/x', 10n); }
                async undef() { await this.put('app/c/x', undefined); }
                async never() { await this.put('app/c/x', 1); await new Promise(() => {}); }
                async throwString() { throw 'plain'; }
                async throwType() { return this.value.no.such; }
                async assertDefault() { this.assert(0); }
                async assertError() { this.assert(false, new Error('given as an Error')); }
                async assertEqual() { this.assert.equal(1, '2'); }
                async assertStrict() { this.assert.strictEqual(1, '1', 42); }
                async delReserved() { await this.del('msg/0'); }
                async delete() { await this.put('app/c/gone', 1); await this.del('app/c/gone'); await this.del('app/c/kept'); }
                async outside() { await this.put('app/c/initError', this.initError); }
                async slow() {
                    const mine = this.value;
                    for (let i = 0; i < 3; i++) { await this.get('app/c/none'); }
                    this.assert(this.value === mine, 'another call changed my fields');
                    await this.put('app/c/slow/' + mine, this.tx);
                }
                async returnsFalse() { await this.put('app/c/x', 1); return false; }
                async returnsError() { return new RangeError('out of range'); }
                async returnsOther() { return { message: 'no stack, so no error' }; }
                async keys() { await this.put(42, 'numeric key'); }
            }
            """;

    @BeforeAll
    static void load() {
        app = JsApp.load(JsSubnet.app(folder.resolve("calls"), "contract.js", CONTRACT, "protocol.js",
                JsSubnet.PLAIN_PROTOCOL));
        runtime = ContractRuntime.of(app);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Test
    void theCallsFieldsAreSetForTheCallAndClearedAfterIt() {
        JsSubnet subnet = new JsSubnet(runtime);
        assertThat(subnet.feature("f_feature", "k", "{\"v\":1}")).isEmpty();
        assertThat(subnet.get("app/c/feature")).contains("{\"fields\":{\"address\":\"" + JsSubnet.ALICE
                + "\",\"feature\":true,\"message\":false,\"op\":{\"address\":\"" + JsSubnet.ALICE + "\",\"hash\":\"00\","
                + "\"key\":\"k\",\"nonce\":\"n1\",\"type\":\"f_feature\",\"value\":{\"v\":1}},\"storage\":true,\"tx\":null,"
                + "\"validator\":null,\"value\":{\"v\":1}},\"self\":true}");
        assertThat(subnet.message(JsSubnet.BOB, "hi")).isEmpty();
        assertThat(subnet.get("app/c/msg")).hasValueSatisfying(v -> assertThat(v)
                .contains("\"address\":\"" + JsSubnet.BOB + "\"", "\"feature\":false", "\"message\":true",
                        "\"msg\":\"hi\"", "\"tx\":null", "\"validator\":null", "\"value\":null", "\"self\":true"));
        // Outside a call the storage is gone: what the constructor started failed as in trac-peer.
        assertThat(subnet.tx("outside", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/c/initError")).contains("\"get(key): storage undefined\"");
    }

    @Test
    void valuesCrossAsJsonDoes() {
        JsSubnet subnet = new JsSubnet(runtime);
        assertThat(subnet.tx("values", "{\"n\":1,\"big\":12345678901234567890}")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/c/values")).contains("{\"big\":1000000000000000000000,\"date\":\"1970-01-01T00:00:00.000Z\","
                + "\"dbl\":0.1,\"inBig\":12345678901234567000,\"inf\":null,\"int\":42,\"nan\":null,\"neg\":-7,\"negZero\":0,"
                + "\"nested\":[1,\"two\",null,true,{\"a\":[]}],\"sum\":0.30000000000000004,\"typeOfIn\":\"number\","
                + "\"unicode\":\"é\u2028😀\"}");
        assertThat(subnet.tx("readBack", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/c/readBack")).contains("[\"number\",true,0.30000000000000004,0,null]");
        assertThat(subnet.tx("keys", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("42")).contains("\"numeric key\"");
    }

    @Test
    void valuesJsonCannotHoldFailTheCall() {
        JsSubnet subnet = new JsSubnet(runtime);
        assertThat(subnet.tx("bigint", "null"))
                .isEqualTo(TxOutcome.failed("Error in contract: TypeError: Do not know how to serialize a BigInt"));
        assertThat(subnet.tx("undef", "null")).isEqualTo(TxOutcome.failed(
                "Error in contract: TypeError: put(key,value): the value of app/c/x is not JSON (undefined)"));
        assertThat(subnet.writes()).isEmpty();
    }

    @Test
    void errorsAndReturnValuesMapAsInTracPeer() {
        JsSubnet subnet = new JsSubnet(runtime);
        assertThat(subnet.tx("never", "null")).isEqualTo(TxOutcome.failed("Error in contract: the call's promise did not"
                + " settle: a contract may await only its own work and its storage (get, put, del), nothing that"
                + " finishes later"));
        assertThat(subnet.tx("throwString", "null")).isEqualTo(TxOutcome.failed("Error in contract: uncaught 'plain'"));
        assertThat(subnet.tx("throwType", "{}"))
                .isEqualTo(TxOutcome.failed("Error in contract: TypeError: Cannot read property 'such' of undefined"));
        assertThat(subnet.tx("assertDefault", "null")).isEqualTo(TxOutcome.failed("0 == true"));
        assertThat(subnet.tx("assertError", "null")).isEqualTo(TxOutcome.failed("given as an Error"));
        assertThat(subnet.tx("assertEqual", "null")).isEqualTo(TxOutcome.failed("1 == '2'"));
        assertThat(subnet.tx("assertStrict", "null")).isEqualTo(TxOutcome.failed(42));
        assertThat(subnet.tx("delReserved", "null")).isEqualTo(TxOutcome.failed("del(key): msg/0is reserved"));
        assertThat(subnet.tx("returnsFalse", "null")).isEqualTo(TxOutcome.failed("Error"));
        assertThat(subnet.tx("returnsError", "null")).isEqualTo(TxOutcome.failed("out of range"));
        assertThat(subnet.tx("returnsOther", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.writes()).isEmpty();
        // the contract goes on working
        assertThat(subnet.tx("delete", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.writes()).containsOnlyKeys("app/c/gone", "app/c/kept").allSatisfy((key, value) ->
                assertThat(value).isEmpty());
    }

    @Test
    void callsFromSeveralThreadsRunOneAtATime() throws Exception {
        // Subnets apply on virtual threads.
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<List<TxOutcome>>> results = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    JsSubnet subnet = new JsSubnet(runtime);
                    List<TxOutcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        outcomes.add(subnet.tx("slow", "\"" + thread + "-" + i + "\""));
                    }
                    return outcomes;
                }));
            }
            for (Future<List<TxOutcome>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).hasSize(40).containsOnly(TxOutcome.ok());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
