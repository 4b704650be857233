package net.intercomj.host.contract.schema;

import static net.intercomj.host.contract.schema.SchemaJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JavaScript semantics the validator relies on, checked against values printed by Node.js 20
 * ({@code String(x)}, {@code Number(s)}, {@code ==}), and the address checks against published
 * vectors (EIP-55, BIP-173/350).
 */
class ContractSchemaJsSemanticsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.30000000000000004 | 0.30000000000000004",
        "1e21 | 1e+21",
        "1e20 | 100000000000000000000",
        "5e-324 | 5e-324",
        "1.5e-323 | 1.5e-323",
        "123e-20 | 1.23e-18",
        "-1e-7 | -1e-7",
        "1e-6 | 0.000001",
        "1e-7 | 1e-7",
        "100 | 100",
        "1.5e300 | 1.5e+300",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
        "9007199254740992 | 9007199254740992",
        "0.000123 | 0.000123",
        "123456.789 | 123456.789",
        "-0.0 | 0",
        "0.3333333333333333 | 0.3333333333333333",
        "4.35 | 4.35",
    })
    void numbersPrintAsJavaScriptPrintsThem(double value, String printed) {
        assertThat(JsNumbers.toString(value)).isEqualTo(printed);
    }

    @Test
    void specialNumbersPrintAsJavaScriptPrintsThem() {
        assertThat(JsNumbers.toString(Double.NaN)).isEqualTo("NaN");
        assertThat(JsNumbers.toString(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(JsNumbers.toString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "' 0x1F ' | 31",
        "'' | 0",
        "'.5e1' | 5",
        "'0o17' | 15",
        "'0B11' | 3",
        "'5.' | 5",
        "'-.5' | -0.5",
        "'1e1000' | Infinity",
        "'Infinity' | Infinity",
        "'-Infinity' | -Infinity",
    })
    void textReadsAsJavaScriptsNumberReadsIt(String text, double number) {
        assertThat(JsNumbers.parse(text)).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1_0", "+0b1", "0x", "1e", "- 5", "1.2.3", "abc", "infinity", "NaN"})
    void nonNumbersReadAsNaN(String text) {
        assertThat(JsNumbers.parse(text)).isNaN();
    }

    @Test
    void javaScriptWhiteSpaceAndLineTerminatorsAreTrimmed() {
        assertThat(JsNumbers.parse("\u00a05\u2028")).isEqualTo(5);
        assertThat(JsValues.trim("\ufeff\u3000 x \u2029\u000b")).isEqualTo("x");
        // U+0085 and U+200B are not white space to JavaScript.
        assertThat(JsValues.trim("\u0085x\u200b")).isEqualTo("\u0085x\u200b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "5 | '5' | true",
        "5 | ' 5\\n' | true",
        "5 | '5a' | false",
        "5 | [5] | true",
        "5 | [[5]] | true",
        "0 | [] | true",
        "0 | '' | true",
        "0 | false | true",
        "1 | true | true",
        "2 | true | false",
        "'1' | true | true",
        "'[object Object]' | {} | true",
        "'1,2' | [1,[2]] | true",
        "'1,,2' | [1,null,2] | true",
        "null | 0 | false",
        "null | null | true",
        "{} | {} | false",
        "[] | [] | false",
        "'a' | 'a' | true",
    })
    void looseEqualityFollowsJavaScript(String a, String b, boolean equal) {
        assertThat(JsValues.looseEquals(json(a), json(b))).isEqualTo(equal);
        assertThat(JsValues.looseEquals(json(b), json(a))).isEqualTo(equal);
    }

    @Test
    void objectKeysPutArrayIndicesFirst() {
        assertThat(JsValues.keys(json("{b:1, '10':1, a:1, '2':1, '02':1, '4294967295':1, '4294967294':1}")))
                .containsExactly("2", "10", "4294967294", "b", "a", "02", "4294967295");
    }

    @Test
    void arraysJoinLikeJavaScript() {
        assertThat(JsValues.string(json("[1, [2, [3, null]], {}, 'x', true, 0.5]")))
                .isEqualTo("1,2,3,,[object Object],x,true,0.5");
        assertThat(JsValues.join(json("['a', null, 1e21]"), ", ")).isEqualTo("a, , 1e+21");
    }

    @Test
    void truthinessFollowsJavaScript() {
        assertThat(JsValues.truthy(json("0"))).isFalse();
        assertThat(JsValues.truthy(json("''"))).isFalse();
        assertThat(JsValues.truthy(json("null"))).isFalse();
        assertThat(JsValues.truthy(null)).isFalse();
        assertThat(JsValues.truthy(json("'remove'"))).isTrue();
        assertThat(JsValues.truthy(json("[]"))).isTrue();
        assertThat(JsValues.truthy(json("-1"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886e0f7030069857d2e4169ee7",
        "0x52908400098527886E0F7030069857D2E4169EE7",
    })
    void eip55AddressesPass(String address) {
        assertThat(WalletAddresses.isEvm(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
        "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0X52908400098527886E0F7030069857D2E4169EE7",
        "52908400098527886E0F7030069857D2E4169EE7",
        "0x52908400098527886E0F7030069857D2E4169EE",
    })
    void badEvmAddressesFail(String address) {
        assertThat(WalletAddresses.isEvm(address)).isFalse();
    }

    @Test
    void base58KeepsLeadingZeroBytes() {
        assertThat(Base58.decode("1")).containsExactly(0);
        assertThat(Base58.decode("11")).containsExactly(0, 0);
        assertThat(Base58.decode("")).isEmpty();
        assertThat(Base58.decode("1z")).containsExactly(0, 57);
        assertThat(Base58.decode("5R")).containsExactly(1, 0);
        assertThat(Base58.decode("0")).isNull();
        assertThat(Base58.decode("l")).isNull();
        assertThat(Base58.decode("é")).isNull();
        assertThat(HexFormat.of().formatHex(Base58.decode("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")))
                .isEqualTo("0077bff20c60e522dfaa3350c39b030a5d004e839af415766b");
    }

    @Test
    void solanaKeysAreExactly32Bytes() {
        assertThat(WalletAddresses.isSolana("11111111111111111111111111111111")).isTrue();
        assertThat(WalletAddresses.isSolana("So11111111111111111111111111111111111111112")).isTrue();
        assertThat(WalletAddresses.isSolana("1111111111111111111111111111111")).isFalse();
        assertThat(WalletAddresses.isSolana("z".repeat(44))).isFalse();
        assertThat(WalletAddresses.isSolana("")).isFalse();
        assertThat(WalletAddresses.isSolana("1".repeat(100_000))).isFalse();
    }

    @Test
    void segwitFollowsBip173AndBip350() {
        assertThat(WalletAddresses.isSegwit("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
        assertThat(WalletAddresses.isSegwit("BC1SW50QGDZ25J")).isTrue();
        assertThat(WalletAddresses.isSegwit("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")).isTrue();
        assertThat(WalletAddresses.isSegwit("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd")).isFalse();
        assertThat(WalletAddresses.isSegwit("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh")).isFalse();
        // Another prefix (Litecoin's) is not Bitcoin's.
        assertThat(WalletAddresses.isSegwit("ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9")).isFalse();
    }

    @Test
    void regexTranslationKeepsJavaScriptMeaning() {
        assertThat(JsRegex.compile("^a$", "").test("a\n")).isFalse();
        assertThat(JsRegex.compile("^b$", "m").test("a\rb")).isTrue();
        assertThat(JsRegex.compile("^b$", "m").test("a\u0085b")).isFalse();
        assertThat(JsRegex.compile("^[^]$", "").test("\n")).isTrue();
        assertThat(JsRegex.compile("[]", "").test("")).isFalse();
        assertThat(JsRegex.compile("^\\s$", "").test("\u3000")).isTrue();
        assertThat(JsRegex.compile("^[^\\S]$", "").test("\u3000")).isTrue();
        assertThat(JsRegex.compile("^[^\\S]$", "").test("x")).isFalse();
        assertThat(JsRegex.compile("^\\cj\\c1$", "").test("\n\\c1")).isTrue();
        assertThat(JsRegex.compile("^[\\c1]$", "").test("\u0011")).isTrue();
        assertThat(JsRegex.compile("^\\2(a)$", "").test("\u0002a")).isTrue();
        assertThat(JsRegex.compile("^\\k$", "").test("k")).isTrue();
        assertThat(JsRegex.compile("^(?<$x>a)\\k<$x>$", "").test("aa")).isTrue();
        assertThat(JsRegex.compile("HELLO", "i").test("say hello")).isTrue();
        assertThat(JsRegex.compile("a/b", "").literal()).isEqualTo("/a\\/b/");
        assertThat(JsRegex.compile("", "yg").literal()).isEqualTo("/(?:)/gy");
        assertThat(JsRegex.compile("\n", "").literal()).isEqualTo("/\\n/");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'(' | ''",
        "'a)' | ''",
        "'[a' | ''",
        "'*a' | ''",
        "'a**' | ''",
        "'a{2}{3}' | ''",
        "'^*' | ''",
        "'\\b+' | ''",
        "'[z-a]' | ''",
        "'a{3,2}' | ''",
        "'(?i)a' | ''",
        "'\\' | ''",
        "'(?<n>a)(?<n>b)' | ''",
        "'(?<n>a)\\k<m>' | ''",
        "'a' | 'u'",
        "'a' | 'v'",
        "'a' | 'gg'",
        "'a' | 'x'",
    })
    void invalidExpressionsAreRefused(String source, String flags) {
        assertThatThrownBy(() -> JsRegex.compile(source, flags)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catastrophicRecursionReturnsNoMatchInsteadOfThrowing() {
        JsRegex regex = JsRegex.compile("^(a|b)*$", "");
        assertThat(regex.test("ab".repeat(200_000))).isFalse();
        assertThat(regex.test("abab")).isTrue();
    }
}
