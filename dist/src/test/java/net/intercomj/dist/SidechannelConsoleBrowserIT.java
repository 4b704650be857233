package net.intercomj.dist;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidechannel console web app as a person meets it: peer A serves it on its SC-Bridge port,
 * headless Chromium (Debian's, driven by Playwright; nothing is downloaded) opens it, and it
 * talks with peer B, a separate process driven through its terminal.
 */
@Timeout(300)
class SidechannelConsoleBrowserIT {

    private static final String PUBKEY = "Peer pubkey (hex): ";

    @TempDir
    Path work;

    private interface Step {
        void run() throws Exception;
    }

    /**
     * Repeats {@code action} until {@code check} passes: the first sends on a channel may go out
     * before the two peers have connected on it.
     */
    private static void repeatUntil(String what, Step action, Step check) throws Exception {
        Instant deadline = Instant.now().plus(PeerProcess.REPLY);
        while (true) {
            action.run();
            try {
                check.run();
                return;
            } catch (AssertionError | ConditionTimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(what + " did not happen within " + PeerProcess.REPLY, e);
                }
            }
        }
    }

    @Test
    void theConsoleServedByPeerAChatsWithPeerB() throws Exception {
        int dhtPort = FreePorts.udp();
        String bootstrap = "127.0.0.1:" + dhtPort;
        int bridgePort = FreePorts.tcp();
        String token = BridgeTokens.random();
        String base = "http://127.0.0.1:" + bridgePort;
        String app = base + "/apps/sidechannel/";
        List<String> pageErrors = new CopyOnWriteArrayList<>();

        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(dhtPort));
                PeerProcess a = PeerProcess.start(work, "a", "--dht-bootstrap", bootstrap, "--lan-discovery", "0",
                        "--sidechannel-welcome-required", "0", "--sc-bridge", "1",
                        "--sc-bridge-port", String.valueOf(bridgePort), "--sc-bridge-token", token);
                PeerProcess b = PeerProcess.start(work, "b", "--dht-bootstrap", bootstrap, "--lan-discovery", "0",
                        "--sidechannel-welcome-required", "0");
                Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Chromium.path()).setHeadless(true))) {
            PlaywrightAssertions.setDefaultAssertionTimeout(PeerProcess.REPLY.toMillis());
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);
            String keyA = a.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String keyB = b.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            a.awaitStdoutLine("SC-Bridge: ws://127.0.0.1:" + bridgePort, PeerProcess.STARTUP);
            a.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);
            b.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);

            Page page = browser.newPage();
            page.onPageError(pageErrors::add);

            // The index of web apps lists the sidechannel plugin's console, which opens from it.
            page.navigate(base + "/apps/");
            Locator listed = page.locator("a[href='/apps/sidechannel/']");
            assertThat(listed).hasText("sidechannel");
            listed.click();
            assertThat(page).hasURL(app);
            assertThat(page).hasTitle("Sidechannel console");
            Locator status = page.locator("#status");
            assertThat(status).hasText("disconnected");

            // A wrong token: the bridge's answer shows, and nothing but the token can be used.
            page.locator("#token").fill("not-the-token");
            page.locator("#connect").click();
            assertThat(status).hasText("Unauthorized.");
            assertThat(page.locator("#send")).isDisabled();

            // The token from the fragment (which no server sees) fills the field and leaves the address bar.
            page.navigate(app + "#token=" + token);
            assertThat(page.locator("#token")).hasValue(token);
            assertThat(page).hasURL(app);
            page.locator("#connect").click();
            assertThat(status).hasText("authenticated");
            assertThat(page.locator("#peer")).hasText(keyA);

            // Both peers join room1: the page through the bridge, B on its terminal.
            page.locator("#channel").fill("room1");
            page.locator("#join").click();
            Locator log = page.locator("#log");
            assertThat(log).containsText("joined room1");
            assertThat(page.locator("#channels button", new Page.LocatorOptions().setHasText("room1"))).isVisible();
            b.type("/sc_join --channel room1");
            b.awaitStdoutLine("Joined sidechannel: room1", PeerProcess.REPLY);

            // The page sends a text; B prints it with A's proven key.
            page.locator("#message").fill("hello from the browser");
            repeatUntil("B printing the browser's message",
                    () -> page.locator("#send").click(),
                    () -> b.awaitStdoutLine("[sidechannel:room1] " + keyA + ": hello from the browser",
                            Duration.ofSeconds(2)));
            assertThat(log).containsText("[room1] you: hello from the browser");

            // B answers from its terminal; the page logs it with B's short key.
            String fromB = "[room1] " + keyB.substring(0, 8) + "…: hello from b";
            repeatUntil("the page showing B's message",
                    () -> b.type("/sc_send --channel room1 --message \"hello from b\""),
                    () -> assertThat(log).containsText(fromB, new LocatorAssertions.ContainsTextOptions().setTimeout(2_000)));

            assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
        }
    }
}
