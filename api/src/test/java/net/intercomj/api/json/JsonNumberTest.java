package net.intercomj.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonNumberTest {

    @Test
    void equalityIsByNumericValue() {
        JsonNumber one = number("1");
        assertThat(number("1.0")).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(number("1e0")).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(number("0.1e1")).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(number("100")).isEqualTo(number("1e2")).hasSameHashCodeAs(number("1e2"));
        assertThat(number("1.5")).isEqualTo(number("1.500")).hasSameHashCodeAs(number("1.500"));
        assertThat(number("1")).isNotEqualTo(number("1.0000000000000000000001"));
        assertThat(number("1")).isNotEqualTo(number("-1"));
        assertThat(one).isNotEqualTo(Json.of("1"));
    }

    @Test
    void allZerosAreEqual() {
        JsonNumber zero = number("0");
        for (String text : new String[] {"0.0", "-0", "-0.000", "0e10", "0e-10", "0E+5"}) {
            assertThat(number(text)).as(text).isEqualTo(zero).hasSameHashCodeAs(zero);
        }
        assertThat(Json.of(-0.0)).isEqualTo(zero).hasSameHashCodeAs(zero);
    }

    @Test
    void equalNumbersCollapseInASet() {
        Set<Json> set = new HashSet<>();
        set.add(number("2"));
        set.add(number("2.0"));
        set.add(number("20e-1"));
        set.add(Json.of(2));
        assertThat(set).hasSize(1);
    }

    @Test
    void valueKeepsTheScaleItWasGiven() {
        assertThat(number("1.50").value()).isEqualTo(new BigDecimal("1.50"));
        assertThat(number("1.50").value().scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // Integers print as plain integers, whatever their scale or size.
        "1.0, 1",
        "1e3, 1000",
        "-0, 0",
        "-0.0, 0",
        "0e-20, 0",
        "12E+2, 1200",
        "-5, -5",
        "1e21, 1000000000000000000000",
        "1.5e21, 1500000000000000000000",
        "123456789012345678901234567890, 123456789012345678901234567890",
        // Other values: trailing zeros stripped, JavaScript's plain range -7 < exponent < 21.
        "1.50, 1.5",
        "-1.50, -1.5",
        "0.1, 0.1",
        "0.000001, 0.000001",
        "0.0000015, 0.0000015",
        "1.5e-7, 1.5e-7",
        "1e-7, 1e-7",
        "0.00000010, 1e-7",
        "1e-10, 1e-10",
        "2.5e-8, 2.5e-8",
        "-2.5E-8, -2.5e-8",
        "12345678901234567890.5, 12345678901234567890.5",
        "123456789012345678901.5, 123456789012345678901.5",
        "1234567890123456789012.5, 1.2345678901234567890125e+21",
        "-1234567890123456789012.5, -1.2345678901234567890125e+21",
        "0.1000000000000000055511151231257827, 0.1000000000000000055511151231257827",
        "1.7976931348623157e-300, 1.7976931348623157e-300",
    })
    void printsLikeJavaScriptButExactly(String text, String json) {
        JsonNumber value = number(text);
        assertThat(value.toJson()).isEqualTo(json);
        assertThat(value.toString()).isEqualTo(json);
        // The printed text reads back as the same number.
        assertThat(Json.parse(json)).isEqualTo(value);
    }

    @Test
    void doublesPrintAsTheirShortestDecimal() {
        // Each expected text is what JavaScript's String(x) prints for the same double.
        assertThat(Json.of(0.1).toJson()).isEqualTo("0.1");
        assertThat(Json.of(0.1 + 0.2).toJson()).isEqualTo("0.30000000000000004");
        assertThat(Json.of(1.5e-7).toJson()).isEqualTo("1.5e-7");
        assertThat(Json.of(123.456).toJson()).isEqualTo("123.456");
        // Double.toString keeps two digits here where JavaScript prints 5e-324; both texts
        // read back as the same double.
        assertThat(Json.of(Double.MIN_VALUE).toJson()).isEqualTo("4.9e-324");
        assertThat(Double.parseDouble("4.9e-324")).isEqualTo(Double.parseDouble("5e-324"));
        assertThat(Json.of(-1e-7).toJson()).isEqualTo("-1e-7");
        assertThat(Json.of(2.0).toJson()).isEqualTo("2");
    }

    @Test
    void doubleFactoryRejectsWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Json.of(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Json.of(Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factoriesAgree() {
        assertThat(Json.of(7L)).isEqualTo(Json.of(BigInteger.valueOf(7))).isEqualTo(Json.of(new BigDecimal("7.00")))
                .isEqualTo(Json.of(7.0));
        assertThat(Json.of(Long.MIN_VALUE).toJson()).isEqualTo("-9223372036854775808");
    }

    @Test
    void rangeIsBounded() {
        assertThat(Json.of(new BigDecimal("1e1000")).toJson()).hasSize(1001);
        assertThat(Json.of(new BigDecimal("9.99e-1000")).toJson()).isEqualTo("9.99e-1000");
        assertThatThrownBy(() -> Json.of(new BigDecimal("1e1001"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A JSON number's decimal exponent must be within ±1000, this one has 1001");
        assertThatThrownBy(() -> Json.of(new BigDecimal("1e-1001"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A JSON number's decimal exponent must be within ±1000, this one has -1001");
        assertThatThrownBy(() -> Json.of(new BigInteger("1".repeat(1001)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A JSON number may have at most 1000 significant digits, this one has 1001");
        assertThatThrownBy(() -> Json.of(new BigDecimal("0." + "1".repeat(1001)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A JSON number may have at most 1000 significant digits, this one has 1001");
        // Trailing zeros are not significant: 10^1000 is one digit and an exponent.
        JsonNumber big = Json.of(BigInteger.TEN.pow(1000));
        assertThat(Json.parse(big.toJson())).isEqualTo(big);
        JsonNumber padded = Json.of(new BigDecimal("1." + "0".repeat(5000)));
        assertThat(padded.toJson()).isEqualTo("1");
        // A zero of any scale is fine: it prints as 0.
        assertThat(Json.of(new BigDecimal(BigInteger.ZERO, -1_000_000_000)).toJson()).isEqualTo("0");
        assertThatThrownBy(() -> new JsonNumber(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void integralityIgnoresScale() {
        assertThat(number("2.000").isIntegral()).isTrue();
        assertThat(number("2e5").isIntegral()).isTrue();
        assertThat(number("0.0").isIntegral()).isTrue();
        assertThat(number("2.001").isIntegral()).isFalse();
        assertThat(number("25e-1").isIntegral()).isFalse();
    }

    private static JsonNumber number(String text) {
        return new JsonNumber(new BigDecimal(text));
    }
}
