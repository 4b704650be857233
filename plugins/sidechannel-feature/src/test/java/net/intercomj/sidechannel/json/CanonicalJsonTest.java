package net.intercomj.sidechannel.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
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
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts were produced by Node.js (JSON.stringify and the original's stableStringify). */
class CanonicalJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String number(double value) {
        return CanonicalJson.stringify(DoubleNode.valueOf(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "1|1", "-1|-1", "100|100", "0.1|0.1", "1.5|1.5", "-2.5|-2.5",
        "1e21|1e+21", "1e20|100000000000000000000", "123456789012345680000|123456789012345680000",
        "1.5e-7|1.5e-7", "1e-7|1e-7", "1e-6|0.000001", "1.23e-18|1.23e-18", "1e301|1e+301",
        "4.35|4.35", "1700000000000|1700000000000", "5e-324|5e-324", "1e-323|1e-323", "1.5e-323|1.5e-323",
        "1.7976931348623157e308|1.7976931348623157e+308", "2.2250738585072014e-308|2.2250738585072014e-308",
        "0.3333333333333333|0.3333333333333333", "123.456|123.456", "1.2e22|1.2e+22", "-1.2e-22|-1.2e-22"})
    void numbersAreFormattedAsJavaScriptDoes(double value, String expected) {
        assertThat(number(value)).isEqualTo(expected);
    }

    @Test
    void shortestRoundTripDigitsAreUsed() {
        assertThat(number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        // Double.toString gives 4.9E-324 here; JavaScript gives the single digit.
        assertThat(number(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(number(2 * Double.MIN_VALUE)).isEqualTo("1e-323");
    }

    @Test
    void negativeZeroIsZeroAndNonFiniteIsNull() {
        assertThat(number(-0.0)).isEqualTo("0");
        assertThat(number(Double.NaN)).isEqualTo("null");
        assertThat(number(Double.POSITIVE_INFINITY)).isEqualTo("null");
        assertThat(number(Double.NEGATIVE_INFINITY)).isEqualTo("null");
    }

    @Test
    void integersAreConvertedToDoubleFirst() {
        assertThat(CanonicalJson.stringify(IntNode.valueOf(42))).isEqualTo("42");
        assertThat(CanonicalJson.stringify(LongNode.valueOf(1_700_000_000_000L))).isEqualTo("1700000000000");
        // 2^53 + 1 is not a double: JavaScript reads it as 2^53.
        assertThat(CanonicalJson.stringify(LongNode.valueOf(9_007_199_254_740_993L))).isEqualTo("9007199254740992");
        assertThat(CanonicalJson.stringify(BigIntegerNode.valueOf(BigInteger.TEN.pow(21)))).isEqualTo("1e+21");
        assertThat(CanonicalJson.stringify(BigIntegerNode.valueOf(BigInteger.TEN.pow(400)))).isEqualTo("null");
        assertThat(CanonicalJson.stringify(DecimalNode.valueOf(new BigDecimal("0.1")))).isEqualTo("0.1");
        assertThat(CanonicalJson.stringify(DecimalNode.valueOf(new BigDecimal("1.0")))).isEqualTo("1");
        assertThat(CanonicalJson.stringify(FloatNode.valueOf(0.1f))).isEqualTo("0.1");
    }

    @Test
    void parsedBigNumbersMatchJavaScript() throws Exception {
        JsonNode parsed = MAPPER.readTree("[123456789012345678901234567890, 1e400, 1.0, 2.50]");
        assertThat(CanonicalJson.stringify(parsed)).isEqualTo("[1.2345678901234568e+29,null,1,2.5]");
    }

    @Test
    void stringsAreEscapedAsJsonStringify() {
        String text = "a\"b\\c\b\f\n\r\t\u0000\u001f\u007f/é\u2028😀\ud800x\udc00\ud83d";
        assertThat(CanonicalJson.stringify(TextNode.valueOf(text)))
                .isEqualTo("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0000\\u001f\u007f/é\u2028😀\\ud800x\\udc00\\ud83d\"");
    }

    @Test
    void controlCharactersUseLowercaseHex() {
        assertThat(CanonicalJson.stringify(TextNode.valueOf("\u001b\u000b"))).isEqualTo("\"\\u001b\\u000b\"");
        assertThat(CanonicalJson.stringify(TextNode.valueOf("\udbff"))).isEqualTo("\"\\udbff\"");
    }

    @Test
    void objectKeysAreSortedByUtf16CodeUnits() throws Exception {
        JsonNode value = MAPPER.readTree(
                "{\"b\":1,\"a\":[true,false,null,{\"d\":\"x\",\"c\":2.5}],\"é\":1,\"Z\":2,\"aa\":3,\"😀\":4,\"\uffff\":5}");
        // U+1F600 is the surrogate pair D83D DE00, so it sorts before U+FFFF (code point order would not).
        assertThat(CanonicalJson.stringify(value))
                .isEqualTo("{\"Z\":2,\"a\":[true,false,null,{\"c\":2.5,\"d\":\"x\"}],\"aa\":3,\"b\":1,\"é\":1,\"😀\":4,\"\uffff\":5}");
    }

    @Test
    void jsonStringifyKeepsInsertionOrder() throws Exception {
        JsonNode value = MAPPER.readTree("{\"b\":1,\"a\":{\"z\":[1e21,-0.0],\"y\":\"\\u0001\"}}");
        assertThat(CanonicalJson.jsonStringify(value)).isEqualTo("{\"b\":1,\"a\":{\"z\":[1e+21,0],\"y\":\"\\u0001\"}}");
    }

    @Test
    void nullAndMissingAreNull() {
        assertThat(CanonicalJson.stringify(null)).isEqualTo("null");
        assertThat(CanonicalJson.stringify(NullNode.getInstance())).isEqualTo("null");
        assertThat(CanonicalJson.stringify(MissingNode.getInstance())).isEqualTo("null");
        assertThat(CanonicalJson.jsonStringify(MissingNode.getInstance())).isEqualTo("null");
        ObjectNode withNull = JsonNodeFactory.instance.objectNode();
        withNull.putNull("k");
        assertThat(CanonicalJson.stringify(withNull)).isEqualTo("{\"k\":null}");
    }

    @Test
    void emptyContainersAndBooleans() throws Exception {
        assertThat(CanonicalJson.stringify(MAPPER.readTree("{\"a\":{},\"b\":[],\"c\":true,\"d\":false}")))
                .isEqualTo("{\"a\":{},\"b\":[],\"c\":true,\"d\":false}");
    }

    @Test
    void binaryIsBase64TextAndPojosAreRejected() {
        assertThat(CanonicalJson.stringify(BinaryNode.valueOf(new byte[] {1, 2, 3}))).isEqualTo("\"AQID\"");
        assertThat(CanonicalJson.stringify(new POJONode(null))).isEqualTo("null");
        assertThatThrownBy(() -> CanonicalJson.stringify(new POJONode(new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utf8EncodesTheCanonicalText() {
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("é", "😀");
        assertThat(CanonicalJson.utf8(value))
                .isEqualTo("{\"é\":\"😀\"}".getBytes(StandardCharsets.UTF_8))
                .hasSize(13);
    }

    @Test
    void outputParsesBackToTheSameValue() throws Exception {
        JsonNode value = MAPPER.readTree("{\"m\":[\"x\\u0000y\",{\"k\":0.5}],\"n\":-3}");
        assertThat(MAPPER.readTree(CanonicalJson.stringify(value))).isEqualTo(value);
        assertThat(MAPPER.readTree(CanonicalJson.jsonStringify(value))).isEqualTo(value);
    }
}
