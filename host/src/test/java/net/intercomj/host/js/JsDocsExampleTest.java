package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JavaScript examples of docs/apps.md, taken from the page itself, run as the page says. */
class JsDocsExampleTest {

    private static final Path DOCS = Path.of("..", "docs", "apps.md");

    @TempDir
    Path folder;

    private JsApp app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    /** The ```js block of the page that starts with {@code // apps/notes/<file>}. */
    private static String block(String page, String file) {
        Matcher matcher = Pattern.compile("```js\\n// apps/notes/" + Pattern.quote(file) + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(page);
        assertThat(matcher.find()).as("docs/apps.md has the %s example", file).isTrue();
        return matcher.group(1);
    }

    @Test
    void theNotesAppOfTheGuideRuns() throws IOException {
        String page = Files.readString(DOCS);
        Path notes = JsSubnet.app(folder.resolve("notes"), "contract.js", block(page, "contract.js"), "protocol.js",
                block(page, "protocol.js"));
        app = JsApp.load(notes);
        assertThat(app.id()).isEqualTo("notes");

        Optional<TxCommand> command = app.mapTxCommand("save groceries milk and bread");
        assertThat(command).contains(new TxCommand("save_note",
                Json.object().put("title", "groceries").put("text", "milk and bread").build()));
        assertThat(app.mapTxCommand("delete groceries")).isEmpty();

        JsSubnet subnet = new JsSubnet(ContractRuntime.of(app));
        String save = command.orElseThrow().value().toJson();
        assertThat(subnet.tx(JsSubnet.ALICE, "save_note", save)).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/notes/" + JsSubnet.ALICE + "/groceries"))
                .contains("{\"text\":\"milk and bread\",\"title\":\"groceries\"}");
        assertThat(subnet.tx(JsSubnet.ALICE, "save_note", save)).isEqualTo(TxOutcome.failed("a note of that title exists"));
        assertThat(subnet.tx(JsSubnet.ALICE, "save_note", "{\"title\":\"x\",\"text\":\"y\",\"extra\":1}"))
                .isInstanceOf(TxOutcome.NotIndexed.class);
        assertThat(subnet.message("hello")).isEmpty();
        assertThat(subnet.get("app/notes/last_message")).contains("\"hello\"");
        assertThat(subnet.message("x".repeat(281))).contains("messages are at most 280 characters here");
        assertThat(subnet.feature("clock_feature", "now", "1700000000000")).isEmpty();
        assertThat(subnet.get("app/notes/now")).contains("1700000000000");
    }

    @Test
    void theClockFeatureOfTheGuideAppendsTheTime() throws Exception {
        String page = Files.readString(DOCS);
        Path notes = JsSubnet.app(folder.resolve("notes"), "contract.js", block(page, "contract.js"), "protocol.js",
                block(page, "protocol.js"), "features/clock.js", block(page, "features/clock.js"));
        app = JsApp.load(notes);
        assertThat(app.featureNames()).containsExactly("clock");
        FakeSubnet subnet = new FakeSubnet();
        long before = System.currentTimeMillis();
        JsApp.FeatureSource clock = app.features().getFirst();
        try (JsFeature feature = JsFeature.start(app.id(), clock.name(), clock.source(), subnet, PeerWallet.generate())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> subnet.appends.size() == 1);
            assertThat(feature.key()).contains("clock");
            assertThat(subnet.appends.getFirst().featureKey()).isEqualTo("clock");
            assertThat(subnet.appends.getFirst().key()).isEqualTo("now");
            assertThat(subnet.appends.getFirst().value().asLong()).isBetween(before, System.currentTimeMillis());
        }
    }
}
