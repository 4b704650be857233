package net.intercomj.host.contract.schema;

import static net.intercomj.host.contract.schema.SchemaJson.json;
import static net.intercomj.host.contract.schema.SchemaJson.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Validation returns a result, never an exception, whatever the value: random JSON values (seeded,
 * so a failure replays) shaped with the property names of every schema of the vectors, numbers of
 * every kind Jackson makes, nesting deeper than any stack.
 */
class ContractSchemaFuzzTest {

    private static final long SEED = 0x5EED_2026_C0DEL;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void validateNeverThrowsOnRandomValues() {
        Map<String, ContractSchema> schemas = schemas();
        List<String> keys = new ArrayList<>(propertyNames(schemas.keySet()));
        Random random = new Random(SEED);
        int validations = 0;
        for (int round = 0; round < 400; round++) {
            for (ContractSchema schema : schemas.values()) {
                JsonNode value = random.nextInt(20) == 0 ? MissingNode.getInstance() : randomValue(random, keys, 0);
                assertWellFormed(schema.validate(value));
                validations++;
            }
        }
        assertThat(validations).isGreaterThan(50_000);
    }

    @Test
    void deepNestingNeitherOverflowsNorSlowsDown() {
        ArrayNode deepArray = NODES.arrayNode();
        ArrayNode at = deepArray;
        for (int i = 0; i < 200_000; i++) {
            at = at.addArray();
        }
        at.add("x");
        ObjectNode deepObject = NODES.objectNode();
        ObjectNode inner = deepObject;
        for (int i = 0; i < 200_000; i++) {
            inner = inner.putObject("a");
        }
        for (String rule : List.of("'is_hex'", "'bitcoin_address'", "'bigint'", "{type: 'enum', values: [1]}",
                "{type: 'equal', value: 'x'}", "{type: 'array', unique: true, enum: ['x'], contains: 1}", "'string'",
                "{type: 'object', strict: true, props: {b: 'any'}}", "{$$type: 'object', a: {$$type: 'object', a: 'string'}}")) {
            ContractSchema schema = schema("{a: " + rule + "}");
            ObjectNode arrayValue = NODES.objectNode();
            arrayValue.set("a", deepArray);
            ObjectNode objectValue = NODES.objectNode();
            objectValue.set("a", deepObject);
            assertWellFormed(schema.validate(arrayValue));
            assertWellFormed(schema.validate(objectValue));
        }
        ValidationResult hex = schema("{a: 'is_hex'}").validate(json("{a: [[1, [2]], 3]}"));
        assertThat(hex.errors().get(0).message()).isEqualTo("The 'a' field must a hex! Actual: 1,2,3");
    }

    @Test
    void everyKindOfNumberNodeIsHandled() {
        List<JsonNode> numbers = List.of(DoubleNode.valueOf(Double.NaN), DoubleNode.valueOf(Double.POSITIVE_INFINITY),
                DoubleNode.valueOf(Double.NEGATIVE_INFINITY), DoubleNode.valueOf(-0.0), FloatNode.valueOf(1.5f),
                DecimalNode.valueOf(new BigDecimal("1E+1000000000")), DecimalNode.valueOf(new BigDecimal("-1E-1000000000")),
                DecimalNode.valueOf(new BigDecimal("12345678901234567890.000")),
                BigIntegerNode.valueOf(BigInteger.TEN.pow(5000)), NODES.numberNode(Long.MIN_VALUE));
        List<ContractSchema> schemas = List.of(schema("{a: 'number'}"), schema("{a: 'number|integer|min:0|max:10'}"),
                schema("{a: {type: 'bigint', min: -1, max: '1000'}}"), schema("{a: {type: 'enum', values: [0, 1.5]}}"),
                schema("{a: {type: 'equal', value: '0'}}"), schema("{a: {type: 'array', unique: true}}"),
                schema("{a: 'string'}"), schema("{a: 'is_hex'}"));
        for (JsonNode number : numbers) {
            for (ContractSchema schema : schemas) {
                ObjectNode value = NODES.objectNode();
                value.set("a", number);
                assertWellFormed(schema.validate(value));
                ArrayNode inArray = value.putArray("a").add(number).add(number);
                assertWellFormed(schema.validate(value));
                assertThat(inArray.size()).isEqualTo(2);
            }
        }
        // JSON.parse reads these as NaN or Infinity, which no number rule accepts.
        assertThat(schema("{a: 'number'}").validate(NODES.objectNode().set("a", DoubleNode.valueOf(Double.NaN)))
                .errors()).extracting(ValidationError::type).containsExactly("number");
        assertThat(schema("{a: 'number'}").validate(NODES.objectNode().set("a", BigIntegerNode.valueOf(BigInteger.TEN.pow(400))))
                .errors()).extracting(ValidationError::type).containsExactly("number");
        // Exact, however large.
        assertThat(schema("{a: 'bigint'}").validate(NODES.objectNode().set("a", BigIntegerNode.valueOf(BigInteger.TEN.pow(5000))))
                .valid()).isTrue();
        assertThat(schema("{a: {type: 'bigint', max: 5}}").validate(
                NODES.objectNode().set("a", DecimalNode.valueOf(new BigDecimal("1E+1000000000")))).errors())
                .extracting(ValidationError::type).containsExactly("bigintMax");
    }

    @Test
    void oneSchemaServesManyThreadsAlike() throws Exception {
        ContractSchema schema = schema("""
                {$$strict: true, value: {$$type: 'object', $$strict: true, op: 'string|min:2',
                 n: {type: 'bigint', max: 10}, tags: {type: 'array', items: 'is_hex', unique: true}}}
                """);
        Random random = new Random(SEED);
        List<String> keys = List.of("value", "op", "n", "tags", "x");
        List<JsonNode> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(randomValue(random, keys, 0));
        }
        List<ValidationResult> expected = values.stream().map(schema::validate).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ValidationResult>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> values.stream().map(schema::validate).toList()));
            }
            for (Future<List<ValidationResult>> run : runs) {
                List<ValidationResult> results = run.get();
                for (int i = 0; i < results.size(); i++) {
                    assertThat(describe(results.get(i))).isEqualTo(describe(expected.get(i)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> describe(ValidationResult result) {
        return result.errors().stream().map(e -> e.type() + "@" + e.field() + ":" + e.message()).toList();
    }

    private static void assertWellFormed(ValidationResult result) {
        assertThat(result).isNotNull();
        assertThat(result.valid()).isEqualTo(result.errors().isEmpty());
        for (ValidationError error : result.errors()) {
            assertThat(error.type()).isNotEmpty();
            assertThat(error.message()).isNotEmpty();
            assertThat(error.field()).isNotNull();
            assertThat(error.actual()).isNotNull();
            assertThat(error.expected()).isNotNull();
        }
    }

    /** Every distinct schema of the vectors, compiled, plus a few more. */
    private static Map<String, ContractSchema> schemas() {
        Map<String, ContractSchema> schemas = new LinkedHashMap<>();
        for (JsonNode vector : SchemaJson.resource("/contract/schema/vectors.json").path("cases")) {
            schemas.computeIfAbsent(vector.get("schema").toString(), text -> ContractSchema.compile(vector.get("schema")));
        }
        for (String extra : List.of("{$$root: true, type: 'any'}", "{$$root: true, type: 'array', items: {$$type: 'object', a: 'bigint'}}",
                "{a: {type: 'string', pattern: '^(a|b)*$'}}", "{a: {type: 'equal', value: ''}}")) {
            schemas.put(extra, schema(extra));
        }
        return schemas;
    }

    /** Property names found in the schemas' texts, so random objects reach nested rules. */
    private static Set<String> propertyNames(Set<String> schemaTexts) {
        Set<String> names = new LinkedHashSet<>(List.of("", "1", "__proto__", "$$strict", "zz"));
        for (String text : schemaTexts) {
            collect(SchemaJson.json(text), names);
        }
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
            node.forEach(child -> collect(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }

    private static JsonNode randomValue(Random random, List<String> keys, int depth) {
        int kind = random.nextInt(depth > 5 ? 9 : 13);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(2001) - 1000);
            case 3 -> NODES.numberNode(random.nextLong());
            case 4 -> randomDouble(random);
            case 5 -> random.nextBoolean() ? BigIntegerNode.valueOf(new BigInteger(random.nextInt(300) + 1, random))
                    : DecimalNode.valueOf(new BigDecimal(new BigInteger(64, random), random.nextInt(40) - 20));
            case 6, 7 -> NODES.textNode(randomText(random));
            case 8 -> random.nextInt(10) == 0 ? BinaryNode.valueOf(new byte[] {1, 2}) : NODES.textNode("ab".repeat(32));
            case 9, 10 -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(6);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, keys, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                int size = random.nextInt(7);
                for (int i = 0; i < size; i++) {
                    object.set(keys.get(random.nextInt(keys.size())), randomValue(random, keys, depth + 1));
                }
                yield object;
            }
        };
    }

    private static JsonNode randomDouble(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> DoubleNode.valueOf(Double.NaN);
            case 1 -> DoubleNode.valueOf(random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            case 2 -> DoubleNode.valueOf(-0.0);
            case 3 -> DoubleNode.valueOf(Double.longBitsToDouble(random.nextLong()));
            default -> DoubleNode.valueOf((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
        };
    }

    private static final String[] FRAGMENTS = {"a", "Z", "0", "9", "-", "_", " ", "\n", "\r", "\u2028", "\u00a0", "\ud83d\ude00",
        "\ud800", "\udfff", "é", "0x", "1", "bc1", "0x5aAe", "$&", "{field}", "'", "\"", "\\", "ab", "ff", "So1", "1e3", "."};

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(12);
        for (int i = 0; i < parts; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        if (random.nextInt(30) == 0) {
            text.append("ab".repeat(random.nextInt(50_000)));
        }
        return text.toString();
    }
}
