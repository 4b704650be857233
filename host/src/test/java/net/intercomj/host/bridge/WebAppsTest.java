package net.intercomj.host.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugins' web apps at {@code /apps/<id>/}: only files under {@code web/} of the plugin's own
 * jar (or folder) are served, never another file of the plugin, of the disk or of the host's class
 * path, however the path is spelled. Requests are written by hand so no client tidies the path.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebAppsTest {

    private static final String NOTES_INDEX = "<!doctype html><title>Notes</title><script src=\"app.js\"></script>";
    private static final String NOTES_JS = "console.log('notes');";
    private static final String LEDGER_INDEX = "<!doctype html><title>Ledger</title>";
    private static final String LEDGER_JS = "console.log('ledger');";
    private static final String PLUGIN_SECRET = "PLUGIN-SECRET-4711";
    private static final String DISK_SECRET = "DISK-SECRET-0815";

    @TempDir
    Path temp;

    private TestBridge peer;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(temp.resolve("outside.txt"), DISK_SECRET);

        // A plugin laid out as a folder, with files outside web/ that must stay private.
        Path notes = temp.resolve("notes");
        write(notes.resolve("web/index.html"), NOTES_INDEX);
        write(notes.resolve("web/app.js"), NOTES_JS);
        write(notes.resolve("web/sub/page.html"), "<p>sub page</p>");
        write(notes.resolve("secret.txt"), PLUGIN_SECRET);
        write(notes.resolve("com/example/Notes.class"), "\u00ca\u00fe\u00ba\u00be" + PLUGIN_SECRET);

        // A plugin jar, as plugins ship, with a private file too.
        Path ledger = temp.resolve("ledger.jar");
        jar(ledger, Map.of("web/index.html", LEDGER_INDEX, "web/app.js", LEDGER_JS, "secret.txt", PLUGIN_SECRET,
                "META-INF/private.txt", PLUGIN_SECRET));

        // Plugins without web/index.html have no app, whatever else they carry.
        Path headless = temp.resolve("headless");
        write(headless.resolve("web/other.html"), PLUGIN_SECRET);
        Path headlessJar = temp.resolve("headless.jar");
        jar(headlessJar, Map.of("web/app.js", PLUGIN_SECRET, "com/example/Headless.class", PLUGIN_SECRET));

        WebApps apps = WebApps.of(Map.of("notes", notes, "ledger", ledger, "headless", headless, "headless_jar",
                headlessJar));
        peer = TestBridge.start(spec -> spec.webApps = apps);
    }

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A jar with these entries and the folder entries a jar tool writes. */
    private static void jar(Path file, Map<String, String> entries) throws IOException {
        jar(file, entries, true);
    }

    /** A jar with these entries, and with folder entries or (as some build tools write them) without. */
    private static void jar(Path file, Map<String, String> entries, boolean withFolders) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            Set<String> folders = new TreeSet<>();
            for (String name : entries.keySet()) {
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    folders.add(name.substring(0, slash + 1));
                }
            }
            for (String folder : withFolders ? folders : Set.<String>of()) {
                jar.putNextEntry(new JarEntry(folder));
                jar.closeEntry();
            }
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }

    @Test
    void theIndexListsOnlyPluginsWithAnIndexPage() throws Exception {
        TestBridge.RawResponse index = peer.rawGet("/apps/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.headers().get("content-type")).startsWith("text/html");
        assertThat(index.body()).contains("<a href=\"/apps/ledger/\">ledger</a>", "<a href=\"/apps/notes/\">notes</a>")
                .doesNotContain("headless");
        assertThat(index.body().indexOf("/apps/ledger/")).as("sorted by id").isLessThan(index.body().indexOf("/apps/notes/"));
        assertThat(peer.rawGet("/apps").body()).as("without the slash too").isEqualTo(index.body());
    }

    @Test
    void anAppsPagesAreServedFromAFolderOrAJar() throws Exception {
        for (Map.Entry<String, List<String>> app : Map.of("notes", List.of(NOTES_INDEX, NOTES_JS), "ledger",
                List.of(LEDGER_INDEX, LEDGER_JS)).entrySet()) {
            String base = "/apps/" + app.getKey() + "/";
            TestBridge.RawResponse index = peer.rawGet(base);
            assertThat(index.status()).as(base).isEqualTo(200);
            assertThat(index.headers().get("content-type")).as(base).startsWith("text/html");
            assertThat(index.body()).as(base).isEqualTo(app.getValue().get(0));
            assertThat(peer.rawGet(base + "index.html").body()).isEqualTo(app.getValue().get(0));
            TestBridge.RawResponse script = peer.rawGet(base + "app.js");
            assertThat(script.status()).as(base).isEqualTo(200);
            assertThat(script.headers().get("content-type")).as(base).contains("javascript");
            assertThat(script.body()).isEqualTo(app.getValue().get(1));
            assertThat(peer.rawGet(base + "missing.js").status()).as(base).isEqualTo(404);
        }
        assertThat(peer.rawGet("/apps/notes/sub/page.html").body()).isEqualTo("<p>sub page</p>");
        assertThat(peer.rawGet("/apps/notes/sub/../app.js").body()).as("dots that stay inside the app")
                .isEqualTo(NOTES_JS);
    }

    @Test
    void aJarWithoutFolderEntriesServesItsIndexToo() throws Exception {
        Path bare = temp.resolve("bare.jar");
        jar(bare, Map.of("web/index.html", LEDGER_INDEX, "web/js/app.js", LEDGER_JS), false);
        try (TestBridge other = TestBridge.start(spec -> spec.webApps = WebApps.of(Map.of("bare", bare)))) {
            TestBridge.RawResponse index = other.rawGet("/apps/bare/");
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.headers().get("content-type")).startsWith("text/html");
            assertThat(index.body()).isEqualTo(LEDGER_INDEX);
            assertThat(other.rawGet("/apps/bare/js/app.js").body()).isEqualTo(LEDGER_JS);
            assertThat(other.rawGet("/apps/").body()).contains("<a href=\"/apps/bare/\">bare</a>");
        }
    }

    @Test
    void anAppWithoutItsSlashIsRedirected() throws Exception {
        for (String id : List.of("notes", "ledger")) {
            TestBridge.RawResponse redirect = peer.rawGet("/apps/" + id);
            assertThat(redirect.status()).isEqualTo(302);
            assertThat(redirect.headers().get("location")).isEqualTo("/apps/" + id + "/");
        }
    }

    @Test
    void unknownAppsAndPluginsWithoutAnIndexPageAreNotFound() throws Exception {
        for (String path : List.of("/apps/nope/", "/apps/nope", "/apps/nope/index.html", "/apps/headless/",
                "/apps/headless/other.html", "/apps/headless", "/apps/headless_jar/app.js", "/apps/NOTES/",
                "/apps/%6eotes/x")) {
            TestBridge.RawResponse response = peer.rawGet(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain(PLUGIN_SECRET);
        }
    }

    @Test
    void noSpellingOfAPathEscapesTheAppsWebFolder() throws Exception {
        List<String> escapes = List.of(
                "/apps/notes/../secret.txt",
                "/apps/notes/../../outside.txt",
                "/apps/notes/../../../../../../../../etc/passwd",
                "/apps/notes/sub/../../secret.txt",
                "/apps/notes/%2e%2e/secret.txt",
                "/apps/notes/%2E%2E/%2E%2E/outside.txt",
                "/apps/notes/.%2e/secret.txt",
                "/apps/notes/%2e%2e%2fsecret.txt",
                "/apps/notes/..%2fsecret.txt",
                "/apps/notes/..%5csecret.txt",
                "/apps/notes/..\\secret.txt",
                "/apps/notes/..;/secret.txt",
                "/apps/notes/%252e%252e/secret.txt",
                "/apps/notes/%c0%ae%c0%ae/secret.txt",
                "/apps/notes/../com/example/Notes.class",
                "/apps/notes//../secret.txt",
                "/apps/notes/" + temp.resolve("outside.txt").toString().substring(1),
                "/apps/notes/file:" + temp.resolve("outside.txt"),
                "/apps/ledger/../secret.txt",
                "/apps/ledger/%2e%2e/secret.txt",
                "/apps/ledger/../META-INF/private.txt",
                "/apps/ledger/../../outside.txt",
                "/apps/..%2fnotes%2f..%2fsecret.txt",
                "/apps/%2e%2e/outside.txt",
                "/apps/../apps/notes/../secret.txt",
                "/x/../apps/notes/../secret.txt");
        for (String path : escapes) {
            TestBridge.RawResponse response = peer.rawGet(path);
            assertThat(response.status()).as(path).isIn(400, 403, 404, 426);
            assertThat(response.body()).as(path).doesNotContain(PLUGIN_SECRET, DISK_SECRET, "root:");
        }
    }

    @Test
    void theHostsClassPathIsNotServed() throws Exception {
        // Each of these exists on the test's class path (the host's classes, a test resource, the JDK).
        assertThat(getClass().getClassLoader().getResource("net/intercomj/host/Main.class")).isNotNull();
        assertThat(getClass().getClassLoader().getResource("net/intercomj/host/wallet/README.md")).isNotNull();
        assertThat(getClass().getClassLoader().getResource("logback.xml")).isNotNull();
        Map<String, String> markers = Map.of("net/intercomj/host/Main.class", "net/intercomj/host/Main",
                "net/intercomj/host/wallet/README.md", "Wallet test vectors", "logback.xml", "configuration",
                "java/lang/Object.class", "java/lang/Object", "META-INF/MANIFEST.MF", "Manifest-Version");
        for (Map.Entry<String, String> resource : markers.entrySet()) {
            for (String path : List.of("/apps/notes/" + resource.getKey(), "/apps/notes/../" + resource.getKey(),
                    "/apps/ledger/../" + resource.getKey(), "/apps/notes/%2e%2e/" + resource.getKey(),
                    "/apps/notes/sub/../../" + resource.getKey(), "/apps/" + resource.getKey())) {
                TestBridge.RawResponse response = peer.rawGet(path);
                assertThat(response.status()).as(path).isIn(400, 403, 404);
                assertThat(response.body()).as(path).doesNotContainIgnoringCase(resource.getValue());
            }
        }
    }

    @Test
    void everythingElseStillAsksForAnUpgrade() throws Exception {
        for (String path : List.of("/", "/index.html", "/app", "/appsx/notes/")) {
            TestBridge.RawResponse response = peer.rawGet(path);
            assertThat(response.status()).as(path).isEqualTo(426);
            assertThat(response.body()).isEqualTo("Upgrade Required");
        }
    }

    @Test
    void theAppsAreListedByIdAndABridgeWithoutAppsSaysSo() throws Exception {
        try (WebApps apps = WebApps.of(Map.of("a", temp.resolve("notes"), "b", temp.resolve("headless")))) {
            assertThat(apps.ids()).containsExactly("a");
        }
        try (TestBridge bare = TestBridge.start()) {
            TestBridge.RawResponse index = bare.rawGet("/apps/");
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.body()).contains("No plugin on this peer ships a web app.");
            assertThat(bare.rawGet("/apps/notes/").status()).isEqualTo(404);
        }
    }
}
