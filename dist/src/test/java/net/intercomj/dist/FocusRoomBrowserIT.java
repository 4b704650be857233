package net.intercomj.dist;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FocusRoom proof dashboard as a person runs it: the host peer serves it at
 * {@code /apps/focusroom/} on its SC-Bridge port, headless Chromium (Debian's, driven by
 * Playwright; nothing is downloaded) opens it, connects to both peers' bridges (the joiner's
 * bridge allows the host's origin), runs the one-click proof flow, ends the session, and every
 * checklist step ticks.
 */
@Timeout(300)
class FocusRoomBrowserIT {

    private static final String PUBKEY = "Peer pubkey (hex): ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void theProofFlowTicksEveryChecklistStep() throws Exception {
        int dhtPort = FreePorts.udp();
        String bootstrap = "127.0.0.1:" + dhtPort;
        int hostPort = FreePorts.tcp();
        int joinerPort = FreePorts.tcp();
        String hostToken = BridgeTokens.random();
        String joinerToken = BridgeTokens.random();
        String room = "browser-proof-" + Long.toString(System.currentTimeMillis(), 36);
        String app = "http://127.0.0.1:" + hostPort + "/apps/focusroom/";
        List<String> pageErrors = new CopyOnWriteArrayList<>();

        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(dhtPort));
                PeerProcess host = PeerProcess.start(work, "host", "--dht-bootstrap", bootstrap, "--lan-discovery", "0",
                        "--sidechannel-welcome-required", "0", "--sc-bridge", "1",
                        "--sc-bridge-port", String.valueOf(hostPort), "--sc-bridge-token", hostToken);
                PeerProcess joiner = PeerProcess.start(work, "joiner", "--dht-bootstrap", bootstrap, "--lan-discovery", "0",
                        "--sidechannel-welcome-required", "0", "--sc-bridge", "1",
                        "--sc-bridge-port", String.valueOf(joinerPort), "--sc-bridge-token", joinerToken,
                        "--sc-bridge-origins", "http://127.0.0.1:" + hostPort);
                Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Chromium.path()).setHeadless(true))) {
            try {
                PlaywrightAssertions.setDefaultAssertionTimeout(PeerProcess.REPLY.toMillis());
                dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
                String hostKey = host.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
                host.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                joiner.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
                host.awaitStderrCount("Connected to ", 1, PeerProcess.REPLY);
                // The plugin wires itself within a second of the sidechannel plugin: wait for its console line.
                for (PeerProcess peer : List.of(host, joiner)) {
                    await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                        peer.type("/focus_rooms");
                        return peer.stdout().contains("[]");
                    });
                }

                Page page = browser.newPage(new Browser.NewPageOptions().setAcceptDownloads(true));
                page.onPageError(pageErrors::add);
                page.navigate(app + "#host=" + hostToken + "&joiner=" + joinerToken + "&joinerUrl=ws://127.0.0.1:"
                        + joinerPort + "/&room=" + room);
                assertThat(page).hasTitle("FocusRoom proof dashboard");
                assertThat(page).hasURL(app);
                assertThat(page.locator("#readiness")).hasText(Pattern.compile("^No peers connected"));

                page.locator("#host-connect").click();
                assertThat(page.locator("#host-status")).hasText("connected + authed");
                assertThat(page.locator("#readiness")).hasText("Host connected");
                page.locator("#joiner-connect").click();
                assertThat(page.locator("#joiner-status")).hasText("connected + authed");
                assertThat(page.locator("#readiness")).hasText("Both peers connected and ready.");
                assertThat(page.locator("#host-key")).hasText(hostKey.substring(0, 8) + "…" + hostKey.substring(60));

                page.locator("#run-flow").click();
                assertThat(page.locator("#step-joinerCheckedIn")).hasClass(Pattern.compile("\\bdone\\b"));
                assertThat(page.locator("#log")).containsText("waiting for the session to end");
                assertThat(page.locator("#room-status")).hasText("active");
                assertThat(page.locator("#countdown")).hasText(Pattern.compile("^2\\d:\\d\\d$"));
                assertThat(page.locator("#room-participants span")).hasCount(2);

                page.locator("[data-action=end]").click();
                for (String step : List.of("hostConnected", "joinerConnected", "joinerJoined", "hostStarted",
                        "joinerCheckedIn", "sessionEnded")) {
                    assertThat(page.locator("#step-" + step)).hasClass(Pattern.compile("\\bdone\\b"));
                }
                assertThat(page.locator("#checklist-count")).hasText("6/6");
                assertThat(page.locator("#log")).containsText("Proof flow complete.");
                assertThat(page.locator("#streaks-line")).containsText("Streaks: ");
                assertThat(page.locator("#room-status")).hasText("ended");
                assertThat(page.locator("#stats-card")).isVisible();
                Locator history = page.locator("#history li");
                assertThat(history).hasCount(1);
                assertThat(history.first()).containsText(room);
                assertThat(page.locator("#run-flow")).hasText("Run Proof Flow");

                Download download = page.waitForDownload(() -> page.locator("#export").click());
                assertThat(download.suggestedFilename()).matches("focus-proof-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.json");
                JsonNode exported = JSON.readTree(Files.readString(download.path()));
                exported.path("proofSteps").fields().forEachRemaining(step ->
                        assertThat(step.getValue().asBoolean()).as(step.getKey()).isTrue());
                assertThat(exported.path("proofSteps").size()).isEqualTo(6);
                assertThat(exported.path("peers").path("host").path("key").asText()).isEqualTo(hostKey);
                assertThat(exported.path("sessionHistory").size()).isEqualTo(1);

                assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
            } catch (AssertionError | RuntimeException e) {
                throw PeerProcess.withLogs(e, List.of(host, joiner));
            }
        }
    }
}
