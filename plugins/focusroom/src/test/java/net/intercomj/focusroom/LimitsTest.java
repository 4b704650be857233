package net.intercomj.focusroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Bounds and the original's {@code parseInt} reading of minutes. */
class LimitsTest {

    @Test
    void parseIntReadsTheLeadingIntegerAsJsDoes() {
        assertThat(Limits.parseInt("2.9")).hasValue(2);
        assertThat(Limits.parseInt("5abc")).hasValue(5);
        assertThat(Limits.parseInt("  -3 ")).hasValue(-3);
        assertThat(Limits.parseInt("+7")).hasValue(7);
        assertThat(Limits.parseInt("0.5")).hasValue(0);
        assertThat(Limits.parseInt("99999999999999999999999")).hasValue(Long.MAX_VALUE);
        for (String nan : new String[] {"", "abc", "-", ".5", "e3"}) {
            assertThat(Limits.parseInt(nan)).as(nan).isEqualTo(OptionalLong.empty());
        }
        assertThat(Limits.parseInt(null)).isEmpty();
    }

    @Test
    void minutesAreBoundedAndNamed() {
        assertThat(Limits.minutes(1)).isEqualTo(1);
        assertThat(Limits.minutes(1440)).isEqualTo(1440);
        assertThatThrownBy(() -> Limits.minutes(-5)).hasMessage("minutes must be between 1 and 1440 (got -5)");
        assertThatThrownBy(() -> Limits.minutes(Long.MAX_VALUE)).hasMessageContaining("minutes must be between");
    }

    @Test
    void roomsAndTextsAreTrimmedAndBounded() {
        assertThat(Limits.room("  Deep Work ")).as("case is kept, as the sidechannel name").isEqualTo("Deep Work");
        assertThatThrownBy(() -> Limits.room(null)).hasMessage("room is required");
        assertThatThrownBy(() -> Limits.room("a\u2028b")).hasMessage("room must not contain control characters");
        assertThat(Limits.text(" x ".repeat(1), "goal")).isEqualTo("x");
        assertThat(Limits.text("y".repeat(240), "goal")).hasSize(240);
        assertThatThrownBy(() -> Limits.text("y".repeat(241), "status")).hasMessage("status is too long (241 > 240 characters)");
    }
}
