package net.intercomj.host.msb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void parsesDecimalsIntoBaseUnits() {
        assertThat(Amounts.parse("0.03")).isEqualTo(Amounts.FEE);
        assertThat(Amounts.parse("1")).isEqualTo(Amounts.ONE);
        assertThat(Amounts.parse("12.000000000000000001")).isEqualTo(new BigInteger("12000000000000000001"));
        assertThat(Amounts.parse("0")).isZero();
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        assertThatThrownBy(() -> Amounts.parse("-1")).hasMessageContaining("not negative");
        assertThatThrownBy(() -> Amounts.parse("1.0000000000000000001")).hasMessageContaining("at most 18 decimals");
        assertThatThrownBy(() -> Amounts.parse("1e5")).hasMessageContaining("expected digits");
        assertThatThrownBy(() -> Amounts.parse(".5")).hasMessageContaining("expected digits");
        assertThatThrownBy(() -> Amounts.parse("")).hasMessageContaining("expected digits");
        String overMax = Amounts.format(Amounts.MAX.add(BigInteger.ONE));
        assertThatThrownBy(() -> Amounts.parse(overMax)).hasMessageContaining("above the largest amount");
        assertThat(Amounts.parse(Amounts.format(Amounts.MAX))).isEqualTo(Amounts.MAX);
    }

    @Test
    void formatsWithoutTrailingZeros() {
        assertThat(Amounts.format(Amounts.FEE)).isEqualTo("0.03");
        assertThat(Amounts.format(Amounts.ONE.multiply(BigInteger.valueOf(1000)))).isEqualTo("1000");
        assertThat(Amounts.format(BigInteger.ZERO)).isEqualTo("0");
        assertThat(Amounts.format(BigInteger.ONE)).isEqualTo("0.000000000000000001");
    }

    @Test
    void parseAndFormatRoundTrip() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            BigInteger units = new BigInteger(128, new java.util.Random(random.nextLong()));
            assertThat(Amounts.parse(Amounts.format(units))).isEqualTo(units);
            assertThat(Amounts.fromBytes16(Amounts.toBytes16(units))).isEqualTo(units);
        }
    }
}
