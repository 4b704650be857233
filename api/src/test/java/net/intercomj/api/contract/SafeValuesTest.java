package net.intercomj.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeValuesTest {

    private static final String TOO_LARGE = "Amount exceeds maximum allowed value (2^128 - 1)";

    // Every row was checked against node v20: BigInt(text).toString().
    @ParameterizedTest(name = "BigInt(\"{0}\") = {1}")
    @CsvSource(quoteCharacter = '`', textBlock = """
            ` 12 `,     12
            ``,         0
            `   `,      0
            0x1f,       31
            0X1F,       31
            0o17,       15
            0O17,       15
            0b101,      5
            0B101,      5
            0x0,        0
            -5,         -5
            +5,         5
            -0,         0
            +0,         0
            007,        7
            00,         0
            -00,        0
            ` 0x10 `,   16
            0xffffffffffffffffffffffffffffffff, 340282366920938463463374607431768211455
            11111111111111111111111111111111111111111111111111, 11111111111111111111111111111111111111111111111111
            """)
    void safeBigIntReadsWhatBigIntReads(String text, String expected) {
        assertThat(SafeValues.safeBigInt(text)).contains(new BigInteger(expected));
    }

    // Every row was checked against node v20: BigInt(text) throws a SyntaxError.
    @ParameterizedTest(name = "BigInt(\"{0}\") throws")
    @ValueSource(strings = {
        "-0x1f", "+0x1f", "1.5", "1e3", "- 5", "--5", "+-1", "0x", "0X", "0b", "0o", "0x1g", "0b2", "0o8", "0x-1",
        "12n", "1_000", "Infinity", "NaN", "0x 1", "00x1", "1 2", "-", "+", "0.0", ".5", "5.", "abc", "١٢", "٣",
        "\u180e7", "\u0085 5", "\u001c5", "０x1", "１",
    })
    void safeBigIntIsEmptyWhereBigIntThrows(String text) {
        assertThat(SafeValues.safeBigInt(text)).isEmpty();
    }

    @Test
    void safeBigIntTrimsAsJavaScriptTrims() {
        // Checked against node: tabs, VT, FF, line terminators, NBSP, BOM and Unicode spaces.
        assertThat(SafeValues.safeBigInt(" \n\t12\n")).contains(BigInteger.valueOf(12));
        assertThat(SafeValues.safeBigInt("\u000b5\u000c")).contains(BigInteger.valueOf(5));
        assertThat(SafeValues.safeBigInt("\u00a012\u00a0")).contains(BigInteger.valueOf(12));
        assertThat(SafeValues.safeBigInt("\ufeff12")).contains(BigInteger.valueOf(12));
        assertThat(SafeValues.safeBigInt("\u2028 7 \u2029")).contains(BigInteger.valueOf(7));
        assertThat(SafeValues.safeBigInt("\u30007")).contains(BigInteger.valueOf(7));
    }

    @Test
    void safeBigIntOfJsonValues() {
        assertThat(SafeValues.safeBigInt(Json.of(" 0x1f "))).contains(BigInteger.valueOf(31));
        assertThat(SafeValues.safeBigInt(Json.of("1.5"))).isEmpty();
        assertThat(SafeValues.safeBigInt(Json.of(5))).contains(BigInteger.valueOf(5));
        assertThat(SafeValues.safeBigInt(Json.parse("5.0"))).contains(BigInteger.valueOf(5));
        assertThat(SafeValues.safeBigInt(Json.parse("-0"))).contains(BigInteger.ZERO);
        // JavaScript would round 1e30 to a double first; the JSON number is exact here.
        assertThat(SafeValues.safeBigInt(Json.parse("1e30"))).contains(BigInteger.TEN.pow(30));
        assertThat(SafeValues.safeBigInt(Json.parse("123456789012345678901234567890")))
                .contains(new BigInteger("123456789012345678901234567890"));
        assertThat(SafeValues.safeBigInt(Json.parse("1.5"))).isEmpty();
        assertThat(SafeValues.safeBigInt(JsonBoolean.TRUE)).contains(BigInteger.ONE);
        assertThat(SafeValues.safeBigInt(JsonBoolean.FALSE)).contains(BigInteger.ZERO);
        assertThat(SafeValues.safeBigInt(Json.NULL)).isEmpty();
        assertThat(SafeValues.safeBigInt(Json.array(Json.of(5)))).isEmpty();
        assertThat(SafeValues.safeBigInt(Json.object().put("a", 1).build())).isEmpty();
    }

    @ParameterizedTest(name = "fromBigIntString(\"{0}\", {1}) = {2}")
    @CsvSource(quoteCharacter = '`', textBlock = """
            1000000000000000000,    18, 1
            1500000000000000000,    18, 1.5
            1.50,                   18, 1.5
            1.50,                   0,  1.5
            1.123456789,            2,  1.123456789
            ``,                     18, 0
            `  `,                   18, 0
            ` 1500000000000000000 `,18, 1.5
            0,                      18, 0
            1,                      18, 0.000000000000000001
            123,                    0,  123
            5,                      0,  5
            5,                      1,  0.5
            50,                     1,  5
            -1500000000000000000,   18, -1.5
            +2000,                  3,  2
            0x10,                   0,  16
            0x10,                   1,  1.6
            340282366920938463463374607431768211455, 18, 340282366920938463463.374607431768211455
            12345678901234567890123456789012345678901234567890, 18, 12345678901234567890123456789012.34567890123456789
            1.,                     18, 1
            .5,                     18, 0.5
            -.5,                    18, -0.5
            -0.0,                   18, 0
            000.100,                18, 0.1
            abc,                    18, 0
            1.5.5,                  18, 0
            1e18,                   18, 0
            1.5e3,                  18, 0
            .,                      18, 0
            -,                      18, 0
            1.5x,                   18, 0
            -0x10,                  0,  0
            """)
    void fromBigIntStringRendersAmounts(String text, int decimals, String expected) {
        assertThat(SafeValues.fromBigIntString(text, decimals)).isEqualTo(expected);
    }

    @Test
    void fromBigIntStringDefaultsToEighteenDecimals() {
        assertThat(SafeValues.fromBigIntString("1000000000000000000")).isEqualTo("1");
        assertThat(SafeValues.fromBigIntString("1500000000000000000")).isEqualTo("1.5");
        assertThat(SafeValues.fromBigIntString("1.50")).isEqualTo("1.5");
        assertThat(SafeValues.fromBigIntString("")).isEqualTo("0");
    }

    @Test
    void fromBigIntStringWithZeroDecimalsIsTheIntegerItself() {
        // The original renders this as "0.5".
        assertThat(SafeValues.fromBigIntString("5", 0)).isEqualTo("5");
        assertThat(SafeValues.fromBigIntString("1000", 0)).isEqualTo("1000");
    }

    @Test
    void fromBigIntStringRejectsNegativeDecimals() {
        assertThatThrownBy(() -> SafeValues.fromBigIntString("5", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> SafeValues.fromBigIntString("", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "toBigIntString(\"{0}\", {1}) = {2}")
    @CsvSource(quoteCharacter = '`', textBlock = """
            1.5,                    18, 1500000000000000000
            1,                      18, 1000000000000000000
            ` 1.5 `,                18, 1500000000000000000
            0.000000000000000001,   18, 1
            0.0000000000000000019,  18, 1
            1.999,                  2,  199
            1.999,                  0,  1
            .5,                     18, 500000000000000000
            5.,                     18, 5000000000000000000
            .,                      18, 0
            ``,                     18, 0
            `   `,                  18, 0
            0,                      18, 0
            000123,                 0,  123
            007.50,                 2,  750
            0.000,                  18, 0
            -1,                     18, 0
            +1,                     18, 0
            1e18,                   18, 0
            0x10,                   18, 0
            1.5.5,                  18, 0
            1 5,                    18, 0
            abc,                    18, 0
            ١,                      18, 0
            340282366920938463463.374607431768211455,      18, 340282366920938463463374607431768211455
            340282366920938463463374607431768211455,       0,  340282366920938463463374607431768211455
            340282366920938463463.3746074317682114559999,  18, 340282366920938463463374607431768211455
            """)
    void toBigIntStringScalesAmounts(String text, int decimals, String expected) {
        assertThat(SafeValues.toBigIntString(text, decimals)).isEqualTo(expected);
    }

    @Test
    void toBigIntStringDefaultsToEighteenDecimals() {
        assertThat(SafeValues.toBigIntString("1.5")).isEqualTo("1500000000000000000");
        assertThat(SafeValues.toBigIntString("nope")).isEqualTo("0");
    }

    @Test
    void toBigIntStringRejectsAmountsAbove128Bits() {
        assertThatThrownBy(() -> SafeValues.toBigIntString("340282366920938463463374607431768211456", 0))
                .isInstanceOf(ArithmeticException.class).hasMessage(TOO_LARGE);
        assertThatThrownBy(() -> SafeValues.toBigIntString("340282366920938463463.374607431768211456", 18))
                .isInstanceOf(ArithmeticException.class).hasMessage(TOO_LARGE);
        assertThatThrownBy(() -> SafeValues.toBigIntString("1" + "0".repeat(100), 0))
                .isInstanceOf(ArithmeticException.class).hasMessage(TOO_LARGE);
        // Huge decimals or texts are refused by counting digits, without building the number.
        assertThatThrownBy(() -> SafeValues.toBigIntString("1", Integer.MAX_VALUE))
                .isInstanceOf(ArithmeticException.class).hasMessage(TOO_LARGE);
        assertThatThrownBy(() -> SafeValues.toBigIntString("9".repeat(1_000_000), 18))
                .isInstanceOf(ArithmeticException.class).hasMessage(TOO_LARGE);
        assertThatThrownBy(() -> SafeValues.toBigIntString("0." + "0".repeat(1_000_000) + "1", Integer.MAX_VALUE))
                .isInstanceOf(ArithmeticException.class).hasMessage(TOO_LARGE);
        assertThat(SafeValues.toBigIntString("0." + "0".repeat(1_000_000) + "1", 18)).isEqualTo("0");
        assertThat(SafeValues.toBigIntString("0", Integer.MAX_VALUE)).isEqualTo("0");
        // Leading zeros do not count.
        assertThat(SafeValues.toBigIntString("0".repeat(1_000) + "1", 0)).isEqualTo("1");
    }

    @Test
    void toBigIntStringRejectsNegativeDecimals() {
        assertThatThrownBy(() -> SafeValues.toBigIntString("1", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsRoundTrip() {
        for (String amount : new String[] {"0", "1", "1.5", "0.000000000000000001", "123456.789", "340282366920938463463.374607431768211455"}) {
            assertThat(SafeValues.fromBigIntString(SafeValues.toBigIntString(amount))).isEqualTo(amount);
        }
    }

    @Test
    void safeJsonParseIsEmptyOnBadText() {
        assertThat(SafeValues.safeJsonParse("{\"a\":[1,true]}")).contains(Json.object()
                .put("a", Json.array(Json.of(1), JsonBoolean.TRUE)).build());
        assertThat(SafeValues.safeJsonParse(" null ")).contains(Json.NULL);
        assertThat(SafeValues.safeJsonParse("{\"a\":1,}")).isEmpty();
        assertThat(SafeValues.safeJsonParse("")).isEmpty();
        assertThat(SafeValues.safeJsonParse("NaN")).isEmpty();
        assertThat(SafeValues.safeJsonParse("[".repeat(100_000))).isEmpty();
    }

    @Test
    void safeJsonStringifyWritesCompactText() {
        assertThat(SafeValues.safeJsonStringify(Json.object().put("b", 1).put("a", "x\n").build()))
                .isEqualTo("{\"b\":1,\"a\":\"x\\n\"}");
        assertThat(SafeValues.safeJsonStringify(Json.NULL)).isEqualTo("null");
    }

    @Test
    void javaNullIsAProgrammingError() {
        assertThatThrownBy(() -> SafeValues.safeBigInt((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SafeValues.safeBigInt((Json) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SafeValues.fromBigIntString(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SafeValues.toBigIntString(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SafeValues.safeJsonParse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SafeValues.safeJsonStringify(null)).isInstanceOf(NullPointerException.class);
    }
}
