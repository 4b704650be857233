package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The sandbox a GraalJS contract runs in: no clock, no randomness, no host classes, a statement
 * limit per call; and failures that fail the op, never the host or other apps.
 */
@Timeout(180)
class JsSandboxTest {

    @TempDir
    Path folder;

    private final List<JsApp> apps = new ArrayList<>();

    @AfterEach
    void close() {
        apps.forEach(JsApp::close);
    }

    private JsSubnet subnet(String name, String methods, String... functions) {
        JsApp app = JsApp.load(JsSubnet.app(folder.resolve(name), "contract.js", JsSubnet.contract(methods, functions),
                "protocol.js", JsSubnet.PLAIN_PROTOCOL));
        apps.add(app);
        return new JsSubnet(ContractRuntime.of(app));
    }

    private static final String METHODS = """
                async ok() { await this.put('app/t/ok', (await this.get('app/t/ok') ?? 0) + 1); }
                async loop() { await this.put('app/t/before', 1); while (true) {} }
                async recurse() { const f = n => f(n + 1) + 1; f(0); }
                async javaType() { const s = Java.type('java.lang.System'); await this.put('app/t/x', String(s)); }
                async dateNow() { await this.put('app/t/x', Date.now()); }
                async newDate() { await this.put('app/t/x', new Date().getTime()); }
                async callDate() { await this.put('app/t/x', Date()); }
                async random() { await this.put('app/t/x', Math.random()); }
                async perf() { await this.put('app/t/x', performance.now()); }
                async cryptoRandom() { crypto.getRandomValues(new Uint8Array(4)); }
                async intlNow() { await this.put('app/t/x', new Intl.DateTimeFormat().format()); }
                async fixedDate() {
                    const d = new Date(86400000 + 3600000);
                    await this.put('app/t/date', [d.toISOString(), d.getHours(), d.toString(), Date.UTC(2020, 0, 1),
                        d instanceof Date, d.constructor === Date, new Intl.DateTimeFormat('en-US').format(d)]);
                }
                async weak() { await this.put('app/t/x', typeof WeakRef + ' ' + typeof FinalizationRegistry); }
                async io() { await this.put('app/t/x', [typeof print, typeof load, typeof Graal, typeof require,
                    typeof process, typeof setTimeout, typeof Polyglot, typeof Packages, typeof java, typeof javax, typeof com, typeof org, typeof quit,
                    typeof readline, typeof read]); }
                async speak() { console.log('hello from', this.address); console.error('warned'); }
            """;

    private static final String[] FUNCTIONS = {"ok", "loop", "recurse", "javaType", "dateNow", "newDate", "callDate",
        "random", "perf", "cryptoRandom", "intlNow", "fixedDate", "weak", "io", "speak"};

    @Test
    void aRunawayLoopIsStoppedAndTheNextCallRunsAgain() {
        JsSubnet subnet = subnet("loop", METHODS, FUNCTIONS);
        JsSubnet other = subnet("other", METHODS, FUNCTIONS);
        assertThat(subnet.tx("ok", "null")).isEqualTo(TxOutcome.ok());
        long start = System.nanoTime();
        assertThat(subnet.tx("loop", "null")).isEqualTo(TxOutcome.failed(JsRealm.LIMIT_MESSAGE));
        System.out.printf("JS statement limit (%d statements) reached after %d ms%n", JsRealm.STATEMENT_LIMIT,
                (System.nanoTime() - start) / 1_000_000);
        assertThat(subnet.get("app/t/before")).isEmpty();
        // the same contract instance runs the next op; its state is in the storage, kept
        assertThat(subnet.tx("ok", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/t/ok")).contains("2");
        // and again
        assertThat(subnet.tx("loop", "null")).isEqualTo(TxOutcome.failed(JsRealm.LIMIT_MESSAGE));
        assertThat(subnet.tx("ok", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/t/ok")).contains("3");
        // another app never noticed
        assertThat(other.tx("ok", "null")).isEqualTo(TxOutcome.ok());
    }

    @Test
    void theLimitAndRecursionWorkOnAVirtualThreadAsSubnetsApplyOnOne() throws Exception {
        JsSubnet subnet = subnet("virtual", METHODS, FUNCTIONS);
        List<TxOutcome> outcomes = new ArrayList<>();
        Thread thread = Thread.ofVirtual().start(() -> {
            outcomes.add(subnet.tx("loop", "null"));
            outcomes.add(subnet.tx("recurse", "null"));
            outcomes.add(subnet.tx("ok", "null"));
        });
        assertThat(thread.join(java.time.Duration.ofSeconds(120))).isTrue();
        assertThat(outcomes).containsExactly(TxOutcome.failed(JsRealm.LIMIT_MESSAGE),
                TxOutcome.failed("Error in contract: RangeError: Maximum call stack size exceeded"), TxOutcome.ok());
    }

    @Test
    void deepRecursionFailsTheOpAndNothingElse() {
        JsSubnet subnet = subnet("recurse", METHODS, FUNCTIONS);
        assertThat(subnet.tx("recurse", "null"))
                .isEqualTo(TxOutcome.failed("Error in contract: RangeError: Maximum call stack size exceeded"));
        assertThat(subnet.tx("ok", "null")).isEqualTo(TxOutcome.ok());
    }

    @Test
    void hostClassesAreOutOfReach() {
        JsSubnet subnet = subnet("java", METHODS, FUNCTIONS);
        assertThat(subnet.tx("javaType", "null")).isEqualTo(TxOutcome.failed(
                "Error in contract: TypeError: Access to host class java.lang.System is not allowed or does not exist."));
        assertThat(subnet.tx("io", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/t/x")).contains(
                "[" + String.join(",", java.util.Collections.nCopies(15, "\"undefined\"")) + "]");
        assertThat(subnet.tx("ok", "null")).isEqualTo(TxOutcome.ok());
    }

    @Test
    void theClockAndRandomNumbersAreNotAvailable() {
        JsSubnet subnet = subnet("clock", METHODS, FUNCTIONS);
        String time = " is not available in a contract: time comes from the op (e.g. a feature such as a timer)";
        String random = " is not available in a contract: every peer must compute the same result; derive values"
                + " from the op (e.g. this.tx)";
        assertThat(subnet.tx("dateNow", "null")).isEqualTo(TxOutcome.failed("Error in contract: Error: Date.now" + time));
        assertThat(subnet.tx("newDate", "null")).isEqualTo(TxOutcome.failed("Error in contract: Error: new Date()" + time));
        assertThat(subnet.tx("callDate", "null")).isEqualTo(TxOutcome.failed("Error in contract: Error: Date()" + time));
        assertThat(subnet.tx("random", "null")).isEqualTo(TxOutcome.failed("Error in contract: Error: Math.random" + random));
        assertThat(subnet.tx("perf", "null")).isEqualTo(TxOutcome.failed("Error in contract: Error: performance.now" + time));
        assertThat(subnet.tx("cryptoRandom", "null"))
                .isEqualTo(TxOutcome.failed("Error in contract: Error: crypto.getRandomValues" + random));
        assertThat(subnet.tx("intlNow", "null")).isEqualTo(TxOutcome.failed(
                "Error in contract: Error: Intl.DateTimeFormat format() without a date" + time));
        assertThat(subnet.tx("weak", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/t/x")).contains("\"undefined undefined\"");
        assertThat(subnet.writes()).containsOnlyKeys("app/t/x");
    }

    @Test
    void aDateOfAGivenTimeWorksInUtc() {
        JsSubnet subnet = subnet("date", METHODS, FUNCTIONS);
        assertThat(subnet.tx("fixedDate", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/t/date")).contains("[\"1970-01-02T01:00:00.000Z\",1,"
                + "\"Fri Jan 02 1970 01:00:00 GMT+0000 (GMT+0)\",1577836800000,true,true,\"1/2/1970\"]");
    }

    @Test
    void consoleOutputGoesToTheLog() {
        Logger console = (Logger) LoggerFactory.getLogger("net.intercomj.host.js.console");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        console.addAppender(appender);
        try {
            JsSubnet subnet = subnet("speaker", METHODS, FUNCTIONS);
            assertThat(subnet.tx("speak", "null")).isEqualTo(TxOutcome.ok());
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("app speaker: hello from " + JsSubnet.ALICE, "app speaker: warned");
        } finally {
            console.detachAppender(appender);
        }
    }
}
