package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.json.Json;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One feature of a GraalJS app ({@code features/<name>.js}) on a stand-in subnet: trac-peer's
 * {@code Feature} API (append, get, getSigned, sleep, start, stop, key), the clock it may read,
 * the host it may not reach, and failures that end the feature and nothing else.
 */
@Timeout(120)
class JsFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final PeerWallet WALLET = PeerWallet.generate();

    @TempDir
    Path folder;

    private final FakeSubnet subnet = new FakeSubnet();
    private final List<JsFeature> started = new ArrayList<>();
    private final Logger jsLog = (Logger) LoggerFactory.getLogger("net.intercomj.host.js");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void capture() {
        log.start();
        jsLog.addAppender(log);
    }

    @AfterEach
    void close() {
        started.forEach(JsFeature::close);
        jsLog.detachAppender(log);
    }

    private JsFeature start(String name, String source) {
        return start(name, source, JsFeature.STATEMENT_LIMIT);
    }

    private JsFeature start(String name, String source, long statementLimit) {
        JsFeature feature = JsFeature.start("app", name,
                JsRealm.module(JsFeature.FOLDER + "/" + name + ".js", source), subnet, WALLET, statementLimit);
        started.add(feature);
        return feature;
    }

    private List<String> lines(Level level) {
        return log.list.stream().filter(event -> event.getLevel().equals(level))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<String> lines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** trac-peer's timer feature, with an interval of {@code ms}. */
    private static String timer(int ms) {
        return """
                import { Feature } from 'trac-peer';
                export default class Timer extends Feature {
                    async start(options = {}) {
                        while (true) {
                            await this.append('currentTime', Date.now());
                            await this.sleep(%d);
                        }
                    }
                    async stop(options = {}) { console.log('stopped'); }
                }
                """.formatted(ms);
    }

    @Test
    void aTimerAppendsTheClockUnderItsFileNameUntilItIsStopped() throws Exception {
        long before = System.currentTimeMillis();
        JsFeature timer = start("timer", timer(50));
        await().atMost(DEADLINE).until(() -> subnet.appends.size() >= 3);
        assertThat(timer.key()).contains("timer");
        assertThat(subnet.appends).allSatisfy(append -> {
            assertThat(append.featureKey()).isEqualTo("timer");
            assertThat(append.key()).isEqualTo("currentTime");
            assertThat(append.value().asLong()).isBetween(before, System.currentTimeMillis());
        });
        // The sleeps are real: three appends take at least two intervals.
        assertThat(subnet.appends.get(2).value().asLong() - subnet.appends.get(0).value().asLong()).isGreaterThanOrEqualTo(100);

        timer.close();
        assertThat(timer.isRunning()).isFalse();
        assertThat(lines()).contains("app app feature timer: stopped", "app app feature timer stopped");
        // Stopped in its sleep, not cancelled as busy after the grace period.
        assertThat(lines()).noneMatch(line -> line.contains("is busy: cancelling it"));
        int appended = subnet.appends.size();
        await().during(Duration.ofMillis(200)).atMost(DEADLINE).until(() -> subnet.appends.size() == appended);
    }

    @Test
    void stoppingEndsALongSleepAtOnce() throws Exception {
        JsFeature timer = start("slow", timer(60_000));
        await().atMost(DEADLINE).until(() -> subnet.appends.size() == 1);
        timer.close();
        assertThat(timer.isRunning()).isFalse();
        // The 60 s sleep ended at the stop: the feature was not cancelled as busy.
        assertThat(lines()).noneMatch(line -> line.contains("is busy: cancelling it"));
        assertThat(subnet.appends).hasSize(1);
    }

    @Test
    void theClassMaySetItsOwnKey() {
        start("file", """
                import { Feature } from 'trac-peer';
                export default class Price extends Feature {
                    constructor(peer, options) { super(peer, options); this.key = 'price'; }
                    async start() { await this.append('btc', { usd: 100000, at: Date.now() }); }
                }
                """);
        await().atMost(DEADLINE).until(() -> subnet.appends.size() == 1);
        assertThat(subnet.appends.getFirst().featureKey()).isEqualTo("price");
        assertThat(subnet.appends.getFirst().value().asObject().get("usd")).contains(Json.of(100000));
        // start() returned and nothing is scheduled: the feature ends by itself.
        await().atMost(DEADLINE).until(() -> lines().contains(
                "app app feature file: start() returned and nothing is scheduled: the feature ended"));
    }

    @Test
    void aPeerThatIsNotTheAdminAppendsNothingAndAppendSaysSo() {
        subnet.admin = false;
        start("timer", """
                import { Feature } from 'trac-peer';
                export default class Timer extends Feature {
                    async start() {
                        for (let i = 0; i < 3; i++) {
                            console.log('append returned ' + await this.append('currentTime', Date.now()));
                            await this.sleep(10);
                        }
                    }
                }
                """);
        await().atMost(DEADLINE).until(() -> lines().stream().filter(line -> line.contains("append returned")).count() == 3);
        assertThat(subnet.appends).isEmpty();
        assertThat(lines()).containsOnlyOnce("app app feature timer: this peer is not the subnet's admin, so its feature"
                + " data would not apply; appends are skipped");
        assertThat(lines()).filteredOn(line -> line.contains("append returned"))
                .containsOnly("app app feature timer: append returned false");
    }

    @Test
    void theAdminThatIsNotWritableAppendsNothingWithTheOriginalsMessage() {
        subnet.writable = false;
        start("timer", """
                import { Feature } from 'trac-peer';
                export default class Timer extends Feature {
                    async start() {
                        console.log('append returned ' + await this.append('currentTime', 1) + ' ' + this.peer.base.writable);
                    }
                }
                """);
        await().atMost(DEADLINE).until(() -> lines().contains("app app feature timer: append returned false false"));
        assertThat(lines()).contains("app app feature timer: Peer running features not writable.");
        assertThat(subnet.appends).isEmpty();
    }

    @Test
    void getReadsTheUnconfirmedViewAndGetSignedTheConfirmedOne() {
        subnet.unconfirmed.put("app/x/price", Json.of(7));
        subnet.confirmed.put("app/x/price", Json.of(6));
        start("reader", """
                import { Feature } from 'trac-peer';
                export default class Reader extends Feature {
                    async start() {
                        await this.append('read', [await this.get('app/x/price'), await this.getSigned('app/x/price'),
                            await this.get('app/x/none'), await this.getSigned('app/x/none'),
                            this.peer.wallet.publicKey, this.peer.wallet.address, this.peer.base.writable]);
                    }
                }
                """);
        await().atMost(DEADLINE).until(() -> subnet.appends.size() == 1);
        assertThat(subnet.appends.getFirst().value()).isEqualTo(Json.array(Json.of(7), Json.of(6), Json.NULL, Json.NULL,
                Json.of(WALLET.publicKeyHex()), Json.of(WALLET.address()), Json.of(true)));
    }

    @Test
    void aFeatureMayReadTheClockAndRandomNumbersButNotReachTheHost() {
        start("probe", """
                import { Feature } from 'trac-peer';
                export default class Probe extends Feature {
                    async start() {
                        let host;
                        try { host = String(Java.type('java.lang.System')); } catch (e) { host = String(e); }
                        const now = Date.now();
                        await this.append('probe', {
                            java: host,
                            clock: typeof now === 'number' && now > 0 && new Date().getTime() >= now,
                            random: typeof Math.random(),
                            globals: [typeof Packages, typeof java, typeof require, typeof process, typeof print,
                                typeof load, typeof Polyglot, typeof __intercomHost, typeof __intercomFeatureHost,
                                typeof __intercomDriver]
                        });
                    }
                }
                """);
        await().atMost(DEADLINE).until(() -> subnet.appends.size() == 1);
        Json probe = subnet.appends.getFirst().value();
        assertThat(probe.asObject().string("java"))
                .isEqualTo("TypeError: Access to host class java.lang.System is not allowed or does not exist.");
        assertThat(probe.asObject().get("clock")).contains(Json.of(true));
        assertThat(probe.asObject().string("random")).isEqualTo("number");
        assertThat(probe.asObject().get("globals")).contains(Json.array(java.util.Collections.nCopies(10,
                Json.of("undefined"))));
    }

    @Test
    void timersWorkAsInNode() {
        start("timers", """
                import { Feature } from 'trac-peer';
                export default class Timers extends Feature {
                    async start() {
                        const seen = [];
                        let n = 0;
                        const id = setInterval(() => { if (++n === 3) { clearInterval(id); } seen.push('interval ' + n); }, 10);
                        const never = setTimeout(() => seen.push('cleared'), 5);
                        clearTimeout(never);
                        setTimeout((a, b) => seen.push('timeout ' + a + b), 50, 'x', 'y');
                        await this.sleep(120);
                        await this.append('seen', seen);
                    }
                }
                """);
        await().atMost(DEADLINE).until(() -> subnet.appends.size() == 1);
        // The interval ran three times, in order; the timeout once, with its arguments; the cleared one never.
        List<String> seen = subnet.appends.getFirst().value().asArray().values().stream().map(Json::asString).toList();
        assertThat(seen).containsExactlyInAnyOrder("interval 1", "interval 2", "interval 3", "timeout xy");
        assertThat(seen.stream().filter(line -> line.startsWith("interval")))
                .containsExactly("interval 1", "interval 2", "interval 3");
    }

    @Test
    void failuresAreLoggedAndEndOnlyThatFeature() throws Exception {
        JsFeature throwing = start("throwing", """
                import { Feature } from 'trac-peer';
                export default class Throwing extends Feature {
                    async start() { await this.sleep(10); throw new Error('boom'); }
                }
                """);
        JsFeature broken = start("broken", "import { Feature } from 'trac-peer';\nexport default class B extends Feature {\n");
        JsFeature plain = start("plain", """
                import { Feature } from 'trac-peer';
                export default class Plain extends Feature {}
                """);
        JsFeature notAFeature = start("other", "export default class NotAFeature {}\n");
        JsFeature importing = start("importing", "import fs from 'fs';\nexport default fs;\n");
        JsFeature callback = start("callback", """
                import { Feature } from 'trac-peer';
                export default class Callback extends Feature {
                    async start() {
                        setTimeout(() => { throw new RangeError('in a timer'); }, 1);
                        await this.sleep(20);
                        await this.append('after', 1);
                    }
                }
                """);
        JsFeature timer = start("timer", timer(20));
        for (JsFeature ended : List.of(throwing, broken, plain, notAFeature, importing)) {
            assertThat(ended.awaitEnd(DEADLINE)).as(ended.toString()).isTrue();
        }
        await().atMost(DEADLINE).until(() -> subnet.appends("after").size() == 1);
        assertThat(lines(Level.WARN)).contains(
                "app app feature throwing: start() failed: Error: boom",
                "app app feature plain: start() failed: Error: Not implemented: start(options = {})",
                "app app feature other failed: TypeError: the class features/other.js exports does not extend"
                        + " Feature from trac-peer",
                "app app feature importing does not load: features/importing.js: cannot import fs: a feature can import"
                        + " only 'trac-peer'",
                "app app feature callback: a timer's callback failed: RangeError: in a timer");
        assertThat(lines(Level.WARN)).anyMatch(line -> line.startsWith("app app feature broken does not load: ")
                && line.contains("features/broken.js"));
        // The others go on.
        int ticks = subnet.appends("currentTime").size();
        await().atMost(DEADLINE).until(() -> subnet.appends("currentTime").size() > ticks + 2);
        assertThat(timer.isRunning()).isTrue();
    }

    @Test
    void aRunawayStepIsStoppedByTheStatementLimit() throws Exception {
        JsFeature runaway = start("runaway", """
                import { Feature } from 'trac-peer';
                export default class Runaway extends Feature {
                    async start() {
                        await this.append('before', 1);
                        await this.sleep(1);
                        while (true) {}
                    }
                }
                """, 1_000_000);
        assertThat(runaway.awaitEnd(DEADLINE)).isTrue();
        assertThat(subnet.appends("before")).hasSize(1);
        assertThat(lines(Level.WARN)).contains("app app feature runaway ended: features/runaway.js:6: a step ran more"
                + " than 1000000 JavaScript statements (a runaway loop?)");
    }

    @Test
    void aBusyFeatureIsCancelledWhenStopped() throws Exception {
        JsFeature busy = start("busy", """
                import { Feature } from 'trac-peer';
                export default class Busy extends Feature {
                    async start() { await this.append('busy', 1); while (true) {} }
                }
                """, Long.MAX_VALUE);
        await().atMost(DEADLINE).until(() -> subnet.appends.size() == 1);
        busy.close();
        assertThat(busy.isRunning()).isFalse();
        assertThat(lines()).contains("app app feature busy is busy: cancelling it");
    }

    @Test
    void aContractCannotUseTheFeatureApiNorTimers() {
        JsApp app = JsApp.load(JsSubnet.app(folder.resolve("contract"), "protocol.js", JsSubnet.PLAIN_PROTOCOL,
                "contract.js", """
                        import { Contract, Feature } from 'trac-peer';
                        class F extends Feature {}
                        export default class C extends Contract {
                            constructor(protocol, options) {
                                super(protocol, options);
                                for (const type of ['append', 'get', 'getSigned', 'sleep', 'timer']) { this.addFunction(type); }
                            }
                            async append() { await new F(null, {}).append('x', 1); }
                            async get() { await new F(null, {}).get('x'); }
                            async getSigned() { await new F(null, {}).getSigned('x'); }
                            async sleep() { await new F(null, {}).sleep(1); }
                            async timer() { await this.put('app/t/timers', [typeof setTimeout, typeof setInterval]); }
                        }
                        """));
        try {
            JsSubnet contract = new JsSubnet(ContractRuntime.of(app));
            for (String method : List.of("append", "get", "getSigned", "sleep")) {
                assertThat(contract.tx(method, "null")).isEqualTo(TxOutcome.failed("Error in contract: Error: Feature."
                        + method + "() is not available here: only a running feature (features/*.js) has it, not a"
                        + " contract or protocol"));
            }
            assertThat(contract.tx("timer", "null")).isEqualTo(TxOutcome.ok());
            assertThat(contract.get("app/t/timers")).contains("[\"undefined\",\"undefined\"]");
        } finally {
            app.close();
        }
    }

    @Test
    void anAppendThatIsTooLargeFailsInTheFeature() {
        start("large", """
                import { Feature } from 'trac-peer';
                export default class Large extends Feature {
                    async start() {
                        try { await this.append('big', 'x'.repeat(5000)); } catch (e) { console.log('caught ' + e.message); }
                        try { await this.append('fn', () => 1); } catch (e) { console.log('caught ' + e.message); }
                    }
                }
                """);
        await().atMost(DEADLINE).until(() -> lines().contains("app app feature large: caught append(big): the feature op"
                + " is over 4096 bytes"));
        await().atMost(DEADLINE).until(() -> lines().contains(
                "app app feature large: caught append(key, value): the value of fn is not JSON (function)"));
        assertThat(subnet.appends).isEmpty();
    }
}
