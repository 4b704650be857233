package net.intercomj.host.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonBoolean;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonObject;
import net.intercomj.api.json.JsonString;
import org.junit.jupiter.api.Test;

class JsonNodesTest {

    // Exact numbers, as Json.parse reads them: without this Jackson reads 0.1 as a double.
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String[] STRINGS = {
        "", "a", "\"", "\\", "/", "\u0000", "\u001f", "\u2028", "\ud83d\ude00", "\ud800", "\udfff", "é", "key",
    };

    private static final String[] NUMBERS = {
        "0", "-0", "1.0", "-1", "1e21", "1.5e-7", "0.1", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "123456789012345678901234567890.5", "1e300", "2.5E-300",
    };

    @Test
    void apiValuesSurviveARoundTripThroughJackson() {
        Random random = new Random(31_337L);
        for (int i = 0; i < 2_000; i++) {
            Json value = randomValue(random, 0, true);
            Json back = JsonNodes.fromNode(JsonNodes.toNode(value));
            assertThat(back).as(value.toJson()).isEqualTo(value);
            // Same text: same key order and same numbers.
            assertThat(back.toJson()).isEqualTo(value.toJson());
        }
    }

    @Test
    void jacksonTreesSurviveARoundTripThroughTheApi() {
        Random random = new Random(4_242L);
        for (int i = 0; i < 2_000; i++) {
            JsonNode node = randomNode(random, 0);
            JsonNode back = JsonNodes.toNode(JsonNodes.fromNode(node));
            assertThat(back).as(node.toString()).isEqualTo(node);
            assertThat(back.toString()).isEqualTo(node.toString());
        }
    }

    @Test
    void jacksonAndTheApiReadTheSameTextAlike() throws Exception {
        Random random = new Random(99L);
        List<String> texts = new ArrayList<>(List.of(
                "{\"z\":1,\"a\":2,\"m\":{\"y\":[1,2,{\"b\":null,\"a\":true}]}}",
                "{\"a\":1,\"b\":2,\"a\":3}",
                " [ 1.50 , -0 , 1E3 , 2.5e-8 , 123456789012345678901234567890 , 0.1000000000000000055511151231257827 ] ",
                "\"\\ud83d\\ude00 \\u00e9 \\/ \\b\\f\\n\\r\\t\"",
                "\"\\ud800\"",
                "[true,false,null,{},[]]"));
        for (int i = 0; i < 1_000; i++) {
            // Jackson rejects a lone surrogate escape in a field name (not in a value).
            texts.add(randomValue(random, 0, false).toJson());
        }
        for (String text : texts) {
            Json api = Json.parse(text);
            Json viaJackson = JsonNodes.fromNode(EXACT.readTree(text));
            assertThat(viaJackson).as(text).isEqualTo(api);
            assertThat(viaJackson.toJson()).as(text).isEqualTo(api.toJson());
        }
    }

    @Test
    void keyOrderIsKeptBothWays() throws Exception {
        JsonObject api = Json.object().put("z", 1).put("a", 2).put("m", 3).build();
        JsonNode node = JsonNodes.toNode(api);
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("z", "a", "m");
        assertThat(node.toString()).isEqualTo("{\"z\":1,\"a\":2,\"m\":3}");

        JsonNode parsed = EXACT.readTree("{\"q\":1,\"b\":2,\"x\":{\"d\":1,\"c\":2},\"b\":5}");
        JsonObject back = JsonNodes.fromNode(parsed).asObject();
        assertThat(back.names()).containsExactly("q", "b", "x");
        assertThat(back.object("x").names()).containsExactly("d", "c");
        assertThat(back.integer("b")).isEqualTo(5);
    }

    @Test
    void integersBecomeLongNodesWhenTheyFit() {
        assertThat(JsonNodes.toNode(Json.of(5))).isEqualTo(LongNode.valueOf(5));
        assertThat(JsonNodes.toNode(Json.parse("2.0"))).isEqualTo(LongNode.valueOf(2));
        assertThat(JsonNodes.toNode(Json.parse("1e3"))).isEqualTo(LongNode.valueOf(1000));
        assertThat(JsonNodes.toNode(Json.of(Long.MIN_VALUE))).isEqualTo(LongNode.valueOf(Long.MIN_VALUE));
        assertThat(JsonNodes.toNode(Json.of(Long.MAX_VALUE))).isEqualTo(LongNode.valueOf(Long.MAX_VALUE));
        assertThat(JsonNodes.toNode(Json.parse("9223372036854775808")))
                .isEqualTo(BigIntegerNode.valueOf(new BigInteger("9223372036854775808")));
        assertThat(JsonNodes.toNode(Json.parse("-9223372036854775809")))
                .isEqualTo(BigIntegerNode.valueOf(new BigInteger("-9223372036854775809")));
        assertThat(JsonNodes.toNode(Json.parse("1e30"))).isEqualTo(BigIntegerNode.valueOf(BigInteger.TEN.pow(30)));
        JsonNode decimal = JsonNodes.toNode(Json.parse("1.50"));
        assertThat(decimal).isInstanceOf(DecimalNode.class);
        assertThat(decimal.decimalValue()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void everyJacksonNumberKeepsItsDecimalValue() {
        assertThat(JsonNodes.fromNode(IntNode.valueOf(7))).isEqualTo(Json.of(7));
        assertThat(JsonNodes.fromNode(ShortNode.valueOf((short) -3))).isEqualTo(Json.of(-3));
        assertThat(JsonNodes.fromNode(LongNode.valueOf(Long.MIN_VALUE))).isEqualTo(Json.of(Long.MIN_VALUE));
        assertThat(JsonNodes.fromNode(BigIntegerNode.valueOf(BigInteger.TEN.pow(40)))).isEqualTo(Json.parse("1e40"));
        assertThat(JsonNodes.fromNode(DecimalNode.valueOf(new BigDecimal("1.50"))).asDecimal())
                .isEqualTo(new BigDecimal("1.50"));
        // A double is its shortest decimal, not the binary fraction it stores.
        assertThat(JsonNodes.fromNode(DoubleNode.valueOf(0.1)).toJson()).isEqualTo("0.1");
        assertThat(JsonNodes.fromNode(DoubleNode.valueOf(0.1 + 0.2)).toJson()).isEqualTo("0.30000000000000004");
        assertThat(JsonNodes.fromNode(DoubleNode.valueOf(1e21)).toJson()).isEqualTo("1000000000000000000000");
        assertThat(JsonNodes.fromNode(FloatNode.valueOf(0.1f)).toJson()).isEqualTo("0.1");
        assertThat(JsonNodes.fromNode(FloatNode.valueOf(16777216f)).toJson()).isEqualTo("16777216");
    }

    @Test
    void defaultJacksonDoublesReadAsTheirShortestDecimal() throws Exception {
        JsonNode node = new ObjectMapper().readTree("[0.1, 2.5e-8, 1.0]");
        assertThat(node.get(0)).isInstanceOf(DoubleNode.class);
        assertThat(JsonNodes.fromNode(node)).isEqualTo(Json.parse("[0.1, 2.5e-8, 1]"));
    }

    @Test
    void rejectsWhatJsonCannotHold() {
        assertThatThrownBy(() -> JsonNodes.fromNode(BinaryNode.valueOf(new byte[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> JsonNodes.fromNode(new POJONode(new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POJO");
        assertThatThrownBy(() -> JsonNodes.fromNode(MissingNode.getInstance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> JsonNodes.fromNode(DoubleNode.valueOf(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> JsonNodes.fromNode(FloatNode.valueOf(Float.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        // Nested: the whole conversion fails, not just the field.
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.set("ok", IntNode.valueOf(1));
        object.set("bytes", BinaryNode.valueOf(new byte[] {0}));
        assertThatThrownBy(() -> JsonNodes.fromNode(object)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonNodes.fromNode(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JsonNodes.toNode(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void scalarsMapOneToOne() {
        assertThat(JsonNodes.toNode(Json.NULL)).isSameAs(NullNode.getInstance());
        assertThat(JsonNodes.toNode(JsonBoolean.TRUE)).isEqualTo(BooleanNode.TRUE);
        assertThat(JsonNodes.toNode(Json.of("x\ud800"))).isEqualTo(TextNode.valueOf("x\ud800"));
        assertThat(JsonNodes.fromNode(NullNode.getInstance())).isSameAs(Json.NULL);
        assertThat(JsonNodes.fromNode(BooleanNode.FALSE)).isSameAs(JsonBoolean.FALSE);
        assertThat(JsonNodes.fromNode(TextNode.valueOf(""))).isEqualTo(Json.of(""));
    }

    private static Json randomValue(Random random, int depth, boolean loneSurrogateNames) {
        int kind = depth >= 4 ? 2 + random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> {
                Map<String, Json> fields = new LinkedHashMap<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    String name = randomString(random);
                    if (!loneSurrogateNames) {
                        name = name.replaceAll("\\p{Cs}", "?");
                    }
                    fields.put(name, randomValue(random, depth + 1, loneSurrogateNames));
                }
                yield new JsonObject(fields);
            }
            case 1 -> {
                List<Json> values = new ArrayList<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    values.add(randomValue(random, depth + 1, loneSurrogateNames));
                }
                yield new JsonArray(values);
            }
            case 2 -> new JsonString(randomString(random));
            case 3 -> randomNumber(random);
            case 4 -> JsonBoolean.of(random.nextBoolean());
            default -> Json.NULL;
        };
    }

    private static JsonNumber randomNumber(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new JsonNumber(new BigDecimal(NUMBERS[random.nextInt(NUMBERS.length)]));
            case 1 -> Json.of(random.nextLong());
            case 2 -> Json.of(new BigInteger(1 + random.nextInt(150), random).negate());
            case 3 -> {
                double d = Double.longBitsToDouble(random.nextLong());
                yield Double.isNaN(d) || Double.isInfinite(d) ? Json.of(-2.5) : Json.of(d);
            }
            default -> Json.of(new BigDecimal(new BigInteger(1 + random.nextInt(100), random), random.nextInt(60) - 30));
        };
    }

    private static String randomString(Random random) {
        if (random.nextInt(3) == 0) {
            return STRINGS[random.nextInt(STRINGS.length)];
        }
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(10);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> out.append((char) random.nextInt(0x20));
                case 1 -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 2 -> out.append((char) random.nextInt(0x10000));
                default -> out.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return out.toString();
    }

    /** A tree in the node kinds toNode makes, so the way back gives an equal tree. */
    private static JsonNode randomNode(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int kind = depth >= 4 ? 2 + random.nextInt(6) : random.nextInt(8);
        return switch (kind) {
            case 0 -> {
                ObjectNode node = f.objectNode();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    node.set(randomString(random), randomNode(random, depth + 1));
                }
                yield node;
            }
            case 1 -> {
                ArrayNode node = f.arrayNode();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    node.add(randomNode(random, depth + 1));
                }
                yield node;
            }
            case 2 -> TextNode.valueOf(randomString(random));
            case 3 -> LongNode.valueOf(random.nextLong());
            // Beyond a long either way: -2^63 would come back as a LongNode.
            case 4 -> BigIntegerNode.valueOf(BigInteger.valueOf(Long.MAX_VALUE).add(new BigInteger(1 + random.nextInt(120), random)).add(BigInteger.TWO)
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
            case 5 -> {
                // Non-integral: an odd last digit after the point.
                BigInteger unscaled = new BigInteger(1 + random.nextInt(100), random).multiply(BigInteger.TEN).add(BigInteger.ONE);
                yield DecimalNode.valueOf(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), 1 + random.nextInt(40)));
            }
            case 6 -> BooleanNode.valueOf(random.nextBoolean());
            default -> NullNode.getInstance();
        };
    }
}
