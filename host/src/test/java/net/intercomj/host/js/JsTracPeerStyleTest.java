package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A contract and protocol written in trac-peer's own style (test resource {@code tracpeer-style/}):
 * they run as they are, their only tie to the host being {@code import ... from 'trac-peer'}.
 */
@Timeout(120)
class JsTracPeerStyleTest {

    private static Path folder;
    private static JsApp app;
    private static ContractRuntime runtime;

    @BeforeAll
    static void load() throws Exception {
        folder = Path.of(JsTracPeerStyleTest.class.getResource("tracpeer-style").toURI());
        app = JsApp.load(folder);
        ContractApps apps = new ContractApps();
        apps.add(app.id(), app.versionHash(), app);
        runtime = apps.find("tracpeer-style", app.versionHash()).orElseThrow();
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Test
    void theOnlyLinesThatNameTheHostAreTheImports() throws Exception {
        Pattern imports = Pattern.compile("import \\{\\s*(Contract|Protocol)\\s*\\} from 'trac-peer'");
        for (String file : List.of("contract.js", "protocol.js")) {
            List<String> lines = Files.readAllLines(folder.resolve(file));
            List<String> code = lines.stream().filter(line -> !line.strip().startsWith("*") && !line.strip().startsWith("/*")
                    && !line.strip().startsWith("//")).toList();
            assertThat(code).filteredOn(line -> line.contains("trac-peer") || line.startsWith("import"))
                    .singleElement().matches(line -> imports.matcher(line).matches());
            assertThat(lines).noneMatch(line -> line.contains("intercom") || line.contains("Java") || line.contains("host"));
        }
    }

    @Test
    void functionsRunWithTheOriginalsSemantics() {
        JsSubnet subnet = new JsSubnet(runtime);
        assertThat(subnet.tx("storeSomething", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.tx("storeSomething", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("something")).contains("\"there is something\"");

        assertThat(subnet.feature("timer_feature", "currentTime", "1700000000000")).isEmpty();
        // the feature re-checks its entry with this.check.validateSchema and ignores a bad one
        assertThat(subnet.feature("timer_feature", "", "1")).isEmpty();
        assertThat(subnet.get("currentTime")).contains("1700000000000");

        assertThat(subnet.tx("submitSomething", "{\"op\":\"do_something\",\"some_key\":\"k\"}")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("submitted_by/" + JsSubnet.ALICE)).contains("{\"bigint_string\":\"1000000000000000000\","
                + "\"decimal\":\"1\",\"op\":\"do_something\",\"some_key\":\"k\",\"timestamp\":1700000000000}");
        // returning an Error fails the tx with its message, as trac-peer's getError has it
        assertThat(subnet.tx(JsSubnet.BOB, "submitSomething", "{\"op\":\"do_something\",\"some_key\":\"nothing\"}"))
                .isEqualTo(TxOutcome.failed("Cannot be nothing"));
        assertThat(subnet.tx("submitSomething", "{\"op\":\"do_something\",\"some_key\":\"k\",\"more\":1}"))
                .isInstanceOfSatisfying(TxOutcome.NotIndexed.class, n -> assertThat(n.reason()).startsWith("Invalid schema."));
        // registered by addSchema, but the contract has no method of that name
        assertThat(subnet.tx("feature_entry", "{\"key\":\"a\",\"value\":1}"))
                .isEqualTo(new TxOutcome.NotIndexed(ContractRuntime.UNKNOWN_TYPE));
    }

    @Test
    void bigIntegerArithmeticWithTheProtocolsHelpers() {
        JsSubnet subnet = new JsSubnet(runtime);
        // returning false fails the tx with "Error"
        assertThat(subnet.tx("readOnly", "null")).isEqualTo(TxOutcome.failed("Error"));
        assertThat(subnet.tx("mint", "{\"op\":\"mint\",\"amount\":\"1.5\"}")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.tx("mint", "{\"op\":\"mint\",\"amount\":\"998.5\"}")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("balances/" + JsSubnet.ALICE)).contains("\"1000000000000000000000\"");
        assertThat(subnet.get("supply")).contains("\"1000\"");
        assertThat(subnet.tx("mint", "{\"op\":\"mint\",\"amount\":\"0.000000000000000001\"}"))
                .isEqualTo(TxOutcome.failed("Cap exceeded."));
        assertThat(subnet.tx("mint", "{\"op\":\"mint\",\"amount\":\"-1\"}")).isEqualTo(TxOutcome.failed("Invalid amount."));
        // toBigIntString throws above 2^128 - 1, as in trac-peer
        assertThat(subnet.tx("mint", "{\"op\":\"mint\",\"amount\":\"" + "9".repeat(40) + "\"}")).isEqualTo(
                TxOutcome.failed("Error in contract: Error: Amount exceeds maximum allowed value (2^128 - 1)"));
        assertThat(subnet.tx("readOnly", "null")).isEqualTo(TxOutcome.ok());
    }

    @Test
    void theChatHookStoresTheLastMessage() {
        JsSubnet subnet = new JsSubnet(runtime);
        assertThat(subnet.message("gm")).isEmpty();
        assertThat(subnet.get("chat_last")).contains("{\"address\":\"" + JsSubnet.ALICE + "\",\"at\":null,\"msg\":\"gm\"}");
    }

    @Test
    void theProtocolMapsCommandsAndRunsCustomCommands() {
        assertThat(app.mapTxCommand("something")).contains(new TxCommand("storeSomething", Json.NULL));
        assertThat(app.mapTxCommand("{\"op\":\"mint\",\"amount\":\"2\"}")).contains(new TxCommand("mint",
                Json.object().put("op", "mint").put("amount", "2").build()));
        assertThat(app.mapTxCommand("{\"op\":\"other\"}")).isEmpty();
        assertThat(app.mapTxCommand("nothing at all")).isEmpty();
        java.util.List<String> printed = new java.util.ArrayList<>();
        assertThat(app.customCommand("/print --text \"I am printing\"", printed::add)).isEmpty();
        assertThat(printed).isNotEmpty().anyMatch(line -> line.contains("I am printing"));
    }
}
