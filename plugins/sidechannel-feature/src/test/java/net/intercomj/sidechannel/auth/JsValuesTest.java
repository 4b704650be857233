package net.intercomj.sidechannel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** Expected values are what Node.js gives for String(x), Number(x) and trim(). */
class JsValuesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void numberCoercion() throws Exception {
        assertThat(JsValues.number(TextNode.valueOf("0x1f"))).isEqualTo(31);
        assertThat(JsValues.number(TextNode.valueOf(" 12 "))).isEqualTo(12);
        assertThat(JsValues.number(TextNode.valueOf(""))).isZero();
        assertThat(JsValues.number(TextNode.valueOf("1e3"))).isEqualTo(1000);
        assertThat(JsValues.number(TextNode.valueOf(".5"))).isEqualTo(0.5);
        assertThat(JsValues.number(TextNode.valueOf("5."))).isEqualTo(5);
        assertThat(JsValues.number(TextNode.valueOf("\u00a012\ufeff"))).isEqualTo(12);
        assertThat(JsValues.number(TextNode.valueOf("-Infinity"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(JsValues.number(TextNode.valueOf("abc"))).isNaN();
        assertThat(JsValues.number(TextNode.valueOf("1d"))).isNaN(); // Java would accept this
        assertThat(JsValues.number(TextNode.valueOf("NaN"))).isNaN();
        assertThat(JsValues.number(MAPPER.readTree("null"))).isZero();
        assertThat(JsValues.number(MAPPER.readTree("true"))).isEqualTo(1);
        assertThat(JsValues.number(MissingNode.getInstance())).isNaN();
        assertThat(JsValues.number(MAPPER.readTree("{}"))).isNaN();
    }

    @Test
    void stringCoercion() throws Exception {
        assertThat(JsValues.string(MAPPER.readTree("1e21"))).isEqualTo("1e+21");
        assertThat(JsValues.string(MAPPER.readTree("false"))).isEqualTo("false");
        assertThat(JsValues.string(MAPPER.readTree("null"))).isEmpty();
        assertThat(JsValues.string(MAPPER.readTree("[1,null,\"a\"]"))).isEqualTo("1,,a");
        assertThat(JsValues.string(MAPPER.readTree("{}"))).isEqualTo("[object Object]");
    }

    @Test
    void channelUsesTruthinessAndJavaScriptTrim() throws Exception {
        assertThat(JsValues.channel(MAPPER.readTree("0"))).isEmpty();
        assertThat(JsValues.channel(MAPPER.readTree("false"))).isEmpty();
        assertThat(JsValues.channel(MAPPER.readTree("7"))).isEqualTo("7");
        assertThat(JsValues.channel(TextNode.valueOf("\u2028\u00a0 x \ufeff"))).isEqualTo("x");
        // Java's trim() would remove this control character; JavaScript keeps it.
        assertThat(JsValues.channel(TextNode.valueOf("\u0001x"))).isEqualTo("\u0001x");
    }

    @Test
    void versionOnlyTakesFiniteNumbers() throws Exception {
        assertThat(JsValues.version(MAPPER.readTree("3"))).isEqualTo(3);
        assertThat(JsValues.version(MAPPER.readTree("\"3\""))).isEqualTo(1);
        assertThat(JsValues.version(MAPPER.readTree("1e400"))).isEqualTo(1);
        assertThat(JsValues.version(null)).isEqualTo(1);
    }

    @Test
    void numberNodesPrintLikeJavaScript() {
        assertThat(JsValues.numberNode(1.7e12).toString()).isEqualTo("1700000000000");
        assertThat(JsValues.numberNode(2.5).toString()).isEqualTo("2.5");
        assertThat(JsValues.numberNode(-0.0).isIntegralNumber()).isFalse();
    }
}
