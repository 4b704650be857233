package net.intercomj.dist;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The InterSplit Control Panel ({@code /apps/intersplit/}) through the seed README's frontend
 * tutorial, in headless Chromium (Debian's, driven by Playwright) against two peers started from
 * the distribution as separate processes. Peer A creates the subnet and serves the page; tab A
 * talks to A's bridge, tab B is loaded from A's origin too but talks to B's bridge, which lists
 * A's origin in {@code --sc-bridge-origins} (the other-origin case).
 *
 * <p>The first test is the tutorial up to the export. The second drives persist, restore and
 * the assistant against a stub bridge (Playwright's WebSocket routing), to check what the page
 * sends and shows whatever the plugin answers. The third persists the room on A for real,
 * restarts A with the same stores, restores and checks the balance again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterSplitBrowserIT {

    private static final String PUBKEY = "Peer pubkey (hex): ";
    private static final String BOOTSTRAP = "Peer subnet bootstrap: ";
    private static final String CHANNEL = "trip-nyc";
    private static final String WIRED = "rooms loaded from"; // InterSplit's log line once it is wired
    /** The flags that pin the InterSplit contract on the subnet A creates: persist needs it. */
    private static final List<String> PIN_APP = List.of("--app", "intersplit");
    /** The page waits up to 65 s for a persist; the test a little longer. */
    private static final Duration PERSIST = Duration.ofSeconds(75);
    /** How long B may take to get A's entry: live over the sidechannel, else by the plugin's history sync. */
    private static final Duration SYNC = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The peers' working directory, kept across the two tests (A restarts from its stores in it). */
    @TempDir
    static Path work;

    private final List<PeerProcess> peers = new ArrayList<>();
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();
    private String[] argsA;
    private PeerProcess a;
    private PeerProcess b;
    private String keyA;
    private String keyB;
    private int bridgeA;
    private int bridgeB;
    private String tokenA;
    private String tokenB;
    private Playwright playwright;
    private Browser browser;
    private Page tabA;
    private Page tabB;
    private boolean tutorialPassed;

    private interface Step {
        void run() throws Exception;
    }

    /** Repeats {@code action} until {@code check} passes, within {@code within}. */
    private static void repeatUntil(String what, Duration within, Step action, Step check) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            action.run();
            try {
                check.run();
                return;
            } catch (AssertionError | ConditionTimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(what + " did not happen within " + within, e);
                }
            }
        }
    }

    private static LocatorAssertions.ContainsTextOptions within(Duration timeout) {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(timeout.toMillis());
    }

    @BeforeAll
    void startPeersAndBrowser() throws Exception {
        int dhtPort = FreePorts.udp();
        String dht = "127.0.0.1:" + dhtPort;
        bridgeA = FreePorts.tcp();
        bridgeB = FreePorts.tcp();
        tokenA = BridgeTokens.random();
        tokenB = BridgeTokens.random();
        try {
            PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(dhtPort));
            peers.add(dhtNode);
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);

            List<String> flagsA = new ArrayList<>(List.of("a", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--sidechannel-welcome-required", "0", "--sidechannels", CHANNEL, "--sc-bridge", "1",
                    "--sc-bridge-port", String.valueOf(bridgeA), "--sc-bridge-token", tokenA));
            flagsA.addAll(PIN_APP);
            argsA = flagsA.toArray(String[]::new);
            a = PeerProcess.start(work, argsA);
            peers.add(a);
            keyA = a.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String subnet = a.awaitStdoutStartingWith(BOOTSTRAP, PeerProcess.STARTUP).substring(BOOTSTRAP.length());

            b = PeerProcess.start(work, "b", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--subnet-bootstrap", subnet, "--sidechannel-welcome-required", "0", "--sidechannels", CHANNEL,
                    "--sc-bridge", "1", "--sc-bridge-port", String.valueOf(bridgeB), "--sc-bridge-token", tokenB,
                    "--sc-bridge-origins", "http://127.0.0.1:" + bridgeA);
            peers.add(b);
            keyB = b.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            for (PeerProcess peer : List.of(a, b)) {
                peer.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                peer.awaitStderrCount(WIRED, 1, PeerProcess.REPLY);
            }
            a.awaitStdoutLine("SC-Bridge: ws://127.0.0.1:" + bridgeA, PeerProcess.STARTUP);
            b.awaitStdoutLine("SC-Bridge: ws://127.0.0.1:" + bridgeB, PeerProcess.STARTUP);
        } catch (AssertionError | ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, peers);
        }

        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Chromium.path()).setHeadless(true));
        PlaywrightAssertions.setDefaultAssertionTimeout(PeerProcess.REPLY.toMillis());
        BrowserContext context = browser.newContext();
        tabA = context.newPage();
        tabB = context.newPage();
        tabA.onPageError(error -> pageErrors.add("tab A: " + error));
        tabB.onPageError(error -> pageErrors.add("tab B: " + error));
    }

    @AfterAll
    void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        peers.forEach(PeerProcess::close);
    }

    private String appUrl() {
        return "http://127.0.0.1:" + bridgeA + "/apps/intersplit/";
    }

    /** Connect, Join, Subscribe on {@code tab}, checking the page's status texts. */
    private static void connectJoinSubscribe(Page tab, String peerKey) {
        tab.locator("#connect").click();
        assertThat(tab.locator("#status")).hasText("authenticated");
        assertThat(tab.locator("#feed")).containsText("INFO Hello peer=" + peerKey + " requiresAuth=true");
        assertThat(tab.locator("#feed")).containsText("OK Authenticated.");
        assertThat(tab.locator("#peer")).hasText(peerKey);
        tab.locator("#join").click();
        assertThat(tab.locator("#joinStatus")).hasText("Join: joined " + CHANNEL);
        tab.locator("#subscribe").click();
        assertThat(tab.locator("#subscribeStatus")).hasText("Subscribe: " + CHANNEL);
    }

    /** Clicks Balance until the balance card shows every one of {@code lines}, within {@code timeout}. */
    private static void awaitBalance(String what, Page tab, Duration timeout, String... lines) throws Exception {
        Locator view = tab.locator("#balanceView");
        repeatUntil(what, timeout, () -> tab.locator("#balance").click(), () -> {
            for (String line : lines) {
                assertThat(view).containsText(line, within(Duration.ofSeconds(2)));
            }
        });
    }

    /**
     * Waits for the first feed line that is either {@code OK <success>…} or an ERROR, and fails
     * with that line if it is an error (so a refused request does not wait for the whole timeout).
     * {@code success} is plain text without regex metacharacters (it becomes part of a JS regex).
     */
    private static void awaitOutcome(Page tab, String success, Duration timeout) {
        Locator outcome = tab.locator("#feed li.ok, #feed li.error").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("OK " + success + "|ERROR ")));
        assertThat(outcome.first()).isAttached(new LocatorAssertions.IsAttachedOptions().setTimeout(timeout.toMillis()));
        assertThat(outcome.first()).containsText("OK " + success, within(Duration.ofSeconds(1)));
    }

    /** Saves what {@code tab} shows next to the distribution ({@code dist/target/}), to look at after a run. */
    private static void screenshot(Page tab, String name) {
        Path target = PeerProcess.launcher().getParent().getParent().getParent();
        tab.screenshot(new Page.ScreenshotOptions().setPath(target.resolve(name)).setFullPage(true));
    }

    @Test
    @Order(1)
    @Timeout(300)
    void theTutorialOnTwoPeersUpToTheExport() throws Exception {
        try {
            // Tab A: the page A's bridge serves, listed under /apps/, connecting to its own bridge by default.
            tabA.navigate("http://127.0.0.1:" + bridgeA + "/apps/");
            Locator listed = tabA.locator("a[href='/apps/intersplit/']");
            assertThat(listed).hasText("intersplit");
            listed.click();
            assertThat(tabA).hasURL(appUrl());
            assertThat(tabA).hasTitle("InterSplit Control Panel");
            assertThat(tabA.locator("#status")).hasText("disconnected");
            assertThat(tabA.locator("#wsUrl")).hasValue("ws://127.0.0.1:" + bridgeA);
            assertThat(tabA.locator("#channel")).hasValue(CHANNEL);
            assertThat(tabA.locator("#split")).hasValue("alice,bob");
            assertThat(tabA.locator("#restoreConfirmed")).isChecked();
            assertThat(tabA.locator("#restoreReplace")).not().isChecked();

            // Before connecting, the page says why nothing can be done.
            tabA.locator("#balance").click();
            assertThat(tabA.locator("#feed")).containsText("ERROR WebSocket is not connected.");
            tabA.locator("#connect").click();
            assertThat(tabA.locator("#feed")).containsText("ERROR SC-Bridge token is required.");

            tabA.locator("#token").fill(tokenA);
            connectJoinSubscribe(tabA, keyA);

            // Tab B: loaded from A's origin, pointed at B's bridge (which allows A's origin).
            tabB.navigate(appUrl());
            assertThat(tabB).hasTitle("InterSplit Control Panel");
            tabB.locator("#wsUrl").fill("ws://127.0.0.1:" + bridgeB);
            tabB.locator("#token").fill(tokenB);
            connectJoinSubscribe(tabB, keyB);

            // Tab A adds alice 30 split alice,bob note dinner with the form.
            tabA.locator("#payer").fill("alice");
            tabA.locator("#amount").fill("30");
            tabA.locator("#note").fill("dinner");
            tabA.locator("#addExpense").click();
            assertThat(tabA.locator("#feed")).containsText("OK Added 30.00 by alice split=alice,bob note=dinner [trip-nyc]");

            // Balance on A, then on B once the entry got there over the sidechannel.
            String[] first = {"alice: +15.00", "bob: -15.00", "bob -> alice: 15.00"};
            awaitBalance("tab A's balance after the first entry", tabA, PeerProcess.REPLY, first);
            assertThat(tabA.locator("#feed")).containsText("bob -> alice: 15.00");
            awaitBalance("tab B's balance after A's entry", tabB, SYNC, first);

            // Tab B: an incomplete prompt gets the usage, then the assistant adds bob 10 (Enter runs it).
            tabB.locator("#prompt").fill("add bob split alice,bob");
            tabB.locator("#prompt").press("Enter");
            assertThat(tabB.locator("#feed")).containsText("ERROR Use: add alice 30 split alice,bob note dinner");
            tabB.locator("#prompt").fill("add bob 10 split alice,bob note snacks");
            tabB.locator("#prompt").press("Enter");
            assertThat(tabB.locator("#feed")).containsText("OK Added 10.00 by bob split=alice,bob note=snacks [trip-nyc]");

            String[] both = {"entries: 2  total: 40.00", "alice: +10.00", "bob: -10.00", "bob -> alice: 10.00"};
            awaitBalance("tab B's balance after its entry", tabB, PeerProcess.REPLY, both);
            awaitBalance("tab A's balance after B's entry", tabA, SYNC, both);

            // A chat from tab A shows in tab B's feed, with A's key.
            tabA.locator("#chatMessage").fill("hello from tab A");
            repeatUntil("tab B showing tab A's chat", PeerProcess.REPLY, () -> tabA.locator("#sendChat").click(),
                    () -> assertThat(tabB.locator("#feed")).containsText("[trip-nyc] " + keyA + ": hello from tab A",
                            within(Duration.ofSeconds(2))));
            assertThat(tabA.locator("#feed")).containsText("OK [trip-nyc] you: hello from tab A");

            // Export Text on A: the copyable summary with the plan; csv from B with the format choice.
            assertThat(tabA.locator("#export")).hasText("Export Text");
            tabA.locator("#export").click();
            assertThat(tabA.locator("#exportView")).hasValue(Pattern.compile(
                    "^InterSplit Settlement Export\n.*channel: trip-nyc\n.*settlements:\n- bob -> alice: 10\\.00$",
                    Pattern.DOTALL));
            assertThat(tabA.locator("#feed")).containsText("OK Export text [trip-nyc]");
            tabB.locator("#exportFormat").selectOption("csv");
            assertThat(tabB.locator("#export")).hasText("Export CSV");
            tabB.locator("#export").click();
            assertThat(tabB.locator("#exportView")).hasValue("from,to,amount\nbob,alice,10.00");

            // Restore with "replace" asks first; dismissing it keeps the entries and sends nothing.
            tabA.locator("#restoreReplace").check();
            List<String> dialogs = new CopyOnWriteArrayList<>();
            tabA.onceDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            tabA.locator("#restore").click();
            assertThat(tabA.locator("#feed")).containsText("INFO Restore cancelled: local entries kept.");
            assertThat(dialogs).singleElement().asString().startsWith("Replace every local entry of \"trip-nyc\"");
            tabA.locator("#restoreReplace").uncheck();

            screenshot(tabA, "intersplit-tab-a.png");
            screenshot(tabB, "intersplit-tab-b.png");
            assertThat(pageErrors).as("uncaught errors in the pages").isEmpty();
            tutorialPassed = true;
        } catch (AssertionError | RuntimeException e) {
            throw PeerProcess.withLogs(e, peers);
        }
    }

    /**
     * Persist, restore and the assistant against a stub bridge: the requests the page sends (the
     * restore choices, the fixed {@code add} grammar), its busy state and how it shows the replies.
     */
    @Test
    @Order(2)
    @Timeout(120)
    void persistRestoreAndPromptsSendWhatTheUserChose() throws Exception {
        Page tab = tabA.context().newPage();
        tab.onPageError(error -> pageErrors.add("stub tab: " + error));
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        AtomicReference<WebSocketRoute> bridge = new AtomicReference<>();
        AtomicReference<JsonNode> heldPersist = new AtomicReference<>();
        tab.routeWebSocket(url -> url.startsWith("ws://stub.invalid"), ws -> {
            bridge.set(ws);
            ws.onMessage(frame -> {
                JsonNode request;
                try {
                    request = JSON.readTree(frame.text());
                } catch (Exception e) {
                    throw new AssertionError("the page sent something that is not JSON: " + frame.text(), e);
                }
                requests.add(request);
                ObjectNode reply = JSON.createObjectNode().put("id", request.path("id").asInt());
                switch (request.path("type").asText()) {
                    case "auth" -> reply.put("type", "auth_ok");
                    case "expense_persist" -> {
                        heldPersist.set(request); // answered by the test, once it has seen the busy state
                        return;
                    }
                    case "expense_restore" -> reply.put("type", "expense_restored")
                            .put("channel", request.path("channel").asText()).put("added", 1).put("total", 2)
                            .put("confirmed", request.path("confirmed").asBoolean())
                            .put("replace", request.path("replace").asBoolean()).put("source", "contract");
                    case "expense_add" -> reply.put("type", "expense_added").put("channel", "trip-nyc")
                            .put("broadcasted", true).set("event", JSON.createObjectNode()
                                    .put("payer", request.path("payer").asText().toLowerCase(java.util.Locale.ROOT))
                                    .put("amountCents", Math.round(Double.parseDouble(request.path("amount").asText()) * 100))
                                    .put("note", request.path("note").asText())
                                    .set("split", JSON.valueToTree(List.of(request.path("split").asText().split(",")))));
                    default -> reply.put("type", "error").put("error", "Expense split app not initialized.");
                }
                ws.send(reply.toString());
            });
            ws.send("{\"type\":\"hello\",\"peer\":\"" + "ab".repeat(32) + "\",\"requiresAuth\":true}");
        });
        try {
            tab.navigate(appUrl());
            tab.locator("#wsUrl").fill("ws://stub.invalid");
            tab.locator("#token").fill("stub-token");
            tab.locator("#connect").click();
            assertThat(tab.locator("#status")).hasText("authenticated");
            assertThat(requests.getFirst().path("token").asText()).isEqualTo("stub-token");
            Locator feed = tab.locator("#feed");

            // Persist: busy until the reply, also for the prompt; then the tx.
            tab.locator("#persist").click();
            assertThat(tab.locator("#persist")).hasText("Persisting...");
            assertThat(tab.locator("#persist")).isDisabled();
            assertThat(feed).containsText("INFO Persisting snapshot... this can take 10-60s.");
            tab.waitForCondition(() -> heldPersist.get() != null);
            JsonNode persist = heldPersist.get();
            assertThat(persist.path("channel").asText()).isEqualTo(CHANNEL);
            assertThat(persist.path("sim").isBoolean() && !persist.path("sim").asBoolean()).as("sim:false").isTrue();
            tab.locator("#prompt").fill("persist");
            tab.locator("#prompt").press("Enter");
            assertThat(feed).containsText("INFO Persist is already running.");
            String tx = "0123456789abcdef".repeat(4);
            bridge.get().send(JSON.createObjectNode().put("id", persist.path("id").asInt()).put("type", "expense_persisted")
                    .put("channel", CHANNEL).put("sim", false).put("tx", tx).putNull("result").toString());
            assertThat(feed).containsText("OK Persisted tx=" + tx);
            assertThat(tab.locator("#persist")).hasText("Persist");
            assertThat(tab.locator("#persist")).isEnabled();
            assertThat(requests).filteredOn(r -> r.path("type").asText().equals("expense_persist")).hasSize(1);

            // Restore merges the confirmed state by default.
            tab.locator("#restore").click();
            assertThat(feed).containsText("OK Restored added=1 total=2 source=contract");
            JsonNode restore = requests.getLast();
            assertThat(restore.toString()).contains("\"type\":\"expense_restore\"", "\"channel\":\"trip-nyc\"",
                    "\"confirmed\":true", "\"replace\":false");

            // Replace (after an accepted confirmation) of the unconfirmed view.
            tab.locator("#restoreConfirmed").uncheck();
            tab.locator("#restoreReplace").check();
            tab.onceDialog(dialog -> dialog.accept());
            int before = requests.size();
            tab.locator("#restore").click();
            assertThat(feed.locator("li", new Locator.LocatorOptions().setHasText("OK Restored added=1 total=2 source=contract")))
                    .hasCount(2);
            assertThat(requests).hasSize(before + 1);
            assertThat(requests.getLast().toString()).contains("\"type\":\"expense_restore\"", "\"confirmed\":false",
                    "\"replace\":true");
            // The prompt asks too; dismissing sends nothing.
            tab.onceDialog(dialog -> dialog.dismiss());
            tab.locator("#prompt").fill("restore");
            tab.locator("#prompt").press("Enter");
            assertThat(feed).containsText("INFO Restore cancelled: local entries kept.");
            assertThat(requests).hasSize(before + 1);

            // The add grammar: the payer right after add, the amount the first number after it, any letters.
            tab.locator("#prompt").fill("add 42 30 split 42,bob note rent");
            tab.locator("#prompt").press("Enter");
            assertThat(feed).containsText("OK Added 30.00 by 42 split=42,bob note=rent [trip-nyc]");
            assertThat(requests.getLast().toString()).contains("\"payer\":\"42\"", "\"amount\":\"30\"",
                    "\"split\":\"42,bob\"", "\"note\":\"rent\"");
            tab.locator("#prompt").fill("add Zoë 12.50 split zoë, łukasz note café à deux");
            tab.locator("#prompt").press("Enter");
            assertThat(feed).containsText("OK Added 12.50 by zoë split=zoë,łukasz note=café à deux [trip-nyc]");
            assertThat(requests.getLast().toString()).contains("\"payer\":\"Zoë\"", "\"amount\":\"12.50\"",
                    "\"split\":\"zoë,łukasz\"");
            tab.locator("#prompt").fill("hello there");
            tab.locator("#prompt").press("Enter");
            assertThat(feed).containsText("ERROR Unknown prompt. Try: add/balance/persist/restore/export/send");

            // A bridge error shows as an ERROR line, whole.
            tab.locator("#balance").click();
            assertThat(feed).containsText("ERROR Expense split app not initialized.");
            assertThat(pageErrors).as("uncaught errors in the pages").isEmpty();
        } finally {
            tab.close();
        }
    }

    @Test
    @Order(3)
    @Timeout(420)
    void persistRestartRestoreKeepsTheBalance() throws Exception {
        assumeTrue(tutorialPassed, "the tutorial steps before persisting passed");
        try {
            // Persist on tab A until a tx hash shows (an ERROR line ends the wait at once).
            tabA.locator("#clearFeed").click();
            assertThat(tabA.locator("#feed li")).hasCount(0);
            tabA.locator("#persist").click();
            assertThat(tabA.locator("#feed")).containsText("INFO Persisting snapshot... this can take 10-60s.");
            awaitOutcome(tabA, "Persisted tx=", PERSIST);
            assertThat(tabA.locator("#feed")).containsText(Pattern.compile("OK Persisted tx=[0-9a-f]{64}"));
            assertThat(tabA.locator("#persist")).hasText("Persist");
            assertThat(tabA.locator("#persist")).isEnabled();

            // Stop A from its terminal; the page notices.
            a.type("/exit");
            assertThat(a.awaitExit(PeerProcess.REPLY)).isZero();
            assertThat(tabA.locator("#status")).hasText("disconnected");

            // Start A again with the same stores and flags; tab A reconnects.
            a = PeerProcess.start(work, argsA);
            peers.add(a);
            a.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            a.awaitStdoutLine("SC-Bridge: ws://127.0.0.1:" + bridgeA, PeerProcess.STARTUP);
            a.awaitStderrCount(WIRED, 1, PeerProcess.REPLY);
            connectJoinSubscribe(tabA, keyA);

            // Restore (merge, confirmed state), then Balance: the same lines as before the restart.
            tabA.locator("#clearFeed").click();
            tabA.locator("#restore").click();
            awaitOutcome(tabA, "Restored ", Duration.ofSeconds(35));
            assertThat(tabA.locator("#feed")).containsText(
                    Pattern.compile("OK Restored added=\\d+ total=2 source=(contract|local)"));
            awaitBalance("tab A's balance after the restore", tabA, PeerProcess.REPLY,
                    "entries: 2  total: 40.00", "alice: +10.00", "bob: -10.00", "bob -> alice: 10.00");

            assertThat(pageErrors).as("uncaught errors in the pages").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            throw PeerProcess.withLogs(e, peers);
        }
    }
}
