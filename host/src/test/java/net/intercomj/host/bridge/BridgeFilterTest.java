package net.intercomj.host.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Filter syntax and matching as the original's (spec §3.7, §5.18). */
class BridgeFilterTest {

    @Test
    void alternativesOfWordsThatMustAllAppearIgnoringCase() {
        BridgeFilter filter = BridgeFilter.parse("Alpha+beta|gamma");
        assertThat(filter.groups()).isEqualTo(List.of(List.of("alpha", "beta"), List.of("gamma")));
        assertThat(filter.matches("ALPHA x BETA")).isTrue();
        assertThat(filter.matches("alpha")).isFalse();
        assertThat(filter.matches("Gamma")).isTrue();
    }

    @Test
    void commasAndSpacesAlsoJoinWordsAndEmptyAlternativesAreDropped() {
        BridgeFilter filter = BridgeFilter.parse(" a, b  c ||");
        assertThat(filter.groups()).isEqualTo(List.of(List.of("a", "b", "c")));
        assertThat(filter.matches("c b a")).isTrue();
        assertThat(filter.matches("a b")).isFalse();
    }

    @Test
    void theEmptyFilterLetsEverythingThrough() {
        assertThat(BridgeFilter.parse("").matches("anything")).isTrue();
        assertThat(BridgeFilter.parse(" | ").matches("anything")).isTrue();
        assertThat(BridgeFilter.NONE.matches("")).isTrue();
    }
}
