package net.intercomj.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random values and texts: the same cases on every run, many more than by hand. */
class JsonRandomTest {

    private static final String[] TRICKY_STRINGS = {
        "", " ", "\"", "\\", "\\\"", "/", "\u0000", "\u001f", "\u007f", "\u2028\u2029", "\ud800", "\udfff",
        "\udbff\udfff", "\ud83d\ude00", "null", "true", "1e5", "-0", "{\"a\":[1]}", "\n\r\t\b\f", "é", "\ufeff",
        "\uffff", "\\u0041",
    };

    private static final String[] TRICKY_NUMBERS = {
        "0", "-0", "0.0", "1", "-1", "1.0", "1e21", "1e-7", "1.5e-7", "0.000001", "123456789012345678901234567890",
        "-9223372036854775808", "9223372036854775808", "1e1000", "-1e-1000", "0.1000000000000000055511151231257827",
        "1234567890123456789012.5", "4.9e-324", "1.7976931348623157e308", "5e-1", "100",
    };

    @Test
    void randomValuesSurviveTextRoundTrips() {
        Random random = new Random(20_260_101L);
        for (int i = 0; i < 2_000; i++) {
            Json value = randomValue(random, 0);
            String text = value.toJson();
            Json parsed = Json.parse(text);
            assertThat(parsed).as(text).isEqualTo(value);
            // Equal values can differ in order and scale; the text must be stable too.
            assertThat(parsed.toJson()).isEqualTo(text);
            assertThat(parsed.hashCode()).isEqualTo(value.hashCode());
        }
    }

    @Test
    void randomValuesParseWithSurroundingWhitespace() {
        Random random = new Random(7L);
        for (int i = 0; i < 200; i++) {
            Json value = randomValue(random, 0);
            assertThat(Json.parse(" \n\t\r" + value.toJson() + "\r\n ")).isEqualTo(value);
        }
    }

    @Test
    void randomBytesEitherParseOrFailWithAParseError() {
        Random random = new Random(42L);
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            seeds.add(randomValue(random, 0).toJson());
        }
        seeds.add("{\"a\":[1,2.5e-3,true,false,null,\"\\u00e9\\ud83d\\ude00\"],\"b\":{}}");
        byte[] alphabet = "{}[],:\"\\/-+.eE0123456789abcdefnrtuxlsINaNInfinity \t\n\r\u0000".getBytes(StandardCharsets.UTF_8);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes;
            if (i % 4 == 0) {
                bytes = new byte[random.nextInt(24)];
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
                }
            } else {
                bytes = mutate(seeds.get(random.nextInt(seeds.size())).getBytes(StandardCharsets.UTF_8), random, alphabet);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            try {
                Json value = Json.parse(text);
                // Whatever parsed must also write and read back as itself.
                assertThat(Json.parse(value.toJson())).as(text).isEqualTo(value);
                parsed++;
            } catch (JsonParseException e) {
                assertThat(e.getMessage()).startsWith("Invalid JSON at offset " + e.offset() + ": ");
                assertThat(e.offset()).isBetween(0, text.length());
                rejected++;
            }
        }
        // Both outcomes happen often: the fuzzing reaches past the first character.
        assertThat(parsed).isGreaterThan(1_000);
        assertThat(rejected).isGreaterThan(1_000);
    }

    private static byte[] mutate(byte[] bytes, Random random, byte[] alphabet) {
        List<Byte> out = new ArrayList<>(bytes.length + 4);
        for (byte b : bytes) {
            out.add(b);
        }
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            byte b = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            int at = out.isEmpty() ? 0 : random.nextInt(out.size());
            switch (random.nextInt(4)) {
                case 0 -> out.add(at, b);
                case 1 -> {
                    if (!out.isEmpty()) {
                        out.remove(at);
                    }
                }
                case 2 -> {
                    if (!out.isEmpty()) {
                        out.set(at, b);
                    }
                }
                default -> {
                    // Cut the text short: unterminated strings, containers and numbers.
                    while (out.size() > at) {
                        out.remove(out.size() - 1);
                    }
                }
            }
        }
        byte[] result = new byte[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }

    static Json randomValue(Random random, int depth) {
        int kind = depth >= 4 ? 2 + random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> {
                Map<String, Json> fields = new LinkedHashMap<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    fields.put(randomString(random), randomValue(random, depth + 1));
                }
                yield new JsonObject(fields);
            }
            case 1 -> {
                List<Json> values = new ArrayList<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    values.add(randomValue(random, depth + 1));
                }
                yield new JsonArray(values);
            }
            case 2 -> new JsonString(randomString(random));
            case 3 -> randomNumber(random);
            case 4 -> JsonBoolean.of(random.nextBoolean());
            default -> Json.NULL;
        };
    }

    static String randomString(Random random) {
        if (random.nextInt(4) == 0) {
            return TRICKY_STRINGS[random.nextInt(TRICKY_STRINGS.length)];
        }
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.append((char) random.nextInt(0x20));
                case 1 -> out.append((char) (0xd800 + random.nextInt(0x800)));
                case 2 -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 3 -> out.append((char) random.nextInt(0x10000));
                default -> out.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return out.toString();
    }

    static JsonNumber randomNumber(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new JsonNumber(new BigDecimal(TRICKY_NUMBERS[random.nextInt(TRICKY_NUMBERS.length)]));
            case 1 -> Json.of(random.nextLong());
            case 2 -> Json.of(new BigInteger(1 + random.nextInt(200), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
            case 3 -> {
                double d = Double.longBitsToDouble(random.nextLong());
                yield Double.isNaN(d) || Double.isInfinite(d) ? Json.of(0.5) : Json.of(d);
            }
            case 4 -> Json.of((random.nextInt(2_000_001) - 1_000_000) / Math.pow(10, random.nextInt(10)));
            default -> Json.of(new BigDecimal(new BigInteger(1 + random.nextInt(100), random), random.nextInt(80) - 40));
        };
    }
}
