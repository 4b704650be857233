package net.intercomj.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonParseTest {

    @Test
    void parsesEveryKindOfValue() {
        assertThat(Json.parse("{}")).isEqualTo(new JsonObject(java.util.Map.of()));
        assertThat(Json.parse("[]")).isEqualTo(Json.array());
        assertThat(Json.parse("\"hi\"")).isEqualTo(Json.of("hi"));
        assertThat(Json.parse("-12.5e1")).isEqualTo(Json.of(-125));
        assertThat(Json.parse("true")).isSameAs(JsonBoolean.TRUE);
        assertThat(Json.parse("false")).isSameAs(JsonBoolean.FALSE);
        assertThat(Json.parse("null")).isSameAs(Json.NULL);

        Json value = Json.parse(" \t\r\n{\"a\" : [1, 2.5, \"x\", true, false, null, {}, []], \"b\":{\"c\":-0}} \n");
        JsonObject object = value.asObject();
        assertThat(object.names()).containsExactly("a", "b");
        JsonArray a = object.array("a");
        assertThat(a.size()).isEqualTo(8);
        assertThat(a.get(0).asLong()).isEqualTo(1);
        assertThat(a.get(1).asDecimal()).isEqualByComparingTo("2.5");
        assertThat(a.get(2).asString()).isEqualTo("x");
        assertThat(a.get(3).asBoolean()).isTrue();
        assertThat(a.get(4).asBoolean()).isFalse();
        assertThat(a.get(5).isNull()).isTrue();
        assertThat(a.get(6)).isEqualTo(Json.object().build());
        assertThat(a.get(7)).isEqualTo(Json.array());
        assertThat(object.object("b").integer("c")).isZero();
    }

    @Test
    void keepsNumbersExactly() {
        assertThat(Json.parse("0.1000000000000000055511151231257827").asDecimal())
                .isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
        assertThat(Json.parse("123456789012345678901234567890").asBigInteger())
                .isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
        assertThat(Json.parse("1.50").asDecimal()).isEqualTo(new BigDecimal("1.50"));
        assertThat(Json.parse("1E+2").asLong()).isEqualTo(100);
        assertThat(Json.parse("-0").asLong()).isZero();
    }

    @Test
    void readsEveryEscape() {
        Json value = Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u00E9\"");
        assertThat(value.asString()).isEqualTo("\"\\/\b\f\n\r\tAéé");
    }

    @Test
    void escapedSurrogatePairIsOneCharacter() {
        String s = Json.parse("\"\\ud83d\\ude00\"").asString();
        assertThat(s).isEqualTo("😀");
        assertThat(s.codePointCount(0, s.length())).isEqualTo(1);
        // Literal non-BMP text passes through untouched.
        assertThat(Json.parse("\"a😀b\"").asString()).isEqualTo("a😀b");
    }

    @Test
    void loneSurrogatesAreKeptAsJsonParseKeepsThem() {
        assertThat(Json.parse("\"\\ud800\"").asString()).isEqualTo("\ud800");
        assertThat(Json.parse("\"\\udc00\\ud800x\"").asString()).isEqualTo("\udc00\ud800x");
        assertThat(Json.parse("\"\\ud800\\u0041\"").asString()).isEqualTo("\ud800A");
    }

    @Test
    void duplicateKeyLastValueWinsAtFirstPosition() {
        JsonObject object = Json.parse("{\"a\":1,\"b\":2,\"a\":3}").asObject();
        assertThat(object.names()).containsExactly("a", "b");
        assertThat(object.integer("a")).isEqualTo(3);
        // Same text as JavaScript's JSON.stringify(JSON.parse(...)).
        assertThat(object.toJson()).isEqualTo("{\"a\":3,\"b\":2}");
    }

    @Test
    void nullTextIsANullPointerException() {
        assertThatThrownBy(() -> Json.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                      | 0  | expected a value, found end of text
            `   `                   | 3  | expected a value, found end of text
            [1,]                    | 3  | expected a value, found ']'
            [,1]                    | 1  | expected a value, found ','
            {"a":1,}                | 7  | expected a string key after ',', found '}'
            {"a" 1}                 | 5  | expected ':' after an object key, found '1'
            {a:1}                   | 1  | expected a string key or '}', found 'a'
            {'a':1}                 | 1  | expected a string key or '}', found '''
            [1 2]                   | 3  | expected ',' or ']' after an array element, found '2'
            {"a":1 "b":2}           | 7  | expected ',' or '}' after an object member, found '"'
            1 2                     | 2  | unexpected '2' after the JSON value
            [1]x                    | 3  | unexpected 'x' after the JSON value
            01                      | 0  | a number must not have leading zeros
            -01                     | 1  | a number must not have leading zeros
            NaN                     | 0  | expected a value, found 'NaN'
            Infinity                | 0  | expected a value, found 'Infinity'
            -Infinity               | 1  | expected a digit after '-', found 'Infinity'
            -                       | 1  | expected a digit after '-', found end of text
            1.                      | 2  | expected a digit after the decimal point, found end of text
            1.e5                    | 2  | expected a digit after the decimal point, found 'e5'
            1e                      | 2  | expected a digit in the exponent, found end of text
            1e+                     | 3  | expected a digit in the exponent, found end of text
            .5                      | 0  | expected a value, found '.'
            +1                      | 0  | expected a value, found '+'
            0x10                    | 1  | unexpected 'x10' after the JSON value
            // c                    | 0  | expected a value, found '/'
            1 /* c */               | 2  | unexpected '/' after the JSON value
            tru                     | 0  | expected a value, found 'tru'
            True                    | 0  | expected a value, found 'True'
            nul                     | 0  | expected a value, found 'nul'
            truex                   | 4  | unexpected 'x' after the JSON value
            [                       | 1  | expected a value, found end of text
            {                       | 1  | expected a string key or '}', found end of text
            {"a":                   | 5  | expected a value, found end of text
            "abc                    | 4  | unterminated string (opened at offset 0)
            ["a\\                   | 4  | unterminated string (opened at offset 1)
            "\\x"                   | 1  | invalid escape in a string: a backslash followed by 'x'
            "\\'"                   | 1  | invalid escape in a string: a backslash followed by '''
            "\\u12G4"               | 1  | invalid \\u escape: expected four hex digits, found 'G4'
            "\\u12"                 | 1  | invalid \\u escape: expected four hex digits, found '"'
            1e99999                 | 0  | number out of range: A JSON number's decimal exponent must be within ±1000, this one has 99999
            1e9999999999            | 0  | number out of range: 1e9999999999
            """)
    void rejectsInvalidTextWithProblemAndOffset(String text, int offset, String problem) {
        // The text block has already turned each double backslash into one.
        assertError(text, offset, problem);
    }

    @Test
    void rejectsCharactersTheCsvCannotHold() {
        assertError("\"a\nb\"", 2, "unescaped control character U+000A in a string");
        assertError("\"\t\"", 1, "unescaped control character U+0009 in a string");
        assertError("\"\u0000\"", 1, "unescaped control character U+0000 in a string");
        assertError("\"\\\n\"", 1, "invalid escape in a string: a backslash followed by U+000A");
        // Only space, tab, LF and CR are JSON whitespace.
        assertError("\u00a01", 0, "expected a value, found U+00A0");
        assertError("\ufeff1", 0, "expected a value, found U+FEFF");
        assertError("1\u000b", 1, "unexpected U+000B after the JSON value");
        assertError("\"\\u00", 1, "invalid \\u escape: expected four hex digits, found end of text");
        assertError("\"\\", 2, "unterminated string (opened at offset 0)");
        assertError("\"\\uＡＡＡＡ\"", 1, "invalid \\u escape: expected four hex digits, found U+FF21");
        assertError("١", 0, "expected a value, found U+0661");
    }

    @Test
    void acceptsNumbersAtTheEdgeOfTheRange() {
        assertThat(Json.parse("1e1000").toJson()).hasSize(1001).startsWith("10000");
        assertThat(Json.parse("-1e-1000").toJson()).isEqualTo("-1e-1000");
        assertError("1e-1001", 0,
                "number out of range: A JSON number's decimal exponent must be within ±1000, this one has -1001");
        String thousandDigits = "9".repeat(1000);
        assertThat(Json.parse(thousandDigits).asBigInteger().toString()).isEqualTo(thousandDigits);
        assertError("9".repeat(1001), 0,
                "number out of range: A JSON number may have at most 1000 significant digits, this one has 1001");
        assertError("0." + "0".repeat(1100), 0, "number longer than 1100 characters");
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        Json value = Json.parse(deep);
        int depth = 0;
        while (value instanceof JsonArray array && !array.isEmpty()) {
            value = array.get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(JsonParser.MAX_DEPTH - 1);
        assertThat(Json.parse(deep).toJson()).isEqualTo(deep);
    }

    @Test
    void nestingBeyondTheLimitIsAnErrorNotAStackOverflow() {
        String tooDeep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
        assertError(tooDeep, JsonParser.MAX_DEPTH, "arrays and objects nested deeper than 1000 levels");

        String veryDeep = "[".repeat(100_000);
        assertError(veryDeep, JsonParser.MAX_DEPTH, "arrays and objects nested deeper than 1000 levels");

        String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertError(deepObjects, 5 * JsonParser.MAX_DEPTH, "arrays and objects nested deeper than 1000 levels");

        String mixed = "[{\"a\":".repeat(50_000);
        assertThatThrownBy(() -> Json.parse(mixed)).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("nested deeper than 1000 levels");
    }

    @Test
    void theDeepestAcceptedNestingParsesEvenOnASmallThreadStack() throws Exception {
        // A recursive parser overflowed a small stack before reaching the limit (seen in CI).
        String deepest = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        String deepObjects = "{\"a\":".repeat(JsonParser.MAX_DEPTH) + "1" + "}".repeat(JsonParser.MAX_DEPTH);
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                Json arrays = Json.parse(deepest);
                Json objects = Json.parse(deepObjects);
                outcome.set(arrays instanceof JsonArray && objects instanceof JsonObject);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join(java.time.Duration.ofSeconds(30));
        assertThat(outcome.get()).isEqualTo(true);
    }

    @Test
    void parsedValuesAreFreshForEachText() {
        JsonArray first = Json.parse("[1,2]").asArray();
        assertThat(first.values()).isEqualTo(List.of(Json.of(1), Json.of(2)));
        assertThatThrownBy(() -> first.values().add(Json.NULL)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static void assertError(String text, int offset, String problem) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOfSatisfying(JsonParseException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Invalid JSON at offset " + offset + ": " + problem);
                    assertThat(e.offset()).isEqualTo(offset);
                });
    }
}
