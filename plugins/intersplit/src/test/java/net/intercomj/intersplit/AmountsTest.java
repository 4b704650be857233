package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @ParameterizedTest(name = "\"{0}\" is {1} cents")
    @CsvSource(delimiter = '|', value = {
        "1,000.55|100055",
        "' 5 '|500",
        "5|500",
        "30|3000",
        "5.5|550",
        "5.50|550",
        ".50|50",
        "0.05|5",
        "0.01|1",
        "007|700",
        "1,234,567.89|123456789",
        "10000000000|1000000000000",
        "10,000,000,000.00|1000000000000",
    })
    void acceptsPlainDecimals(String text, long cents) {
        assertThat(Amounts.parseAmountCents(text)).isEqualTo(cents);
    }

    @Test
    void trimsWhatJavaScriptTrims() {
        assertThat(Amounts.parseAmountCents("\u00A0\t5\u3000\uFEFF")).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blankIsTheOriginalsMessageAlone(String text) {
        assertThatThrownBy(() -> Amounts.parseAmountCents(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid amount. Use a positive number.");
        assertThatThrownBy(() -> Amounts.parseAmountCents(null)).hasMessage(Amounts.INVALID);
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "1.555|Use at most two decimals (whole cents): \"1.555\".",
        "1,000.555|Use at most two decimals (whole cents): \"1,000.555\".",
        "1.500|Use at most two decimals (whole cents): \"1.500\".",
        "0.004|Use at most two decimals (whole cents): \"0.004\".",
        "1e3|Exponents are not accepted; write the amount out: \"1e3\".",
        "2.5E-1|Exponents are not accepted; write the amount out: \"2.5E-1\".",
        "-1|Negative amounts are not allowed: \"-1\".",
        "+5|Write the amount without a sign: \"+5\".",
        "0|The amount is zero: \"0\".",
        "0.00|The amount is zero: \"0.00\".",
        "1,2,3|Commas may only separate thousands: \"1,2,3\".",
        "1000,00|Commas may only separate thousands: \"1000,00\".",
        ",100|Commas may only separate thousands: \",100\".",
        "1.0,5|Commas may only separate thousands: \"1.0,5\".",
        "5.|A decimal point must be followed by digits: \"5.\".",
        "abc|Not a plain decimal number: \"abc\".",
        "0x10|Not a plain decimal number: \"0x10\".",
        "Infinity|Not a plain decimal number: \"Infinity\".",
        "NaN|Not a plain decimal number: \"NaN\".",
        "1 000|Not a plain decimal number: \"1 000\".",
        "1.2.3|Not a plain decimal number: \"1.2.3\".",
        ".|A decimal point must be followed by digits: \".\".",
        "'\u0661\u0662'|Not a plain decimal number: \"\u0661\u0662\".",
        "10000000000.01|The largest amount is 10000000000.00: \"10000000000.01\".",
        "9007199254740993|The largest amount is 10000000000.00: \"9007199254740993\".",
    })
    void refusesWithTheOriginalsMessageAndTheProblem(String text, String problem) {
        assertThatThrownBy(() -> Amounts.parseAmountCents(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid amount. Use a positive number. " + problem);
    }

    @Test
    void quotesAtMostFortyCharactersOfTheInput() {
        String longText = "1".repeat(100);
        assertThatThrownBy(() -> Amounts.parseAmountCents(longText))
                .hasMessage(Amounts.INVALID + " The largest amount is 10000000000.00: \"" + "1".repeat(40) + "…\".");
    }

    @ParameterizedTest(name = "{0} cents print as {1}")
    @CsvSource({"1000,10.00", "-5,-0.05", "0,0.00", "5,0.05", "100055,1000.55", "-1500,-15.00", "1000000000000,10000000000.00"})
    void formatsAsToFixedTwo(long cents, String text) {
        assertThat(Amounts.format(cents)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} cents print as {1}")
    @CsvSource({"1500,+15.00", "-1500,-15.00", "0,+0.00", "-1,-0.01"})
    void formatsSignedBalances(long cents, String text) {
        assertThat(Amounts.formatSigned(cents)).isEqualTo(text);
    }

    @Test
    void parsedAmountsPrintBack() {
        for (String text : new String[] {"0.01", "0.10", "1.00", "12.34", "999999.99", "10000000000.00"}) {
            assertThat(Amounts.format(Amounts.parseAmountCents(text))).isEqualTo(text);
        }
    }
}
