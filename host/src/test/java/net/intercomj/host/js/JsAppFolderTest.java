package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A watched apps/ folder: app folders added, edited, broken, fixed and removed while the peer runs. */
@Timeout(180)
class JsAppFolderTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String FIRST = JsSubnet.contract("async ok() { await this.put('app/ok', 1); }", "ok");
    private static final String SECOND = JsSubnet.contract("async ok() { await this.put('app/ok', 2); }", "ok");

    @TempDir
    Path work;

    private final ContractApps contractApps = new ContractApps();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final AtomicInteger changes = new AtomicInteger();
    private JsAppFolder folder;

    @AfterEach
    void close() {
        if (folder != null) {
            folder.close();
        }
    }

    /** An empty apps/ folder, loaded and watched. */
    private Path watched() throws IOException {
        Path apps = Files.createDirectories(work.resolve("apps"));
        folder = new JsAppFolder(apps, contractApps, warnings::add);
        folder.onChange(changes::incrementAndGet);
        folder.rescan();
        folder.watch();
        return apps;
    }

    /** Copies an app folder written elsewhere into {@code apps}, as {@code cp -r} does. */
    private Path copyIn(Path apps, String name, String... namesAndTexts) {
        Path source = JsSubnet.app(work.resolve("staging").resolve(name), namesAndTexts);
        Path target = apps.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** The versions of {@code id} in the ContractApps (in no particular order). */
    private Set<String> hashes(String id) {
        return contractApps.versions(id).stream().map(ContractApps.Installed::versionHash).collect(Collectors.toSet());
    }

    /** The versions of {@code id} the folder lists, in load order (each is in the ContractApps first). */
    private List<String> listed(String id) {
        return folder.apps().stream().filter(app -> app.id().equals(id)).map(JsApps.Loaded::versionHash).toList();
    }

    private JsApps.Loaded loaded(String id, String hash) {
        return folder.apps().stream().filter(app -> app.id().equals(id) && app.versionHash().equals(hash)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " " + hash + " is not in " + folder.apps()));
    }

    @Test
    void aFolderCopiedInIsLoadedAndAnEditAddsAVersionBesideTheFirst() throws Exception {
        Path apps = watched();
        Path notes = copyIn(apps, "notes", "contract.js", FIRST, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        String first = JsApp.load(notes).versionHash();

        await().atMost(DEADLINE).until(() -> listed("notes").equals(List.of(first)));
        assertThat(hashes("notes")).containsExactly(first);
        assertThat(loaded("notes", first).folder()).isEqualTo(notes);
        assertThat(new JsSubnet(contractApps.find("notes", first).orElseThrow()).tx("ok", "null"))
                .isEqualTo(TxOutcome.ok());

        Files.writeString(notes.resolve("contract.js"), SECOND);
        String second = JsApp.load(notes).versionHash();
        assertThat(second).isNotEqualTo(first);

        await().atMost(DEADLINE).until(() -> listed("notes").equals(List.of(first, second)));
        assertThat(hashes("notes")).containsExactlyInAnyOrder(first, second);
        // The first version stays, for a subnet that still pins it.
        assertThat(folder.apps()).extracting(JsApps.Loaded::versionHash).containsExactly(first, second);
        JsSubnet firstRun = new JsSubnet(contractApps.find("notes", first).orElseThrow());
        firstRun.tx("ok", "null");
        JsSubnet secondRun = new JsSubnet(contractApps.find("notes", second).orElseThrow());
        secondRun.tx("ok", "null");
        assertThat(firstRun.writes()).containsEntry("app/ok", Optional.of("1"));
        assertThat(secondRun.writes()).containsEntry("app/ok", Optional.of("2"));
        assertThat(warnings).isEmpty();
        // The listeners are told after each rescan that loaded something.
        await().atMost(DEADLINE).until(() -> changes.get() == 2);
    }

    @Test
    void editingOnlyAFeatureKeepsTheVersionAndGivesItTheNewFeatures() throws Exception {
        Path apps = watched();
        Path clock = copyIn(apps, "clock", "contract.js", FIRST, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        String hash = JsApp.load(clock).versionHash();
        await().atMost(DEADLINE).until(() -> listed("clock").equals(List.of(hash)));
        JsApp before = loaded("clock", hash).app();
        assertThat(before.featureNames()).isEmpty();

        // features/ is made after the app loaded: it is watched from then on.
        JsSubnet.app(clock, "features/tick.js", "export default class Tick {}");

        await().atMost(DEADLINE).until(() -> loaded("clock", hash).app().featureNames().equals(List.of("tick")));
        assertThat(hashes("clock")).containsExactly(hash);
        assertThat(contractApps.installed("clock", hash).orElseThrow().app()).isSameAs(before);

        Files.writeString(clock.resolve("features/tock.js"), "export default class Tock {}");
        await().atMost(DEADLINE).until(() -> loaded("clock", hash).app().featureNames().equals(List.of("tick", "tock")));
        assertThat(folder.apps()).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aBrokenAppIsReportedOnceAndSkippedAndLoadsOnceFixed() throws Exception {
        Path apps = watched();
        Path broken = copyIn(apps, "broken", "contract.js", FIRST, "protocol.js", """
                import { Protocol } from 'trac-peer';
                export default class P extends Protocol {
                    mapTxCommand(command) { return { type: 'x', value: ( }
                }
                """);

        await().atMost(DEADLINE).until(() -> !warnings.isEmpty());
        assertThat(warnings).singleElement().asString()
                .startsWith("App skipped: " + broken + ": app broken: SyntaxError: protocol.js:3:");
        assertThat(contractApps.all()).isEmpty();

        // Another app loads all the same, and the unchanged broken one is not tried (or reported) again.
        Path good = copyIn(apps, "good", "contract.js", FIRST, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        String goodHash = JsApp.load(good).versionHash();
        await().atMost(DEADLINE).until(() -> listed("good").equals(List.of(goodHash)));
        assertThat(warnings).hasSize(1);
        assertThat(hashes("broken")).isEmpty();

        Files.writeString(broken.resolve("protocol.js"), JsSubnet.PLAIN_PROTOCOL);
        String fixed = JsApp.load(broken).versionHash();
        await().atMost(DEADLINE).until(() -> listed("broken").equals(List.of(fixed)));
        assertThat(hashes("broken")).containsExactly(fixed);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aHalfCopiedAppLoadsOnceItsLastFileArrives() throws Exception {
        Path apps = watched();
        Path late = JsSubnet.app(apps.resolve("late"), "contract.js", FIRST);
        await().atMost(DEADLINE).until(() -> !warnings.isEmpty());
        assertThat(warnings).containsExactly("App skipped: " + late + ": missing protocol.js");

        Files.writeString(late.resolve("protocol.js"), JsSubnet.PLAIN_PROTOCOL);
        String hash = JsApp.load(late).versionHash();
        await().atMost(DEADLINE).until(() -> listed("late").equals(List.of(hash)));
        assertThat(hashes("late")).containsExactly(hash);
    }

    @Test
    void removingAFolderUnloadsNoVersion() throws Exception {
        Path apps = watched();
        Path notes = copyIn(apps, "notes", "contract.js", FIRST, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        String hash = JsApp.load(notes).versionHash();
        await().atMost(DEADLINE).until(() -> listed("notes").equals(List.of(hash)));
        JsApp before = loaded("notes", hash).app();

        delete(notes);
        // A later app loading shows the removal was seen.
        Path other = copyIn(apps, "other", "contract.js", SECOND, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        String otherHash = JsApp.load(other).versionHash();
        await().atMost(DEADLINE).until(() -> listed("other").equals(List.of(otherHash)));

        assertThat(hashes("notes")).containsExactly(hash);
        assertThat(folder.apps()).extracting(JsApps.Loaded::id).containsExactly("notes", "other");
        assertThat(new JsSubnet(contractApps.find("notes", hash).orElseThrow()).tx("ok", "null"))
                .isEqualTo(TxOutcome.ok());

        // Copied back unchanged: the same version, nothing added twice, nothing reported.
        copyIn(apps, "notes", "contract.js", FIRST, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        await().atMost(DEADLINE).until(() -> loaded("notes", hash).app() != before);
        assertThat(hashes("notes")).containsExactly(hash);
        assertThat(warnings).isEmpty();
    }

    @Test
    void afterCloseNothingLoads() throws Exception {
        Path apps = watched();
        folder.close();
        JsSubnet.app(apps.resolve("notes"), "contract.js", FIRST, "protocol.js", JsSubnet.PLAIN_PROTOCOL);
        folder.rescan();
        assertThat(contractApps.all()).isEmpty();
        assertThat(folder.apps()).isEmpty();
    }

    @Test
    void aMissingFolderHasNoAppsAndIsNotWatched() throws Exception {
        folder = new JsAppFolder(work.resolve("none"), contractApps, warnings::add);
        folder.rescan();
        folder.watch();
        assertThat(folder.apps()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
