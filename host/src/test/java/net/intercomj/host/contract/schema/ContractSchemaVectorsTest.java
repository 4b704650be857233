package net.intercomj.host.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code contract/schema/vectors.json}: (schema, value) pairs run through the real
 * fastest-validator 1.19.0 configured as trac-peer does, by {@code generate-vectors.mjs} next to
 * it. Every verdict, error type, message, field, actual and expected value must match, except
 * the expected value of {@code stringPattern}: fastest-validator pastes the pattern's text into a
 * JavaScript string literal, which mangles its backslashes ({@code /\s/} becomes {@code "/s/"});
 * this port reports the pattern as written. Vectors marked {@code ours} hold this port's intended
 * result where it deliberately differs from upstream (see the script).
 */
class ContractSchemaVectorsTest {

    private static final JsonNode VECTORS = SchemaJson.resource("/contract/schema/vectors.json");

    @Test
    void vectorsComeFromTheExpectedVersionsAndCoverTheFixedDefects() {
        assertThat(VECTORS.path("versions").path("fastest-validator").asText()).isEqualTo("1.19.0");
        assertThat(VECTORS.path("cases").size()).isGreaterThan(500);
        List<String> oursGroups = new ArrayList<>();
        VECTORS.path("cases").forEach(c -> {
            if (c.has("ours")) {
                oursGroups.add(c.path("group").asText());
            }
        });
        assertThat(oursGroups).contains("bigint", "bigint bounds", "nested strict", "bitcoin_address");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatches() {
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode cases = VECTORS.path("cases");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode vector = cases.get(i);
            String name = i + " " + vector.path("group").asText() + " "
                    + (vector.has("value") ? vector.get("value").toString() : "(absent)");
            tests.add(DynamicTest.dynamicTest(name, () -> check(vector)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCompileErrorMatches() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : VECTORS.path("compileErrors")) {
            tests.add(DynamicTest.dynamicTest(vector.path("name").asText(), () ->
                    assertThatThrownBy(() -> ContractSchema.compile(vector.get("schema")))
                            .isInstanceOf(SchemaException.class)
                            .hasMessageStartingWith(vector.path("message").asText())));
        }
        return tests.stream();
    }

    private static void check(JsonNode vector) {
        ContractSchema schema = ContractSchema.compile(vector.get("schema"));
        JsonNode value = vector.has("value") ? vector.get("value") : MissingNode.getInstance();
        ValidationResult result = schema.validate(value);
        List<String> actual = result.errors().stream().map(ContractSchemaVectorsTest::describe).toList();
        List<String> expected = new ArrayList<>();
        vector.path("errors").forEach(e -> expected.add(describe(e)));
        assertThat(actual).as("errors").containsExactlyElementsOf(expected);
        assertThat(result.valid()).as("valid").isEqualTo(vector.path("valid").asBoolean());
        for (int i = 0; i < result.errors().size(); i++) {
            ValidationError error = result.errors().get(i);
            JsonNode wanted = vector.path("errors").get(i);
            assertTrue(SchemaJson.same(error.actual(), wanted.path("actual")),
                    () -> "actual of " + error + ", wanted " + wanted.path("actual"));
            if (!error.type().equals("stringPattern")) {
                assertTrue(SchemaJson.same(error.expected(), wanted.path("expected")),
                        () -> "expected of " + error + ", wanted " + wanted.path("expected"));
            }
        }
    }

    private static String describe(ValidationError error) {
        return error.type() + " at '" + error.field() + "': " + error.message();
    }

    private static String describe(JsonNode error) {
        return error.path("type").asText() + " at '" + error.path("field").asText("") + "': "
                + error.path("message").asText();
    }
}
