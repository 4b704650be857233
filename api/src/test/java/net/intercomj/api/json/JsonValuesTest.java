package net.intercomj.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void stringsAreEscapedAsJsonStringifyEscapesThem() {
        // Expected text is what node prints for JSON.stringify of the same string.
        String s = "\u0000\u001f\u007f\u2028\ud800x\udc00\ud83d\ude00/\"\\\b\f\n\r\t";
        assertThat(Json.of(s).toJson()).isEqualTo("\"\\u0000\\u001f\u007f\u2028\\ud800x\\udc00\ud83d\ude00/\\\"\\\\\\b\\f\\n\\r\\t\"");
        assertThat(Json.of("\u001b[0m").toJson()).isEqualTo("\"\\u001b[0m\"");
        assertThat(Json.of("é中文").toJson()).isEqualTo("\"é中文\"");
        assertThat(Json.of("").toJson()).isEqualTo("\"\"");
        // A high surrogate at the very end, a low one at the very start.
        assertThat(Json.of("a\ud83d").toJson()).isEqualTo("\"a\\ud83d\"");
        assertThat(Json.of("\ude00a").toJson()).isEqualTo("\"\\ude00a\"");
    }

    @Test
    void everyStringSurvivesARoundTrip() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("\ud800\udc00\udbff\udfff\ud800\ud800\udfff\udfff");
        String text = all.toString();
        assertThat(Json.parse(Json.of(text).toJson()).asString()).isEqualTo(text);
    }

    @Test
    void containersAreCompactAndOrdered() {
        JsonObject object = Json.object()
                .put("z", 1)
                .put("a", Json.array(Json.of("x"), Json.NULL, JsonBoolean.TRUE, Json.array()))
                .put("m", Json.object().build())
                .put("k\"ey", "v")
                .build();
        assertThat(object.toJson()).isEqualTo("{\"z\":1,\"a\":[\"x\",null,true,[]],\"m\":{},\"k\\\"ey\":\"v\"}");
        assertThat(object.toString()).isEqualTo(object.toJson());
        assertThat(Json.NULL.toString()).isEqualTo("null");
        assertThat(JsonBoolean.FALSE.toString()).isEqualTo("false");
        assertThat(Json.of("a").toString()).isEqualTo("\"a\"");
    }

    @Test
    void objectEqualityIgnoresOrderButTextKeepsIt() {
        JsonObject ab = Json.object().put("a", 1).put("b", 2).build();
        JsonObject ba = Json.object().put("b", 2).put("a", 1).build();
        assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
        assertThat(ab.toJson()).isNotEqualTo(ba.toJson());
        assertThat(ab).isNotEqualTo(Json.object().put("a", 1).put("b", 3).build());
    }

    @Test
    void arrayIsACopyOfTheListGiven() {
        List<Json> list = new ArrayList<>(List.of(Json.of(1), Json.of(2)));
        JsonArray viaFactory = Json.array(list);
        JsonArray viaConstructor = new JsonArray(list);
        list.add(Json.of(3));
        list.set(0, Json.NULL);
        assertThat(viaFactory.toJson()).isEqualTo("[1,2]");
        assertThat(viaConstructor.toJson()).isEqualTo("[1,2]");
        assertThatThrownBy(() -> viaConstructor.values().add(Json.NULL)).isInstanceOf(UnsupportedOperationException.class);
        Json[] elements = {Json.of(1)};
        JsonArray fromArray = Json.array(elements);
        elements[0] = Json.of(9);
        assertThat(fromArray.get(0)).isEqualTo(Json.of(1));
    }

    @Test
    void arrayRejectsJavaNulls() {
        List<Json> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new JsonArray(withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Json.array((Json) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void arrayReadsAndIterates() {
        JsonArray array = Json.array(Json.of("a"), Json.of(2));
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(1)).isEqualTo(Json.of(2));
        assertThat(array).containsExactly(Json.of("a"), Json.of(2));
        assertThatThrownBy(() -> array.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> {
            var it = array.iterator();
            it.next();
            it.remove();
        }).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void objectIsACopyOfTheMapGiven() {
        Map<String, Json> map = new LinkedHashMap<>();
        map.put("b", Json.of(1));
        map.put("a", Json.of(2));
        JsonObject object = new JsonObject(map);
        map.put("c", Json.of(3));
        map.remove("b");
        assertThat(object.toJson()).isEqualTo("{\"b\":1,\"a\":2}");
        assertThatThrownBy(() -> object.fields().put("x", Json.NULL)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> object.names().remove("a")).isInstanceOf(UnsupportedOperationException.class);

        Map<String, Json> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> new JsonObject(withNull)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a");
    }

    @Test
    void withAndWithoutMakeCopies() {
        JsonObject original = Json.object().put("a", 1).put("b", 2).build();
        JsonObject replaced = original.with("a", Json.of("x"));
        JsonObject added = original.with("c", JsonBoolean.TRUE);
        JsonObject removed = original.without("a");
        assertThat(replaced.toJson()).isEqualTo("{\"a\":\"x\",\"b\":2}");
        assertThat(added.toJson()).isEqualTo("{\"a\":1,\"b\":2,\"c\":true}");
        assertThat(removed.toJson()).isEqualTo("{\"b\":2}");
        assertThat(original.without("zzz")).isSameAs(original);
        assertThat(original.toJson()).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void builderReplacesInPlaceAndCanBeReused() {
        JsonObject.Builder builder = Json.object().put("a", "1").put("b", true).put("a", 5L);
        JsonObject first = builder.build();
        builder.put("c", Json.NULL);
        assertThat(first.toJson()).isEqualTo("{\"a\":5,\"b\":true}");
        assertThat(builder.build().toJson()).isEqualTo("{\"a\":5,\"b\":true,\"c\":null}");
        assertThat(Json.object().build().toJson()).isEqualTo("{}");
        assertThatThrownBy(() -> Json.object().put("a", (String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Json.object().put(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void objectLookups() {
        JsonObject object = Json.parse("{\"n\":null,\"s\":\"x\"}").asObject();
        assertThat(object.has("n")).isTrue();
        assertThat(object.get("n")).contains(Json.NULL);
        assertThat(object.has("missing")).isFalse();
        assertThat(object.get("missing")).isEmpty();
        assertThat(object.size()).isEqualTo(2);
        assertThat(object.names()).containsExactly("n", "s");
    }

    @Test
    void typedReadersOnValues() {
        assertThat(Json.of("s").asString()).isEqualTo("s");
        assertThat(Json.parse("2.0").asLong()).isEqualTo(2);
        assertThat(Json.parse("-9223372036854775808").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("9223372036854775807").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("1e30").asBigInteger()).isEqualTo(BigInteger.TEN.pow(30));
        assertThat(Json.parse("1.50").asDecimal()).isEqualTo(new BigDecimal("1.50"));
        assertThat(Json.parse("true").asBoolean()).isTrue();
        assertThat(Json.parse("{}").asObject().size()).isZero();
        assertThat(Json.parse("[1]").asArray().size()).isEqualTo(1);
        assertThat(Json.parse("null").isNull()).isTrue();
        assertThat(Json.parse("0").isNull()).isFalse();
    }

    @Test
    void typedReadersSayWhatTheyFound() {
        assertTypeError(() -> Json.of(5).asString(), "expected a string, found number 5");
        assertTypeError(() -> Json.parse("1.5").asLong(), "expected an integer, found number 1.5");
        assertTypeError(() -> Json.parse("9223372036854775808").asLong(),
                "expected an integer within the range of a long, found number 9223372036854775808");
        assertTypeError(() -> Json.parse("-9223372036854775809").asLong(),
                "expected an integer within the range of a long, found number -9223372036854775809");
        assertTypeError(() -> Json.of("5").asLong(), "expected an integer, found string \"5\"");
        assertTypeError(() -> Json.parse("0.5").asBigInteger(), "expected an integer, found number 0.5");
        assertTypeError(() -> JsonBoolean.TRUE.asDecimal(), "expected a number, found boolean true");
        assertTypeError(() -> Json.NULL.asBoolean(), "expected a boolean, found null");
        assertTypeError(() -> Json.array().asObject(), "expected an object, found an array");
        assertTypeError(() -> Json.object().build().asArray(), "expected an array, found an object");
        assertTypeError(() -> Json.of("x".repeat(100)).asArray(),
                "expected an array, found string \"" + "x".repeat(59) + "…");
    }

    @Test
    void objectTypedReadersNameTheField() {
        JsonObject object = Json.parse("{\"s\":\"x\",\"n\":7,\"big\":1e20,\"b\":false,\"o\":{},\"a\":[],\"z\":null}").asObject();
        assertThat(object.string("s")).isEqualTo("x");
        assertThat(object.integer("n")).isEqualTo(7);
        assertThat(object.bool("b")).isFalse();
        assertThat(object.object("o").size()).isZero();
        assertThat(object.array("a").size()).isZero();

        assertTypeError(() -> object.string("n"), "field \"n\": expected a string, found number 7");
        assertTypeError(() -> object.string("missing"), "field \"missing\": expected a string, found no such field");
        assertTypeError(() -> object.integer("s"), "field \"s\": expected an integer, found string \"x\"");
        assertTypeError(() -> object.integer("big"),
                "field \"big\": expected an integer within the range of a long, found number 100000000000000000000");
        assertTypeError(() -> object.integer("missing"), "field \"missing\": expected an integer, found no such field");
        assertTypeError(() -> object.bool("z"), "field \"z\": expected a boolean, found null");
        assertTypeError(() -> object.bool("missing"), "field \"missing\": expected a boolean, found no such field");
        assertTypeError(() -> object.object("a"), "field \"a\": expected an object, found an array");
        assertTypeError(() -> object.object("missing"), "field \"missing\": expected an object, found no such field");
        assertTypeError(() -> object.array("o"), "field \"o\": expected an array, found an object");
        assertTypeError(() -> object.array("missing"), "field \"missing\": expected an array, found no such field");
        assertTypeError(() -> object.string("we\"ird"), "field \"we\\\"ird\": expected a string, found no such field");
    }

    @Test
    void theNullIsOneInstance() {
        assertThat(Json.NULL).isNotNull();
        assertThat(Json.parse("[null]").asArray().get(0)).isSameAs(Json.NULL);
        assertThat(Json.NULL.toJson()).isEqualTo("null");
        assertThat(Json.of(true)).isSameAs(JsonBoolean.TRUE);
        assertThat(new JsonBoolean(true)).isEqualTo(JsonBoolean.TRUE);
    }

    @Test
    void typeErrorsAreIllegalArgumentExceptions() {
        assertThatThrownBy(() -> Json.NULL.asString()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.of((String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void prettyJsonIsJsonStringifyWithTwoSpaces() {
        // node -e 'console.log(JSON.stringify({a:1,"q\"":[true,null,{}],e:[],o:{s:"x\ny",n:-0.5}},null,2))'
        Json value = Json.parse("{\"a\":1,\"q\\\"\":[true,null,{}],\"e\":[],\"o\":{\"s\":\"x\\ny\",\"n\":-0.5}}");
        assertThat(value.toPrettyJson()).isEqualTo(String.join("\n",
                "{",
                "  \"a\": 1,",
                "  \"q\\\"\": [",
                "    true,",
                "    null,",
                "    {}",
                "  ],",
                "  \"e\": [],",
                "  \"o\": {",
                "    \"s\": \"x\\ny\",",
                "    \"n\": -0.5",
                "  }",
                "}"));
        assertThat(Json.of("plain").toPrettyJson()).isEqualTo("\"plain\"");
        assertThat(Json.parse(value.toPrettyJson())).isEqualTo(value);
    }

    private static void assertTypeError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(JsonTypeException.class).hasMessage(message);
    }
}
