package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.intercomj.host.contract.AppVersion;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Loading app folders: ids, version hashes, and folders that do not load being reported and skipped. */
@Timeout(180)
class JsAppLoadingTest {

    @TempDir
    Path apps;

    private final List<JsApp> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(JsApp::close);
    }

    private static final String GOOD = JsSubnet.contract("async ok() { await this.put('app/ok', true); }", "ok");

    private JsApps.Report loadAll(ContractApps contractApps) {
        JsApps.Report report = JsApps.loadAll(apps, contractApps);
        report.loaded().forEach(loaded -> opened.add(loaded.app()));
        return report;
    }

    private static String problem(JsApps.Report report, String folder) {
        return report.problems().stream().filter(p -> p.folder().getFileName().toString().equals(folder))
                .map(JsApps.Problem::reason).findFirst().orElseThrow(() -> new AssertionError("no problem for " + folder
                        + " in " + report.problems()));
    }

    @Test
    void brokenFoldersAreReportedWithFileAndReasonAndTheOthersLoad() {
        JsSubnet.app(apps.resolve("good"), "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        JsSubnet.app(apps.resolve("syntax"), "contract.js", GOOD, "protocol.js", """
                import { Protocol } from 'trac-peer';
                export default class P extends Protocol {
                    mapTxCommand(command) { return { type: 'x', value: ( }
                }
                """);
        JsSubnet.app(apps.resolve("half"), "contract.js", GOOD);
        JsSubnet.app(apps.resolve("throws"), "protocol.js", JsSubnet.PLAIN_PROTOCOL, "contract.js", """
                import { Contract } from 'trac-peer';
                export default class C extends Contract {
                    constructor(protocol, options) {
                        super(protocol, options);
                        this.addFunction('ok');
                        throw new RangeError('not today');
                    }
                }
                """);
        JsSubnet.app(apps.resolve("badschema"), "protocol.js", JsSubnet.PLAIN_PROTOCOL, "contract.js", """
                import { Contract } from 'trac-peer';
                export default class C extends Contract {
                    constructor(protocol, options) {
                        super(protocol, options);
                        this.addSchema('set', { value: { $$type: 'object', n: 'numbr' } });
                    }
                    async set() {}
                }
                """);
        JsSubnet.app(apps.resolve("conflict"), "protocol.js", JsSubnet.PLAIN_PROTOCOL, "contract.js", """
                import { Contract } from 'trac-peer';
                export default class C extends Contract {
                    constructor(protocol, options) {
                        super(protocol, options);
                        this.addSchema('set', { value: 'any' });
                        this.addFunction('set');
                    }
                }
                """);
        JsSubnet.app(apps.resolve("noexport"), "protocol.js", JsSubnet.PLAIN_PROTOCOL, "contract.js", """
                import { Contract } from 'trac-peer';
                export class C extends Contract {}
                """);
        JsSubnet.app(apps.resolve("bad id!"), "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        JsSubnet.app(apps.resolve("spins"), "protocol.js", JsSubnet.PLAIN_PROTOCOL, "contract.js", """
                import { Contract } from 'trac-peer';
                export default class C extends Contract {
                    constructor(protocol, options) {
                        super(protocol, options);
                        for (;;) {}
                    }
                }
                """);
        JsSubnet.app(apps.resolve("imports"), "protocol.js", JsSubnet.PLAIN_PROTOCOL, "helper.js", "export const x = 1;",
                "contract.js", "import { x } from './helper.js';\n" + GOOD);
        JsSubnet.app(apps.resolve("node"), "protocol.js", JsSubnet.PLAIN_PROTOCOL, "contract.js",
                "import fs from 'fs';\n" + GOOD);
        JsSubnet.app(apps.resolve(".hidden"), "contract.js", "not even javascript", "protocol.js", "");

        ContractApps contractApps = new ContractApps();
        JsApps.Report report = loadAll(contractApps);

        assertThat(report.loaded()).extracting(JsApps.Loaded::id).containsExactly("good");
        assertThat(contractApps.all()).extracting(ContractApps.Installed::id).containsExactly("good");
        assertThat(report.problems()).extracting(p -> p.folder().getFileName().toString()).containsExactly(
                "bad id!", "badschema", "conflict", "half", "imports", "node", "noexport", "spins", "syntax", "throws");
        assertThat(problem(report, "syntax")).startsWith("app syntax: SyntaxError: protocol.js:3:");
        assertThat(problem(report, "half")).isEqualTo("missing protocol.js");
        assertThat(problem(report, "throws")).isEqualTo("app throws: contract.js:6: RangeError: not today");
        assertThat(problem(report, "badschema")).startsWith("app badschema: contract.js:5: Error: addSchema(set): ")
                .contains("Invalid 'numbr' type in validator schema.");
        assertThat(problem(report, "conflict"))
                .isEqualTo("app conflict: contract.js:6: Error: addFunction(type): The type has been registered already.");
        assertThat(problem(report, "imports")).isEqualTo("app imports: contract.js: cannot import helper.js: an app's"
                + " modules can import only 'trac-peer' (its code is contract.js and protocol.js)");
        assertThat(problem(report, "node")).startsWith("app node: contract.js: cannot import fs: ");
        assertThat(problem(report, "noexport")).contains("contract.js must export its Contract class as default");
        assertThat(problem(report, "bad id!")).contains("the app id \"bad id!\" must be 1 to 64 letters");
        assertThat(problem(report, "spins")).isEqualTo("app spins: contract.js:5: " + JsRealm.LIMIT_MESSAGE
                + " while building the app");

        // The loaded app runs.
        ContractRuntime runtime = contractApps.find("good", report.loaded().getFirst().versionHash()).orElseThrow();
        assertThat(new JsSubnet(runtime).tx("ok", "null")).isEqualTo(TxOutcome.ok());
    }

    @Test
    void aMissingAppsFolderHasNoApps() {
        JsApps.Report report = JsApps.loadAll(apps.resolve("none"), new ContractApps());
        assertThat(report.loaded()).isEmpty();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void theIdIsTheFolderNameUnlessAppJsonGivesOne() {
        JsSubnet.app(apps.resolve("folder-name_1.0"), "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        JsSubnet.app(apps.resolve("other"), "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL, "app.json",
                "{\"id\": \"notes\"}");
        JsSubnet.app(apps.resolve("badjson"), "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL, "app.json",
                "{\"name\": \"x\"}");
        ContractApps contractApps = new ContractApps();
        JsApps.Report report = loadAll(contractApps);
        assertThat(report.loaded()).extracting(JsApps.Loaded::id).containsExactly("folder-name_1.0", "notes");
        // Same code, same hash, whatever the id.
        assertThat(report.loaded().get(0).versionHash()).isEqualTo(report.loaded().get(1).versionHash());
        assertThat(problem(report, "badjson")).startsWith("app.json must be {\"id\": \"<app id>\"}");
    }

    @Test
    void theSameIdAndVersionTwiceIsReported() {
        JsSubnet.app(apps.resolve("a"), "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL, "app.json",
                "{\"id\": \"same\"}");
        JsSubnet.app(apps.resolve("b"), "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL, "app.json",
                "{\"id\": \"same\"}");
        JsApps.Report report = loadAll(new ContractApps());
        assertThat(report.loaded()).extracting(JsApps.Loaded::folder).containsExactly(apps.resolve("a"));
        assertThat(problem(report, "b")).contains("already loaded");
    }

    @Test
    void theVersionHashChangesWithEitherFileAndNoOtherFile() throws Exception {
        Path app = JsSubnet.app(apps.resolve("app"), "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        String first = JsApp.load(app).versionHash();
        assertThat(first).isEqualTo(AppVersion.ofJsApp(app)).isEqualTo(AppVersion.ofFiles(Map.of(
                "protocol.js", Files.readAllBytes(app.resolve("protocol.js")),
                "contract.js", Files.readAllBytes(app.resolve("contract.js")))));

        JsSubnet.app(app, "README.md", "notes", "app.json", "{\"id\":\"renamed\"}", "helper.js", "export const x = 1;");
        assertThat(JsApp.load(app).versionHash()).isEqualTo(first);

        JsSubnet.app(app, "contract.js", GOOD + "\n");
        String contractChanged = JsApp.load(app).versionHash();
        assertThat(contractChanged).isNotEqualTo(first);

        JsSubnet.app(app, "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL + "// v2\n");
        String protocolChanged = JsApp.load(app).versionHash();
        assertThat(protocolChanged).isNotEqualTo(first).isNotEqualTo(contractChanged);

        // Swapping the two files' contents is another version too (the names are hashed).
        JsSubnet.app(app, "contract.js", JsSubnet.PLAIN_PROTOCOL, "protocol.js", GOOD);
        assertThat(JsApp.load(app).versionHash()).isNotEqualTo(first);
    }

    @Test
    void featuresAreReadAtLoadButAreNotPartOfTheVersion() throws Exception {
        Path app = JsSubnet.app(apps.resolve("app"), "contract.js", GOOD, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        JsApp plain = JsApp.load(app);
        assertThat(plain.featureNames()).isEmpty();
        String timer = "import { Feature } from 'trac-peer';\nexport default class T extends Feature {}\n";
        JsSubnet.app(app, "features/timer.js", timer, "features/price.js", timer, "features/bad name.js", timer,
                "features/notes.txt", "not a feature", "features/nested/deep.js", timer);
        Files.write(app.resolve("features/latin.js"), new byte[] {'/', '/', (byte) 0xE9, '\n'});
        JsApp loaded = JsApp.load(app);
        assertThat(loaded.versionHash()).isEqualTo(plain.versionHash()).isEqualTo(AppVersion.ofJsApp(app));
        // Unusable files are skipped (with a warning), and the app loads all the same.
        assertThat(loaded.featureNames()).containsExactly("price", "timer");
        // What runs is what was read.
        JsSubnet.app(app, "features/timer.js", "// changed\n");
        assertThat(loaded.features().get(1).source().getCharacters().toString()).isEqualTo(timer);
        assertThat(loaded.features().get(1).source().getName()).isEqualTo("features/timer.js");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Path app = JsSubnet.app(apps.resolve("latin"), "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        Files.write(app.resolve("contract.js"), new byte[] {'/', '/', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> JsApp.load(app)).isInstanceOf(JsAppException.class)
                .hasMessage(app + ": contract.js is not UTF-8 text");
    }

    @Test
    void mapTxCommandResultsThatAreNotOpsGiveNoTransaction() {
        Path folder = JsSubnet.app(apps.resolve("mapper"), "contract.js", GOOD, "protocol.js", """
                import { Protocol } from 'trac-peer';
                export default class P extends Protocol {
                    mapTxCommand(command) {
                        switch (command) {
                            case 'ok': return { type: 'ok', value: { n: 1, big: 12345678901234567890 } };
                            case 'no type': return { value: 1 };
                            case 'no value': return { type: 'ok' };
                            case 'bigint': return { type: 'ok', value: 10n };
                            case 'throws': return null.type;
                            case 'spins': for (;;) {}
                            case 'async': return Promise.resolve({ type: 'ok', value: 1 });
                            default: return null;
                        }
                    }
                }
                """);
        JsApp app = JsApp.load(folder);
        opened.add(app);
        assertThat(app.mapTxCommand("ok")).hasValueSatisfying(command -> {
            assertThat(command.type()).isEqualTo("ok");
            assertThat(command.value().toJson()).isEqualTo("{\"n\":1,\"big\":12345678901234567000}");
        });
        for (String bad : List.of("no type", "no value", "bigint", "throws", "spins", "async", "other")) {
            assertThat(app.mapTxCommand(bad)).as(bad).isEmpty();
        }
        // after the statement limit, the protocol is built again
        assertThat(app.mapTxCommand("ok")).isPresent();
    }
}
