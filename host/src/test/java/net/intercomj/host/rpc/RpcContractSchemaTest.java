package net.intercomj.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.json.Json;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.rpc.handlers.ContractSchemaHandler;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.view.ViewReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /v1/contract/schema} for the contract the confirmed view pins. */
@Timeout(60)
class RpcContractSchemaTest {

    private static final String V1 = "11".repeat(32);
    private static final String V2 = "22".repeat(32);

    /** A schema type, two functions (registered out of order) and a feature. */
    static final ContractApp NOTES = contract -> {
        contract.addSchema("save_note", Json.object()
                .put("value", Json.object().put("$$type", "object").put("$$strict", true)
                        .put("title", "string|min:1|max:64")
                        .put("text", Json.object().put("type", "string").put("max", 2000).put("optional", true).build())
                        .build())
                .build(), call -> { });
        contract.addFunction("zap", call -> { });
        contract.addFunction("archive", call -> { });
        contract.addFeature("clock_feature", call -> { });
        contract.addSchema("tagged", Json.object().put("tag", "string").build(), call -> { });
    };

    private final Map<String, String> confirmed = new HashMap<>();
    private final ContractApps apps = new ContractApps();
    private TestRpc rpc;

    @BeforeEach
    void start() {
        ViewReader view = key -> Optional.ofNullable(confirmed.get(key));
        rpc = TestRpc.start(List.of(new ContractSchemaHandler(() -> view, apps)));
    }

    @AfterEach
    void close() {
        rpc.close();
    }

    private JsonNode schema() throws Exception {
        var response = rpc.get("/v1/contract/schema");
        assertThat(response.statusCode()).isEqualTo(200);
        return TestRpc.json(response);
    }

    private void pin(String app, String hash) {
        confirmed.put(ViewKeys.CONTRACT, "{\"app\":\"" + app + "\",\"hash\":\"" + hash + "\"}");
    }

    @Test
    void thePinnedContractsTransactionTypesWithoutItsFeatures() throws Exception {
        apps.add("notes", V1, NOTES);
        pin("notes", V1);
        JsonNode schema = schema();
        assertThat(schema.path("schemaVersion").intValue()).isEqualTo(1);
        assertThat(schema.path("schemaFormat").textValue()).isEqualTo("json-schema");
        JsonNode contract = schema.path("contract");
        assertThat(contract.path("app").textValue()).isEqualTo("notes");
        assertThat(contract.path("hash").textValue()).isEqualTo(V1);
        assertThat(contract.path("txTypes")).isEqualTo(TestRpc.json("[\"archive\",\"save_note\",\"tagged\",\"zap\"]"));
        assertThat(contract.path("ops").has("clock_feature")).isFalse();
        assertThat(contract.path("ops").path("archive")).isEqualTo(TestRpc.json("{\"value\":{}}"));
        assertThat(contract.path("ops").path("zap")).isEqualTo(TestRpc.json("{\"value\":{}}"));
        assertThat(contract.path("ops").path("save_note")).isEqualTo(TestRpc.json("""
                {"value":{"type":"object",
                  "properties":{"title":{"type":"string","minLength":1,"maxLength":64},
                                "text":{"type":"string","maxLength":2000}},
                  "additionalProperties":false,"required":["title"]}}"""));
        // Neither key nor value in the schema: all of it describes the value, as in the original.
        assertThat(contract.path("ops").path("tagged").path("value").path("properties").path("tag").path("type")
                .textValue()).isEqualTo("string");
        assertThat(schema.has("reason")).isFalse();
    }

    @Test
    void apiListsOnlyWhatThisRpcCanCall() throws Exception {
        JsonNode methods = schema().path("api").path("methods");
        assertThat(methods.size()).isEqualTo(1);
        assertThat(methods.path("generateNonce").path("route").textValue()).isEqualTo("GET /v1/contract/nonce");
        assertThat(methods.path("generateNonce").path("params").isEmpty()).isTrue();
        assertThat(methods.has("tx")).isFalse();
    }

    @Test
    void nothingPinnedIsSaidNotFailed() throws Exception {
        apps.add("notes", V1, NOTES);
        JsonNode schema = schema();
        assertThat(schema.path("contract").isNull()).isTrue();
        assertThat(schema.path("reason").textValue()).isEqualTo("The subnet pins no contract app.");
        assertThat(schema.path("api").path("methods").has("generateNonce")).isTrue();
    }

    @Test
    void aPinnedVersionNotLoadedHereIsSaidNotFailed() throws Exception {
        apps.add("notes", V1, NOTES);
        pin("notes", V2);
        JsonNode schema = schema();
        assertThat(schema.path("contract").isNull()).isTrue();
        assertThat(schema.path("reason").textValue())
                .isEqualTo("The subnet pins notes " + V2 + ", which is not loaded on this peer.");
    }

    @Test
    void followsThePinAcrossAnUpgrade() throws Exception {
        apps.add("notes", V1, NOTES);
        apps.add("notes", V2, contract -> contract.addFunction("only_v2", call -> { }));
        pin("notes", V1);
        assertThat(schema().path("contract").path("txTypes").size()).isEqualTo(4);
        pin("notes", V2);
        assertThat(schema().path("contract").path("txTypes")).isEqualTo(TestRpc.json("[\"only_v2\"]"));
    }
}
